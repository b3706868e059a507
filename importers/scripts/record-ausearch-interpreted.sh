#!/bin/sh
# Records `ausearch -i` (interpreted) renderings of a few real raw logs from the test fixtures, so that
# InterpretedFormatTest can check the interpreted reader against the raw reader on the same events without
# needing ausearch. Times are rendered in UTC. Run from the repository root.
set -eu
fixtures=${FIXTURES:-importers/src/test/resources/fixtures}
out=importers/src/test/resources/io/ransomtrace/importers/auditd/interpreted
mkdir -p "$out"
for f in auditd/otrf-security-datasets/sh_arp_cache_2020-11-10074812.log \
         auditd/otrf-security-datasets/sh_binary_padding_dd_2020-11-10081941.log \
         auditd/linux-audit-userspace/test4.log \
         auditd/go-libaudit/reassembler/normal.log \
         laurel/laurel-testdata/shell-proc-trace.txt \
         laurel/laurel-testdata/record-execve.txt; do
  name=$(basename "$f")
  TZ=UTC LC_ALL=C ausearch -i -if "$fixtures/$f" > "$out/$name.interpreted" 2>/dev/null || true
  printf '%s\n' "$f" > "$out/$name.source"
done
echo "wrote $out"
