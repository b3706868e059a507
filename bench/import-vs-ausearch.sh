#!/usr/bin/env bash
# Side-by-side benchmark: `ransomtrace import` (parse + store + indexes + ANALYZE) against `ausearch --raw -if`
# merely reading the same raw audit log. Prints both times, their ratio, the import's peak RSS and the size of
# the case as a fraction of the log. The issue's target: import <= 0.5 x ausearch, peak RSS < 512 MB.
#
# usage: bench/import-vs-ausearch.sh AUDIT_LOG [RUNS]
#        bench/import-vs-ausearch.sh -n RUNS AUDIT_LOG...
#   AUDIT_LOG  a raw or ENRICHED audit.log; ~1 GB for the README figures. The two shapes of the README:
#              python3 bench/gen-ransom-audit-log.py 1000 bench-data/ransom-1g.log          (dense, one host)
#              python3 bench/gen-busy-hosts-enriched-log.py 1400 bench-data/busy-1400m.log  (sparse, four hosts)
#              Several logs are measured in the same run, in turn within every round, so that they see the
#              same machine.
#   RUNS       rounds (default 3); each round runs, per log, ausearch then the import, back to back. The
#              MEDIAN of each figure and of the per-pair ratio is reported: on a shared machine the speed
#              drifts, and a pair run back to back sees the same drift.
# environment:
#   JAVA_OPTS      JVM options for the import (default: -Xmx256m -XX:+UseParallelGC, what ./ransomtrace uses for
#                  its streaming commands, import and scan)
#   IMPORTERS_JAR  an importers jar to put first on the class path (to bench a branch before it is merged)
#
# Build first: mvn -B -o -pl app -am package -DskipTests   (the app jar and target/lib)
set -euo pipefail

RUNS=3
if [ "${1:-}" = "-n" ]; then
  RUNS=${2:?-n needs a number}
  shift 2
  LOGS=("$@")
else
  LOGS=("${1:?usage: bench/import-vs-ausearch.sh AUDIT_LOG [RUNS] | -n RUNS AUDIT_LOG...}")
  RUNS=${2:-3}
fi
[ ${#LOGS[@]} -gt 0 ] || { echo "no audit log given" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=$ROOT/app/target/ransomtrace-app.jar
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC}
command -v ausearch >/dev/null || { echo "ausearch not found (apt-get install auditd)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[ -f "$APP_JAR" ] || { echo "build first: mvn -B -o -pl app -am package -DskipTests" >&2; exit 2; }
for log in "${LOGS[@]}"; do [ -f "$log" ] || { echo "no such log: $log" >&2; exit 2; }; done
CP="${IMPORTERS_JAR:+$IMPORTERS_JAR:}$APP_JAR:$ROOT/app/target/lib/*"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

for run in $(seq 1 "$RUNS"); do
  for k in "${!LOGS[@]}"; do
    log=${LOGS[$k]}
    # Both tools read the log from the page cache: warm it.
    cat "$log" > /dev/null
    # ausearch exits 1 when it finds nothing; with no criteria it prints every record (to /dev/null here).
    /usr/bin/time -v -o "$WORK/aus.time" ausearch --raw -if "$log" > /dev/null 2> "$WORK/aus.err" || true
    a=$(elapsed "$WORK/aus.time")

    rm -f "$WORK/bench.rtcase"
    /usr/bin/time -v -o "$WORK/imp.time" java $JAVA_OPTS -cp "$CP" io.ransomtrace.app.Main import --quiet \
        --case "$WORK/bench.rtcase" "$log" > "$WORK/imp.out.$k" 2> "$WORK/imp.err" \
        || { echo "import failed:"; cat "$WORK/imp.out.$k" "$WORK/imp.err"; exit 1; }
    i=$(elapsed "$WORK/imp.time")
    r=$(rss_kb "$WORK/imp.time")
    stat -c %s "$WORK/bench.rtcase" > "$WORK/case_bytes.$k"
    ac=$(cpu_s "$WORK/aus.time"); ic=$(cpu_s "$WORK/imp.time")
    load=$(cut -d' ' -f1 /proc/loadavg)
    ratio=$(awk -v i="$i" -v a="$a" 'BEGIN {printf "%.3f", i / a}')
    echo "run $run $(basename "$log"): ausearch --raw ${a}s (cpu ${ac}s), ransomtrace import ${i}s (cpu ${ic}s)," \
         "ratio $ratio, import peak RSS $((r / 1024)) MB, load $load"
    echo "$a $ac $i $ic $ratio $r $load" >> "$WORK/runs.$k"
  done
done

echo
printf "%s\n" "medians of $RUNS rounds on $(nproc) cores; target: ratio <= 0.50, peak RSS < 512 MB"
printf "| log | MB | records / events | ausearch wall (cpu) | import wall (cpu) | ratio, median (range) | import peak RSS | case / log | load avg (range) |\n"
printf "|---|---|---|---|---|---|---|---|---|\n"
for k in "${!LOGS[@]}"; do
  log=${LOGS[$k]}
  f="$WORK/runs.$k"
  col() { awk -v c="$1" '{print $c}' "$f" | median; }
  lo() { awk -v c="$1" '{print $c}' "$f" | sort -g | head -1; }
  hi() { awk -v c="$1" '{print $c}' "$f" | sort -g | tail -1; }
  counts=$(awk '$2 == "imported" {r = $(NF-3); e = $(NF-2); gsub(",", "", r); gsub(",", "", e);
                printf "%.2f M / %.2f M", r / 1e6, e / 1e6}' "$WORK/imp.out.$k")
  awk -v name="$(basename "$log")" -v l="$(stat -c %s "$log")" -v c="$(cat "$WORK/case_bytes.$k")" -v counts="$counts" \
      -v a="$(col 1)" -v ac="$(col 2)" -v i="$(col 3)" -v ic="$(col 4)" -v q="$(col 5)" -v qlo="$(lo 5)" -v qhi="$(hi 5)" \
      -v r="$(col 6)" -v llo="$(lo 7)" -v lhi="$(hi 7)" 'BEGIN {
    printf "| %s | %.0f | %s | %.1f s (%.1f s) | %.1f s (%.1f s) | **%.2f** (%.2f-%.2f) | %.0f MB | %.2f | %.1f-%.1f |\n",
      name, l / 1e6, counts, a, ac, i, ic, q, qlo, qhi, r / 1024, c / l, llo, lhi
  }'
done
