#!/usr/bin/env bash
# Parse benchmark, side by side with ausearch: builds a deterministic ~1 GB raw audit.log in ./bench-data/
# (once), parses it to events with Ransomtrace's auditd importer under -Xmx256m, runs `ausearch --raw -if` on
# the same file, and prints both times and the ratio.
#   SIZE_MB=1024 bench/auditd-parse.sh          (default 1024)
#   NO_AUSEARCH=1 bench/auditd-parse.sh         (only our parser)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${SIZE_MB:-1024}
data=bench-data/audit-${size_mb}m.log

mkdir -p bench-data
# -am: the engine comes from this checkout, not from a local repository (nothing is installed there)
mvn -q -B -o -Dstyle.color=never -pl importers -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/bench-data/classpath.txt"
cp="importers/target/classes:importers/target/test-classes:$(cat bench-data/classpath.txt)"

if [ ! -f "$data" ]; then
  java -Xmx256m -cp "$cp" io.ransomtrace.importers.bench.AuditLogGenerator "$data" "$size_mb"
fi
command -v ausearch >/dev/null || { echo "ausearch not installed: running ours only"; NO_AUSEARCH=1; }
java -Xmx256m -XX:+UseParallelGC -cp "$cp" io.ransomtrace.importers.bench.AuditdParseBenchmark "$data" \
  ${NO_AUSEARCH:+--no-ausearch}
