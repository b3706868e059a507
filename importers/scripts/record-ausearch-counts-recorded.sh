#!/bin/sh
# Records, for every audit log of the recorded sample cases (sample-cases/cases/*/audit.log*), how many events
# `ausearch --raw -if FILE` reports (distinct node + msg=audit(time:serial) stamps). RecordedCasesAusearchCountTest
# compares the importer's event counts with these, so the test itself does not need ausearch installed.
# gzip-compressed logs are decompressed to a temporary file first (ausearch does not read gzip).
# Run from the repository root after re-recording cases: importers/scripts/record-ausearch-counts-recorded.sh
set -eu
out=importers/src/test/resources/io/ransomtrace/importers/auditd/recorded-ausearch-counts.tsv
tmp=$(mktemp)
plain=$(mktemp)
(
  echo "# file (relative to the repository root)	events per ausearch --raw -if ($(ausearch --version 2>&1 | head -1))"
  find sample-cases/cases -type f -name 'audit.log*' | LC_ALL=C sort | while read -r f; do
    case "$f" in
      *.gz) gzip -dc "$f" > "$plain"; src=$plain ;;
      *) src=$f ;;
    esac
    n=$(ausearch --raw -if "$src" 2>/dev/null \
        | sed -n 's/^\(node=[^ ]* \)\{0,1\}.*msg=audit(\([0-9.:]*\)).*/\1\2/p' | sort -u | wc -l)
    printf '%s\t%s\n' "$f" "$n"
  done
) > "$tmp"
rm -f "$plain"
mv "$tmp" "$out"
echo "wrote $out"
