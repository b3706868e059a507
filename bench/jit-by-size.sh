#!/usr/bin/env bash
# Which JIT setting pays for `scan` (or `import`) at which log size: tiered compilation (C1 then C2, the JVM's
# default) against C1 alone (-XX:TieredStopAtLevel=1), turn about on each log, ROUNDS rounds, CPU seconds (user +
# system, all threads) and wall seconds per run. The launcher picks C1 alone below 1 GB of input from these figures
# (./ransomtrace, "import|scan"); RANSOMTRACE_JAVA_OPTS overrides the launcher's choice, as here.
#
# usage: bench/jit-by-size.sh scan|import ROUNDS LOG...
# Build first: mvn -q -DskipTests package. Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:?usage: bench/jit-by-size.sh scan|import ROUNDS LOG...}
rounds=${2:?usage: bench/jit-by-size.sh scan|import ROUNDS LOG...}
shift 2
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
declare -A opts=([tiered]="-Xmx256m -XX:+UseParallelGC" [c1-only]="-Xmx256m -XX:+UseParallelGC -XX:TieredStopAtLevel=1")
echo "$(nproc) cores, load at the start $(cut -d' ' -f1-3 /proc/loadavg)"
for log in "$@"; do
  cat "$log" > /dev/null # from the page cache for every run
  for r in $(seq "$rounds"); do
    for jit in tiered c1-only; do
      rm -f "$WORK/case.rtcase"
      if [ "$cmd" = scan ]; then args=(scan "$log"); else args=(import --quiet --case "$WORK/case.rtcase" "$log"); fi
      RANSOMTRACE_JAVA_OPTS="${opts[$jit]}" /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" ./ransomtrace "${args[@]}" \
        > /dev/null 2>&1 || true
      read -r wall user sys rss < "$WORK/time"
      printf "%-22s %-8s %6.2f s cpu %6.2f s wall %5d MB peak RSS (load %s)\n" "$(basename "$log")" "$jit" \
        "$(echo "$user + $sys" | bc)" "$wall" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
