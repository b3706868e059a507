#!/usr/bin/env bash
# Side-by-side benchmark: `ransomtrace import` (parse + store + indexes + ANALYZE) against `ausearch --raw -if`
# merely reading the same raw audit log. Prints both times, their ratio, the import's peak RSS and the size of
# the case as a fraction of the log. The issue's target: import <= 0.5 x ausearch, peak RSS < 512 MB.
#
# usage: bench/import-vs-ausearch.sh AUDIT_LOG [RUNS]
#   AUDIT_LOG  a raw audit.log; ~1 GB for the README figure. Make one with
#              bench/gen-ransom-audit-log.py 1000 /tmp/audit-1g.log
#              (or the importers' generator: see bench/auditd-parse.sh once the auditd branch is merged)
#   RUNS       runs of each tool, alternating (ausearch, import, ausearch, import, ...); the MEDIAN of each
#              figure and of the per-pair ratio is reported (default 3): on a shared machine the speed drifts,
#              and a pair run back to back sees the same drift
# environment:
#   JAVA_OPTS      JVM options for the import (default: -Xmx256m -XX:+UseParallelGC, what ./ransomtrace uses for
#                  its streaming commands, import and scan)
#   IMPORTERS_JAR  an importers jar to put first on the class path (to bench a branch before it is merged)
#
# Build first: mvn -B -o -pl app -am package -DskipTests   (the app jar and target/lib)
set -euo pipefail

LOG=${1:?usage: bench/import-vs-ausearch.sh AUDIT_LOG [RUNS]}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=$ROOT/app/target/ransomtrace-app.jar
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC}
command -v ausearch >/dev/null || { echo "ausearch not found (apt-get install auditd)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[ -f "$APP_JAR" ] || { echo "build first: mvn -B -o -pl app -am package -DskipTests" >&2; exit 2; }
CP="${IMPORTERS_JAR:+$IMPORTERS_JAR:}$APP_JAR:$ROOT/app/target/lib/*"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LOG_BYTES=$(stat -c %s "$LOG")

# Both tools read the log from the page cache: warm it once.
cat "$LOG" > /dev/null

elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
: > "$WORK/runs"
for run in $(seq 1 "$RUNS"); do
  # ausearch exits 1 when it finds nothing; with no criteria it prints every record (to /dev/null here).
  /usr/bin/time -v -o "$WORK/aus.time" ausearch --raw -if "$LOG" > /dev/null 2> "$WORK/aus.err" || true
  a=$(elapsed "$WORK/aus.time")

  rm -f "$WORK/bench.rtcase"
  /usr/bin/time -v -o "$WORK/imp.time" java $JAVA_OPTS -cp "$CP" io.ransomtrace.app.Main import --quiet \
      --case "$WORK/bench.rtcase" "$LOG" > "$WORK/imp.out" 2> "$WORK/imp.err" \
      || { echo "import failed:"; cat "$WORK/imp.out" "$WORK/imp.err"; exit 1; }
  i=$(elapsed "$WORK/imp.time")
  r=$(rss_kb "$WORK/imp.time")
  case_bytes=$(stat -c %s "$WORK/bench.rtcase")
  ac=$(cpu_s "$WORK/aus.time"); ic=$(cpu_s "$WORK/imp.time")
  ratio=$(awk -v i="$i" -v a="$a" 'BEGIN {printf "%.3f", i / a}')
  echo "run $run: ausearch --raw ${a}s (cpu ${ac}s), ransomtrace import ${i}s (cpu ${ic}s), ratio $ratio, import peak RSS $((r / 1024)) MB"
  echo "$a $ac $i $ic $ratio $r" >> "$WORK/runs"
done

col() { awk -v c="$1" '{print $c}' "$WORK/runs" | median; }
grep -E "imported|interrupted|Total" "$WORK/imp.out" || true
awk -v a="$(col 1)" -v ac="$(col 2)" -v i="$(col 3)" -v ic="$(col 4)" -v q="$(col 5)" -v r="$(col 6)" \
    -v rmax="$(awk '{print $6}' "$WORK/runs" | sort -g | tail -1)" -v c="$case_bytes" -v l="$LOG_BYTES" -v n="$RUNS" \
    -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "\nlog                      %.1f MB   (load average at the end: %s on %d cores; medians of %d pairs)\n", l / 1e6, load, '"$(nproc)"', n
  printf "ausearch --raw -if       %.2f s   (cpu %.2f s)\n", a, ac
  printf "ransomtrace import       %.2f s   (cpu %.2f s; parse + store + indexes + ANALYZE)\n", i, ic
  printf "ratio import / ausearch  %.2f     (median of the per-pair ratios; target <= 0.50)\n", q
  printf "import peak RSS          %.0f MB   (largest run %.0f MB; target < 512 MB)\n", r / 1024, rmax / 1024
  printf "case size                %.1f MB = %.3f of the log\n", c / 1e6, c / l
}'
