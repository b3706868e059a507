#!/usr/bin/env bash
# The long fuzz run (README, "Reliability"): mutated logs of every format through scan and import, crafted cases
# through coverage, report, repair and import, all with fixed seeds; counts crashes, hangs and invariant violations.
#
# usage: bench/fuzz.sh [INPUTS] [SEED]      (defaults: 1200 inputs, seed 1486; every crafted case kind)
#
# Runs in one JVM with the heap the launcher gives import and scan (-Xmx256m) and reports its peak RSS.
# Exit status 0 when nothing failed; the inputs of failures are kept under the work folder it prints.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inputs="${1:-1200}"
seed="${2:-1486}"
cd "$here"
mvn -q -B -ntp -DskipTests package
cp="end-to-end/target/test-classes:app/target/ransomtrace-app.jar"
for jar in app/target/lib/*.jar; do cp="$cp:$jar"; done
exec java -Xmx256m -XX:+UseParallelGC -cp "$cp" io.ransomtrace.e2e.fuzz.FuzzRun --inputs "$inputs" --seed "$seed" \
  --work "${FUZZ_WORK:-$(mktemp -d /tmp/ransomtrace-fuzz.XXXXXX)}"
