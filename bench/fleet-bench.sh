#!/usr/bin/env bash
# Fleet scale benchmark (README "Fleet"): a synthetic fleet of HOSTS hosts x EVENTS events (default 200 x 50,000),
# shipped into an in-process Kafka broker; `ransomtrace fleet job` at parallelism 1 and 2 against `ransomtrace scan`
# of the same files, checkpoint size per host, and event-to-finding latency with the job running live.
# Needs the build (mvn -q -DskipTests package), GNU time, Linux /proc (CPU per thread: JIT, GC, the rest) and about
# 13 GB of free memory (the job runs with -Xmx10g; FLEET_BENCH_JOB_OPTS changes it: 200 hosts hold about 3.5 GB of
# live heap and run in -Xmx6g, with more GC). Writes into bench-data/fleet/ (git-ignored).
# usage: bench/fleet-bench.sh [HOSTS] [EVENTS_PER_HOST] [LIVE_LINES_PER_SECOND] [LIVE_HOSTS] [latency-only|throughput-only]
# FLEET_BENCH_MESSAGES=line ships a line per message (as audisp plugins, laurel, Auditbeat) instead of fleet ship's runs.
set -euo pipefail
cd "$(dirname "$0")/.."
hosts="${1:-200}" events="${2:-50000}" rate="${3:-40000}" live_hosts="${4:-40}" mode="${5:-all}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[ -f fleet/target/ransomtrace-fleet-job.jar ] && [ -f app/target/ransomtrace-app.jar ] \
  || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
mvn -q -o -pl fleet -am test-compile -DskipTests >/dev/null 2>&1 || mvn -q -pl fleet -am test-compile -DskipTests
mkdir -p bench-data
mvn -q -o -pl fleet dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/bench-data/fleet-cp.txt" >/dev/null 2>&1 \
  || mvn -q -pl fleet dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/bench-data/fleet-cp.txt"
cp="fleet/target/test-classes:fleet/target/classes:detection-engine/target/classes:importers/target/classes:$(cat bench-data/fleet-cp.txt)"
logs="bench-data/fleet/${hosts}x${events}"
if [ ! -d "$logs" ]; then
  java -cp "$cp" io.ransomtrace.fleet.bench.SyntheticFleet "$hosts" "$events" "$logs"
fi
opens=""
for p in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time java.util \
         java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
java -Xmx2g $opens -cp "$cp" io.ransomtrace.fleet.bench.FleetBenchmark "$PWD" "$logs" bench-data/fleet/work "$rate" "$live_hosts" "$mode"
