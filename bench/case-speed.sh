#!/usr/bin/env bash
# What the analyst waits for once a case is imported, on one imported case, each figure the median of RUNS runs:
#   re-run   a full replay through the detector and coverage from the replay table, against the same from the
#            events table (a copy of the case without its replay chunks: how re-runs read a case before) - ReplayBench
#   analyze  ./ransomtrace analyze --case (fresh JVM: detection over every event, findings kept in the case)
#   open     what the window does before painting the findings list, from the kept analysis (OpenCaseBench)
#   report   ./ransomtrace report --format json (fresh JVM, the kept findings)
#   tuning   live tuning: a stale re-run interrupted by a newer change, the new run's first partial result and
#            its end (LiveTuningBench)
# The case is copied first (analyze writes into it).
#
# usage: bench/case-speed.sh CASE.rtcase [RUNS]
# Build first: mvn -B -o -pl app -am package -DskipTests && mvn -B -o -pl app test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
CASE=${1:?usage: bench/case-speed.sh CASE.rtcase [RUNS]}
RUNS=${2:-3}
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
CP="app/target/test-classes:app/target/classes:app/target/lib/*"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$CASE" "$WORK/case.rtcase"
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "== re-run: replay table vs events table (ReplayBench, $RUNS runs)"
java -Xmx1g -cp "$CP" io.ransomtrace.app.bench.ReplayBench "$WORK/case.rtcase" "$RUNS"

: > "$WORK/analyze"; : > "$WORK/open"; : > "$WORK/report"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -v -o "$WORK/t" ./ransomtrace analyze --case "$WORK/case.rtcase" > "$WORK/analyze.out" 2>&1 \
    || { echo "analyze failed:"; tail -20 "$WORK/analyze.out"; exit 1; }
  echo "$(elapsed "$WORK/t") $(rss_mb "$WORK/t")" >> "$WORK/analyze"
  /usr/bin/time -v -o "$WORK/t" java -Xmx1g -cp "$CP" io.ransomtrace.app.ui.OpenCaseBench "$WORK/case.rtcase" > "$WORK/open.out" \
    || { echo "open failed:"; cat "$WORK/open.out"; exit 1; }
  echo "$(sed -n 's/^open: \([0-9.]*\) s.*/\1/p' "$WORK/open.out") $(elapsed "$WORK/t") $(rss_mb "$WORK/t")" >> "$WORK/open"
  /usr/bin/time -v -o "$WORK/t" ./ransomtrace report --case "$WORK/case.rtcase" --format json --out "$WORK/r.json" --force \
    > "$WORK/report.out" 2>&1 || { echo "report failed:"; tail -5 "$WORK/report.out"; exit 1; }
  echo "$(elapsed "$WORK/t") $(rss_mb "$WORK/t")" >> "$WORK/report"
done
col() { awk -v c="$2" '{print $c}' "$WORK/$1" | median; }
echo
echo "== analyze (fresh JVM each run): $(tail -1 "$WORK/analyze.out")"
echo "   wall per run: $(awk '{printf "%s s  ", $1}' "$WORK/analyze")(the first computes coverage too; later runs, same settings, reuse it)"
echo "   median wall $(col analyze 1) s, peak RSS $(col analyze 2) MB"
echo "== open (fresh JVM each run): $(cat "$WORK/open.out")"
echo "   median $(col open 1) s to the findings list ($(col open 2) s with the JVM's start), peak RSS $(col open 3) MB"
echo "== report --format json (fresh JVM each run, kept findings): median wall $(col report 1) s, peak RSS $(col report 2) MB"
echo
echo "== live tuning (LiveTuningBench)"
java -Xmx1g -cp "$CP" io.ransomtrace.app.bench.LiveTuningBench "$WORK/case.rtcase" 1500
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
