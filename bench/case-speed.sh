#!/usr/bin/env bash
# What the analyst waits for once a case is imported, on one imported case, each figure the median of RUNS runs:
#   re-run   a full replay through the detector and coverage from the replay table, against the same from the
#            events table (a copy of the case without its replay chunks: how re-runs read a case before) - ReplayBench
#   analyze  ./ransomtrace analyze --case (fresh JVM: detection over every event, findings kept in the case)
#   open     what the window does before painting the findings list, from the kept analysis (OpenCaseBench)
#   report   ./ransomtrace report --format json (fresh JVM, the kept findings)
#   tuning   live tuning: a stale re-run interrupted by a newer change, the new run's first partial result and
#            its end (LiveTuningBench)
# analyze and report are timed as the launcher runs them, wall clock and CPU (user + system, all threads). Their
# first run is not counted: it writes the command's class-data-sharing archive (./ransomtrace, "Class Data
# Sharing"), which every later run maps.
# With BASELINE (the root of another checkout of Ransomtrace, built), analyze and report of that checkout run in
# the same loop, turn about with this one's, each on its own copy of the case: before and after side by side.
# The case is copied first (analyze writes into it).
#
# usage: bench/case-speed.sh CASE.rtcase [RUNS] [BASELINE]
# Build first: mvn -B -o -pl app -am package -DskipTests && mvn -B -o -pl app test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
CASE=${1:?usage: bench/case-speed.sh CASE.rtcase [RUNS] [BASELINE]}
RUNS=${2:-3}
BASELINE=${3:-}
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
if [ -n "$BASELINE" ] && [ ! -x "$BASELINE/ransomtrace" ]; then
  echo "no ransomtrace launcher in $BASELINE" >&2
  exit 2
fi
CP="app/target/test-classes:app/target/classes:app/target/lib/*"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$CASE" "$WORK/case.rtcase"
[ -z "$BASELINE" ] || cp "$CASE" "$WORK/baseline.rtcase"
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "== re-run: replay table vs events table (ReplayBench, $RUNS runs)"
java -Xmx1g -cp "$CP" io.ransomtrace.app.bench.ReplayBench "$WORK/case.rtcase" "$RUNS"

# timed NAME LAUNCHER_DIR CASE COMMAND...: runs the command with that checkout's launcher; appends "wall cpu rss"
# to $WORK/NAME (its output to $WORK/NAME.out)
timed() {
  local name=$1 dir=$2 case=$3
  shift 3
  if [ "$1" = report ]; then
    set -- report --case "$case" --format json --out "$WORK/$name.json" --force
  else
    set -- analyze --case "$case"
  fi
  /usr/bin/time -v -o "$WORK/t" "$dir/ransomtrace" "$@" > "$WORK/$name.out" 2>&1 \
    || { echo "$name failed:"; tail -20 "$WORK/$name.out"; exit 1; }
  echo "$(elapsed "$WORK/t") $(cpu "$WORK/t") $(rss_mb "$WORK/t")" >> "$WORK/$name"
}
for step in analyze report; do # the uncounted first runs (each command's CDS archive)
  timed warmup . "$WORK/case.rtcase" $step
  [ -z "$BASELINE" ] || timed warmup "$BASELINE" "$WORK/baseline.rtcase" $step
done
: > "$WORK/analyze"; : > "$WORK/open"; : > "$WORK/report"; : > "$WORK/baseline-analyze"; : > "$WORK/baseline-report"
for run in $(seq 1 "$RUNS"); do
  [ -z "$BASELINE" ] || timed baseline-analyze "$BASELINE" "$WORK/baseline.rtcase" analyze
  timed analyze . "$WORK/case.rtcase" analyze
  /usr/bin/time -v -o "$WORK/t" java -Xmx1g -cp "$CP" io.ransomtrace.app.ui.OpenCaseBench "$WORK/case.rtcase" > "$WORK/open.out" \
    || { echo "open failed:"; cat "$WORK/open.out"; exit 1; }
  echo "$(sed -n 's/^open: \([0-9.]*\) s.*/\1/p' "$WORK/open.out") $(elapsed "$WORK/t") $(rss_mb "$WORK/t")" >> "$WORK/open"
  [ -z "$BASELINE" ] || timed baseline-report "$BASELINE" "$WORK/baseline.rtcase" report
  timed report . "$WORK/case.rtcase" report
done
col() { awk -v c="$2" '{print $c}' "$WORK/$1" | median; }
summary() { echo "median wall $(col "$1" 1) s, CPU $(col "$1" 2) s, peak RSS $(col "$1" 3) MB (wall per run: $(awk '{printf "%s ", $1}' "$WORK/$1")s)"; }
echo
echo "== analyze (fresh JVM each run): $(grep '^Analysed' "$WORK/analyze.out")"
echo "   $(tail -1 "$WORK/analyze.out")"
echo "   this checkout: $(summary analyze)"
[ -z "$BASELINE" ] || echo "   baseline:      $(summary baseline-analyze)"
echo "== open (fresh JVM each run): $(cat "$WORK/open.out")"
echo "   median $(col open 1) s to the findings list ($(col open 2) s with the JVM's start), peak RSS $(col open 3) MB"
echo "== report --format json (fresh JVM each run, kept findings): $(grep "^Wrote" "$WORK/report.out")"
echo "   this checkout: $(summary report)"
[ -z "$BASELINE" ] || echo "   baseline:      $(summary baseline-report)"
if [ -n "$BASELINE" ]; then
  cmp -s <(grep -v '"generated' "$WORK/report.json") <(grep -v '"generated' "$WORK/baseline-report.json") \
    && echo "   the two reports are the same" || echo "   THE TWO REPORTS DIFFER"
fi
echo
echo "== live tuning (LiveTuningBench)"
java -Xmx1g -cp "$CP" io.ransomtrace.app.bench.LiveTuningBench "$WORK/case.rtcase" 1500
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
