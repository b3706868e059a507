#!/bin/bash
# The sixth batch: gpg --encrypt-files to an intruder's key, a rename-first locker rewriting the renamed files, and backups that keep the data.
cd "$(dirname "$0")"; logs=${TMPDIR:-/tmp}
for spec in "h14_ssh_gpg_encrypt_files_find_delete nas02.lab.internal raw host" "h15_cron_rename_first_then_rewrite web-shop01 enriched watch" \
  "b21_ssh_gpg_encrypt_files_backup_keep ws-priya.lab.internal raw host" "b22_cron_root_copy_backup nas01.lab.internal raw watch"; do
  set -- $spec
  RULES=$4 flock /tmp/ransomtrace-auditd.lock ./record.sh $1 $2 $3 > $logs/rt-independent-$1.txt 2>&1 9>&-
  echo "$1 done: $(tail -2 $logs/rt-independent-$1.txt | tr '\n' ' ')"
done
