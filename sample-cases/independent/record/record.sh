#!/bin/bash
# record.sh SCENARIO HOST FORMAT
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"; source "$here/scenarios.sh"
sc=$1 host=$2 fmt=${3:-raw}
CASE=$OUT/$sc; rm -rf $CASE; mkdir -p $CASE
users_create; sshd_start; cron_start; tree_make
! declare -F pre_$sc >/dev/null || pre_$sc   # set-up that is not part of the recorded story
RULES=${RULES:-host}
auditd_start $CASE $host $fmt
T0=$(date +%s.%N)
sc_$sc
T1=$(date +%s.%N)
auditd_stop
! declare -F post_$sc >/dev/null || post_$sc  # putting the host back (a database, /var/backups), not part of the story
echo "window $T0 $T1" >> $CASE/facts
ls -la $CASE; cat $CASE/facts
