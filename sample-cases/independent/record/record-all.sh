#!/bin/bash
cd "$(dirname "$0")"; logs=${TMPDIR:-/tmp}
for spec in "h2_qlocker_root_ssh nas02.lab.internal raw" "h3_cron_xargs_gpg ws-priya.lab.internal enriched" "h4_ssh_sudo_python_inplace web-shop01 raw" \
  "b1_cron_root_backup nas01.lab.internal raw" "b2_ssh_gzip_recursive ws-priya.lab.internal raw" "b3_ssh_mogrify ws-mk.lab.internal enriched" \
  "b4_cron_rsync_mirror nas02.lab.internal raw" "b5_user_encrypts_few ws-mk.lab.internal raw" "b6_sudo_perm_fix web-shop01 raw" \
  "b7_zip_encrypted_backup ws-priya.lab.internal raw" "b8_git_project build01.lab.internal raw"; do
  set -- $spec
  flock /tmp/ransomtrace-auditd.lock ./record.sh $1 $2 $3 > $logs/rt-independent-$1.txt 2>&1 9>&-
  echo "$1 done: $(tail -2 $logs/rt-independent-$1.txt | tr '\n' ' ')"
done
