#!/bin/bash
# Recorder of sample-cases/independent (a second harness, apart from sample-cases/record). Real sshd logins (key auth), real cron,
# no rule that hides root daemons or the harness.
set -uo pipefail
HO=${HO:-/var/tmp/rt-independent}   # the test login key lives here, never in the repository
mkdir -p "$HO"
OUT=${OUT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/cases}
RULES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/rules
declare -A UIDS=([mkowalski]=2001 [priya]=2002 [tomas]=2003 [svc-nas]=2050 [deploy]=2060)
log() { echo "[ho $(date -u +%T)] $*" >&2; }

users_create() {
  for u in "${!UIDS[@]}"; do
    getent passwd "$u" >/dev/null || useradd -m -u "${UIDS[$u]}" -s /bin/bash "$u"
    install -d -m 700 -o "$u" -g "$u" /home/$u/.ssh
    [ -f $HO/key ] || ssh-keygen -q -t ed25519 -N '' -f $HO/key
    install -m 600 -o "$u" -g "$u" $HO/key.pub /home/$u/.ssh/authorized_keys
    passwd -d "$u" >/dev/null 2>&1; usermod -p '*' "$u"
  done
  echo "mkowalski ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/ho; echo "deploy ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers.d/ho
  chmod 440 /etc/sudoers.d/ho
  install -d -m 700 /root/.ssh; install -m 600 $HO/key.pub /root/.ssh/authorized_keys
}

sshd_start() {
  mkdir -p /run/sshd
  [ -f /tmp/ho-sshd.pid ] && kill -0 "$(cat /tmp/ho-sshd.pid)" 2>/dev/null && return
  /usr/sbin/sshd -p 2222 -o PidFile=/tmp/ho-sshd.pid -o PermitRootLogin=prohibit-password -o UsePAM=yes -o PasswordAuthentication=no
  sleep 0.5
}
cron_start() { pgrep -x cron >/dev/null || /usr/sbin/cron 3>&- 9>&- ; }  # never inherit the recording lock (flock passes it as fd 3)
sshx() { local u=$1; shift; ssh -q -p 2222 -i $HO/key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes "$u@127.0.0.1" "$@"; }

# tree: mixed documents under homes and a NAS share, a web root
tree_make() {
  rm -rf /srv/nas /var/www/shop /home/mkowalski/Documents /home/priya/work /home/tomas/proj
  python3 - <<'PY'
import os, random
r = random.Random(4711)
exts = ['.docx','.xlsx','.pdf','.jpg','.png','.txt','.csv','.odt','.mp4','.zip','.psd','.sql']
def mk(base, ndirs, nfiles, owner):
    for d in range(ndirs):
        p = os.path.join(base, r.choice(['Projekte','Rechnungen','photos','2025','clients','scans','misc','Q3','archive','drafts']) + f'_{d}')
        os.makedirs(p, exist_ok=True)
        for i in range(nfiles):
            name = r.choice(['report','IMG','invoice','notes','budget','contract','Scan','data','minutes','plan']) + f'_{r.randint(1,9999)}' + r.choice(exts)
            with open(os.path.join(p, name), 'wb') as f:
                f.write(os.urandom(r.randint(2000, 60000)))
    os.system(f'chown -R {owner}: {base}')
mk('/home/mkowalski/Documents', 6, 7, 'mkowalski')
mk('/home/priya/work', 5, 8, 'priya')
mk('/srv/nas/share', 9, 9, 'svc-nas')
mk('/var/www/shop/uploads', 4, 10, 'www-data')
PY
}

AUDIT_CONF=
auditd_start() { # dir host format
  local dir=$1 host=$2 fmt=$3
  mkdir -p "$dir"; AUDIT_CONF=$(mktemp -d); mkdir -p $AUDIT_CONF/plugins
  cat > $AUDIT_CONF/auditd.conf <<C
local_events = yes
write_logs = yes
log_file = $dir/audit.log
log_group = root
log_format = $fmt
flush = INCREMENTAL_ASYNC
freq = 50
max_log_file = 200
num_logs = 5
max_log_file_action = ROTATE
name_format = USER
name = $host
space_left = 75
space_left_action = IGNORE
admin_space_left = 50
admin_space_left_action = IGNORE
disk_full_action = IGNORE
disk_error_action = IGNORE
plugin_dir = $AUDIT_CONF/plugins
q_depth = 4000
overflow_action = IGNORE
end_of_event_timeout = 2
C
  chmod 640 $AUDIT_CONF/auditd.conf
  /usr/sbin/auditd -n -c $AUDIT_CONF >/dev/null 2>&1 &
  AUDITD_PID=$!
  sleep 1
  auditctl -D >/dev/null
  auditctl -R "$RULES_DIR/${RULES:-host}.rules" >/dev/null
  auditctl -e 1 >/dev/null
}
auditd_stop() {
  sleep 2
  auditctl -e 0 >/dev/null; auditctl -D >/dev/null
  kill -TERM $AUDITD_PID; wait $AUDITD_PID 2>/dev/null
  rm -rf $AUDIT_CONF
}
