#!/bin/bash
# The third batch: recorded later the same day with the same harness, other tools, habits and a watch-style rule set.
cd "$(dirname "$0")"; logs=${TMPDIR:-/tmp}
for spec in "h5_cron_root_c_locker fs01.corp.example enriched watch" "h6_ssh_ccrypt_recursive ws-mk.lab.internal raw host" \
  "h7_ssh_perl_truncate_rename ws-priya.lab.internal enriched watch" "h8_ssh_sudo_zip_move nas02.lab.internal raw watch" \
  "b9_cron_logrotate_gzip nas01.lab.internal raw host" "b10_ssh_gpg_sign_release build01.lab.internal enriched watch" \
  "b11_cron_rsync_move nas02.lab.internal raw host" "b12_ssh_ccdecrypt_restore ws-mk.lab.internal raw watch"; do
  set -- $spec
  RULES=$4 flock /tmp/ransomtrace-auditd.lock ./record.sh $1 $2 $3 > $logs/rt-independent-$1.txt 2>&1 9>&-
  echo "$1 done: $(tail -2 $logs/rt-independent-$1.txt | tr '\n' ' ')"
done
