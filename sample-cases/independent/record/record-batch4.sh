#!/bin/bash
# The fourth batch: su -l inside a root login, a job that outlives its ssh login, and restore/convert look-alikes.
cd "$(dirname "$0")"; logs=${TMPDIR:-/tmp}
for spec in "h9_ssh_root_su_openssl_replace nas01.lab.internal raw host" "h10_ssh_nohup_after_logout ws-priya.lab.internal enriched watch" \
  "b14_ssh_tar_restore_over ws-mk.lab.internal raw host" "b15_ssh_convert_images build01.lab.internal raw watch" \
  "b16_ssh_7z_extract_archives ws-priya.lab.internal raw host"; do
  set -- $spec
  RULES=$4 flock /tmp/ransomtrace-auditd.lock ./record.sh $1 $2 $3 > $logs/rt-independent-$1.txt 2>&1 9>&-
  echo "$1 done: $(tail -2 $logs/rt-independent-$1.txt | tr '\n' ' ')"
done
