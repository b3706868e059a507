#!/bin/sh
# Records, for every raw audit log among the test fixtures, how many events `ausearch --raw -if FILE`
# reports (distinct node + msg=audit(time:serial) stamps in its output). AusearchCountTest compares the
# importer's event counts with these, so the test itself does not need ausearch installed.
# Run from the repository root: importers/scripts/record-ausearch-counts.sh
set -eu
fixtures=${FIXTURES:-importers/src/test/resources/fixtures}
out=importers/src/test/resources/io/ransomtrace/importers/auditd/ausearch-event-counts.tsv
tmp=$(mktemp)
(
  echo "# file (relative to the fixtures folder)	events per ausearch --raw -if ($(ausearch --version 2>&1 | head -1))"
  cd "$fixtures"
  find auditd laurel -type f \( -name '*.log' -o -name '*.txt' \) ! -name 'README.txt' | LC_ALL=C sort | while read -r f; do
    n=$(ausearch --raw -if "$f" 2>/dev/null \
        | sed -n 's/^\(node=[^ ]* \)\{0,1\}.*msg=audit(\([0-9.:]*\)).*/\1\2/p' | sort -u | wc -l)
    printf '%s\t%s\n' "$f" "$n"
  done
) > "$tmp"
mv "$tmp" "$out"
echo "wrote $out"
