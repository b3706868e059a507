#!/usr/bin/env bash
# Scale curve: import, open and re-run at several log sizes of one shape (the busy-hosts ENRICHED log of
# bench/gen-busy-hosts-enriched-log.py), each with its wall time and peak RSS, written to bench-data/scale.tsv
# and drawn to docs/scale-curve.png (bench/ScaleCurvePlot.java). Growth should be linear in the log size or
# better.
#
# usage: bench/scale-curve.sh [SIZE_MB...]        default: 100 1000 5000
#   import  ./ransomtrace import into a new case (parse + store + indexes + replay table)
#   open    what the window does before painting the findings list (OpenCaseBench: open the case, read the kept
#           analysis, check it holds, read the badges), in a fresh JVM
#   re-run  ./ransomtrace analyze: detection over every event from the replay table, findings kept in the case
# Logs and cases go to bench-data/ (git-ignored); a 5000 MB log needs ~7 GB of disk with its case.
#
# Build first: mvn -B -o -pl app -am package -DskipTests && mvn -B -o -pl app test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 5000)
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[ -f app/target/ransomtrace-app.jar ] && [ -d app/target/test-classes ] \
  || { echo "build first: mvn -B -o -pl app -am package -DskipTests && mvn -B -o -pl app test-compile" >&2; exit 2; }
mkdir -p bench-data/cases docs
OUT=bench-data/scale.tsv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }

printf "size_mb\tevents\timport_s\timport_rss_mb\topen_s\topen_rss_mb\trerun_s\trerun_rss_mb\tload\n" > "$OUT"
for mb in "${SIZES[@]}"; do
  log=bench-data/busy-${mb}m.log
  [ -f "$log" ] || python3 bench/gen-busy-hosts-enriched-log.py "$mb" "$log"
  case=bench-data/cases/scale-${mb}m.rtcase
  rm -f "$case"
  cat "$log" > /dev/null
  /usr/bin/time -v -o "$WORK/imp" ./ransomtrace import --quiet --case "$case" "$log" > "$WORK/imp.out"
  events=$(awk '$2 == "imported" {e = $(NF-2); gsub(",", "", e); print e}' "$WORK/imp.out")
  /usr/bin/time -v -o "$WORK/rerun" ./ransomtrace analyze --case "$case" > "$WORK/rerun.out"
  /usr/bin/time -v -o "$WORK/open" java -Xmx1g -cp "app/target/test-classes:app/target/classes:app/target/lib/*" \
      io.ransomtrace.app.ui.OpenCaseBench "$case" > "$WORK/open.out"
  open_s=$(sed -n 's/^open: \([0-9.]*\) s.*/\1/p' "$WORK/open.out")
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$mb" "$events" "$(elapsed "$WORK/imp")" "$(rss_mb "$WORK/imp")" \
      "$open_s" "$(rss_mb "$WORK/open")" "$(elapsed "$WORK/rerun")" "$(rss_mb "$WORK/rerun")" "$load" >> "$OUT"
  echo "$mb MB: $(tail -1 "$OUT")  | $(cat "$WORK/open.out") | $(tail -1 "$WORK/rerun.out")"
done
java bench/ScaleCurvePlot.java "$OUT" docs/scale-curve.png
echo
echo "| log | events | import (peak RSS) | open: findings list (peak RSS) | re-run: analyze (peak RSS) | load avg |"
echo "|---|---|---|---|---|---|"
awk -F'\t' 'NR > 1 {printf "| %s MB | %\047d | %.1f s (%d MB) | %.2f s (%d MB) | %.1f s (%d MB) | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}' "$OUT"
echo "plot: docs/scale-curve.png"
