#!/bin/bash
# The fifth batch: python copy-and-delete from a user's crontab, an in-place locker without renames, tar | openssl
# of whole homes from root's cron, and archive/checkout/unzip look-alikes.
cd "$(dirname "$0")"; logs=${TMPDIR:-/tmp}
for spec in "h11_cron_user_python_copy_delete build01.lab.internal raw host" "h12_ssh_sudo_inplace_wiper_locker web-shop01 enriched host" \
  "h13_cron_root_tar_openssl_homes fs01.corp.example raw watch" "b17_ssh_tar_then_remove_project ws-priya.lab.internal raw host" \
  "b18_ssh_git_checkout_branches build01.lab.internal raw watch" "b19_ssh_unzip_over ws-mk.lab.internal raw host" \
  "b20_ssh_user_7z_one_folder ws-priya.lab.internal raw host"; do
  set -- $spec
  RULES=$4 flock /tmp/ransomtrace-auditd.lock ./record.sh $1 $2 $3 > $logs/rt-independent-$1.txt 2>&1 9>&-
  echo "$1 done: $(tail -2 $logs/rt-independent-$1.txt | tr '\n' ' ')"
done
