#!/usr/bin/env bash
# Detector-state benchmark: `ransomtrace scan` (parse + detect, stores nothing), `ransomtrace import` (parse +
# store) and `ausearch --raw -if` (just reading) on the same raw audit log, one after the other in one run, each
# under /usr/bin/time: wall time, CPU time, peak RSS, and what the detector's memory caps let go (from the scan's
# summary). scan and import run as ./ransomtrace runs them (-Xmx256m -XX:+UseParallelGC).
#
# usage: bench/scan-vs-import.sh LOG
#        bench/scan-vs-import.sh busy|pids|10g     (generates the log into bench-data/ first, if missing)
#   busy  a busy file server: 1 M events, 125 k distinct pids, no exit records (bench/gen-busy-host-log.py)
#   pids  1 M events, (nearly) a new pid for every event, no exit records
#   10g   the busy host's mix until the log is 10 GB (8 events per pid; pids wrap at pid_max)
#
# Build first: mvn -q -DskipTests package. Needs ausearch (apt-get install auditd) and GNU time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:?usage: bench/scan-vs-import.sh LOG|busy|pids|10g}
mkdir -p "$ROOT/bench-data"
case $arg in
  busy) LOG=$ROOT/bench-data/busy-1m.log; [ -f "$LOG" ] || python3 "$ROOT/bench/gen-busy-host-log.py" "$LOG" --events 1000000 --pids 125000 ;;
  pids) LOG=$ROOT/bench-data/pids-1m.log; [ -f "$LOG" ] || python3 "$ROOT/bench/gen-busy-host-log.py" "$LOG" --events 1000000 --pids 1000000 ;;
  10g)  LOG=$ROOT/bench-data/busy-10g.log; [ -f "$LOG" ] || python3 "$ROOT/bench/gen-busy-host-log.py" "$LOG" --size-mb 10000 --pids 1250000 ;;
  *)    LOG=$arg ;;
esac
command -v ausearch >/dev/null || { echo "ausearch not found (apt-get install auditd)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[ -f "$ROOT/app/target/ransomtrace-app.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat "$LOG" > /dev/null   # all three read from the page cache

measure() {   # NAME COMMAND...
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
  awk -v n="$name" -F': ' '
    /Elapsed \(wall clock\)/ {k=split($2,t,":"); w=0; for(i=1;i<=k;i++) w=w*60+t[i]}
    /User time/ {c+=$2} /System time/ {c+=$2}
    /Maximum resident set size/ {r=$2}
    END {printf "%-22s %8.1f s wall %8.1f s cpu %7.0f MB peak RSS\n", n, w, c, r/1024}' "$WORK/$name.time"
}

echo "log: $LOG ($(du -h "$LOG" | cut -f1)), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "ausearch --raw -if" ausearch --raw -if "$LOG"
measure "ransomtrace scan" "$ROOT/ransomtrace" scan "$LOG"
rm -f "$WORK/bench.rtcase"
measure "ransomtrace import" "$ROOT/ransomtrace" import --quiet --case "$WORK/bench.rtcase" "$LOG"
echo
grep -E "^Read |^Detector memory caps|^[0-9]+ findings?:|^No findings" "$WORK/ransomtrace scan.out" || true
grep -iE "OutOfMemory|Exception" "$WORK/ransomtrace scan.err" "$WORK/ransomtrace import.err" || true
