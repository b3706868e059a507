#!/bin/bash
# Shared functions for record-case.sh and the scenario scripts. Sourced, never run.
# Everything that touches the machine is undone by rt_cleanup (installed as an EXIT trap).

RT_ROOT=/srv/rt-lab                 # the lab file tree (recreated for every case)
RT_OPT=/opt/rt-lab                  # helpers the recorded users run (login helper, dropped tools)
RT_SEED=20261128
RT_SUDOERS=/etc/sudoers.d/rt-lab
RT_DROP=/var/tmp/.font-cache       # where the recorded "attacker" drops tools (removed afterwards)
declare -A RT_UIDS=([alice]=1101 [bob]=1102 [carol]=1103 [dave]=1104 [svc-backup]=1190)
RT_HUMANS="alice bob carol dave"

rt_log() { echo "[record $(date -u +%H:%M:%S)] $*" >&2; }
rt_die() { rt_log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------
# Audit state: save what the machine had, restore it whatever happens.
# ---------------------------------------------------------------------------------------------------
rt_audit_save_state() {
    RT_STATE=$(mktemp -d /tmp/rt-audit-state.XXXXXX)
    auditctl -s > "$RT_STATE/status" || rt_die "auditctl -s failed: is the kernel audit subsystem available?"
    grep -q '^enabled 2' "$RT_STATE/status" && rt_die "audit configuration is locked (enabled 2); cannot record"
    auditctl -l > "$RT_STATE/rules" 2>/dev/null || true
    RT_SYS_AUDITD_PID=$(auditctl -s | awk '$1=="pid"{print $2}')
    if [ -n "$RT_SYS_AUDITD_PID" ] && [ "$RT_SYS_AUDITD_PID" != 0 ]; then
        tr '\0' ' ' < "/proc/$RT_SYS_AUDITD_PID/cmdline" > "$RT_STATE/sys_auditd_cmd" 2>/dev/null || true
        rt_log "stopping the machine's auditd (pid $RT_SYS_AUDITD_PID); it is restarted afterwards"
        if command -v systemctl >/dev/null && systemctl is-active --quiet auditd 2>/dev/null; then
            echo systemd > "$RT_STATE/sys_auditd_how"; systemctl stop auditd
        else
            echo direct > "$RT_STATE/sys_auditd_how"; kill -TERM "$RT_SYS_AUDITD_PID"
            for _ in $(seq 50); do kill -0 "$RT_SYS_AUDITD_PID" 2>/dev/null || break; sleep 0.1; done
        fi
    fi
}

rt_audit_restore_state() {
    [ -n "${RT_STATE:-}" ] && [ -d "$RT_STATE" ] || return 0
    auditctl -e 0 >/dev/null 2>&1 || true
    auditctl -D >/dev/null 2>&1 || true
    local v
    v=$(awk '$1=="backlog_limit"{print $2}' "$RT_STATE/status"); [ -n "$v" ] && auditctl -b "$v" >/dev/null
    v=$(awk '$1=="failure"{print $2}' "$RT_STATE/status");       [ -n "$v" ] && auditctl -f "$v" >/dev/null
    v=$(awk '$1=="rate_limit"{print $2}' "$RT_STATE/status");    [ -n "$v" ] && auditctl -r "$v" >/dev/null
    if ! grep -q '^No rules' "$RT_STATE/rules"; then
        # auditctl -l prints rules in the syntax auditctl -R reads back.
        auditctl -R "$RT_STATE/rules" >/dev/null || rt_log "WARNING: could not reload the saved audit rules ($RT_STATE/rules)"
    fi
    v=$(awk '$1=="enabled"{print $2}' "$RT_STATE/status");       [ -n "$v" ] && auditctl -e "$v" >/dev/null
    if [ -f "$RT_STATE/sys_auditd_how" ]; then
        if [ "$(cat "$RT_STATE/sys_auditd_how")" = systemd ]; then systemctl start auditd
        else /usr/sbin/auditd; fi
        rt_log "restarted the machine's auditd"
    fi
    rm -rf "$RT_STATE"
}

# ---------------------------------------------------------------------------------------------------
# Private auditd writing into the case folder.
# ---------------------------------------------------------------------------------------------------
rt_auditd_start() {   # CASE_DIR HOST FORMAT(raw|enriched)
    local case_dir=$1 host=$2 format=${3^^}
    RT_AUDITD_CONF=$(mktemp -d /tmp/rt-auditd-conf.XXXXXX)
    mkdir -p "$RT_AUDITD_CONF/plugins"
    cat > "$RT_AUDITD_CONF/auditd.conf" <<CONF
local_events = yes
write_logs = yes
log_file = $case_dir/audit.log
log_group = root
log_format = $format
flush = INCREMENTAL_ASYNC
freq = 50
max_log_file = 100
num_logs = 5
max_log_file_action = ROTATE
name_format = USER
name = $host
priority_boost = 0
space_left = 75
space_left_action = IGNORE
admin_space_left = 50
admin_space_left_action = IGNORE
disk_full_action = IGNORE
disk_error_action = IGNORE
use_libwrap = no
tcp_listen_queue = 5
tcp_max_per_addr = 1
tcp_client_max_idle = 0
transport = TCP
distribute_network = no
q_depth = 4000
overflow_action = IGNORE
max_restarts = 10
plugin_dir = $RT_AUDITD_CONF/plugins
end_of_event_timeout = 2
CONF
    chmod 640 "$RT_AUDITD_CONF/auditd.conf"
    /usr/sbin/auditd -n -c "$RT_AUDITD_CONF" > "$RT_AUDITD_CONF/auditd.out" 2>&1 9>&- &
    RT_AUDITD_PID=$!
    for _ in $(seq 50); do
        [ "$(auditctl -s | awk '$1=="pid"{print $2}')" = "$RT_AUDITD_PID" ] && { rt_log "private auditd pid $RT_AUDITD_PID -> $case_dir/audit.log ($format, node=$host)"; return 0; }
        sleep 0.1
    done
    cat "$RT_AUDITD_CONF/auditd.out" >&2
    rt_die "private auditd did not register with the kernel"
}

rt_auditd_rotate() {  # what `service auditd rotate` does: SIGUSR1
    [ -n "${RT_AUDITD_PID:-}" ] && kill -USR1 "$RT_AUDITD_PID"
}

rt_auditd_stop() {
    [ -n "${RT_AUDITD_PID:-}" ] || return 0
    # Stop the private auditd (closing the case log) BEFORE touching the rules: auditctl -D removes
    # rules one at a time, so for a moment the "always" rules would be loaded without the leading
    # "never" rule, and even disabling first let a syscall in flight of an unrelated process into a log.
    kill -TERM "$RT_AUDITD_PID" 2>/dev/null || true
    wait "$RT_AUDITD_PID" 2>/dev/null || true
    auditctl -e 0 >/dev/null 2>&1 || true
    auditctl -D >/dev/null 2>&1 || true
    RT_AUDITD_PID=
    rm -rf "$RT_AUDITD_CONF"
}

# ---------------------------------------------------------------------------------------------------
# Lab users, tree, login sessions.
# ---------------------------------------------------------------------------------------------------
rt_users_create() {
    local u
    for u in "${!RT_UIDS[@]}"; do
        getent passwd "$u" >/dev/null && continue
        getent passwd "${RT_UIDS[$u]}" >/dev/null && rt_die "uid ${RT_UIDS[$u]} already used on this machine"
        groupadd -g "${RT_UIDS[$u]}" "$u"
        useradd -u "${RT_UIDS[$u]}" -g "$u" -d "$RT_ROOT/home/$u" -M -s /bin/bash -c "rt-lab $u" "$u"
        echo "$u" >> "$RT_OPT.users-created"
    done
    getent group finance >/dev/null || { groupadd -g 1150 finance; echo finance >> "$RT_OPT.groups-created"; }
    usermod -aG finance alice; usermod -aG finance carol
    # The humans are admins of their machines (sudo without password so recording needs no tty).
    printf '%s ALL=(ALL:ALL) NOPASSWD: ALL\n' $RT_HUMANS > "$RT_SUDOERS"
    chmod 440 "$RT_SUDOERS"
}

rt_users_remove() {
    rm -f "$RT_SUDOERS"
    local u
    if [ -f "$RT_OPT.users-created" ]; then
        while read -r u; do userdel "$u" 2>/dev/null; getent group "$u" >/dev/null && groupdel "$u" 2>/dev/null; done < "$RT_OPT.users-created"
        rm -f "$RT_OPT.users-created"
    fi
    if [ -f "$RT_OPT.groups-created" ]; then
        while read -r u; do groupdel "$u" 2>/dev/null; done < "$RT_OPT.groups-created"
        rm -f "$RT_OPT.groups-created"
    fi
}

rt_tree_build() {
    rm -rf "$RT_ROOT"
    mkdir -p "$RT_ROOT"
    /usr/bin/python3 "$RT_RECORD_DIR/make-tree.py" "$RT_ROOT" "$RT_SEED"
    chgrp -R finance "$RT_ROOT/shares/finance"
    chmod -R g+w "$RT_ROOT/shares"
    chown -R carol:carol "$RT_ROOT/var/www"
    mkdir -p "$RT_OPT/bin" "$RT_OPT/drop"
    chmod 755 "$RT_OPT" "$RT_OPT/bin"; chmod 1777 "$RT_OPT/drop"
    # What sshd/login do for the audit trail: set the login uid once, then start the user's session.
    cat > "$RT_OPT/bin/login-session" <<'SH'
#!/bin/bash
u=$1; shift
uid=$(id -u "$u") || exit 1
# echo is a shell builtin: the redirection applies to this shell itself, not to a child process.
echo "$uid" > /proc/self/loginuid || exit 1
cd / || exit 1                 # like sshd/crond: the session does not inherit the recorder's directory
if [ "$u" = root ]; then
    cd /root || exit 1         # cron runs root's jobs in root's home
    # root's own profile on the recording machine is not part of the lab: a clean, cron-like environment
    exec env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin su root -c "$*"
fi
exec su - "$u" -c "$*"
SH
    chmod 755 "$RT_OPT/bin/login-session"
    rm -rf "$RT_DROP"; mkdir -p "$RT_DROP"; chmod 1777 "$RT_DROP"
}

rt_tree_remove() {
    rm -rf "$RT_ROOT" "$RT_OPT" "$RT_DROP"
}

# as_login USER COMMAND: run COMMAND in a new login session of USER (auid=USER, fresh ses).
# (9>&-: the recording lock of record-case.sh must not be inherited by daemons a session leaves behind)
as_login() { local u=$1; shift; "$RT_OPT/bin/login-session" "$u" "$*" 9>&-; }
# as_daemon USER COMMAND: run COMMAND as a service account without a login uid (a daemon's child).
as_daemon() { local u=$1; shift; (cd / && runuser -u "$u" -- /bin/bash -c "$*" 9>&-); }

# Drop a file that a recorded user will run: rt_drop SRC DEST_PATH MODE OWNER
rt_drop() { install -D -m "$3" -o "$4" -g "$4" "$1" "$2"; }

# Ransom note bodies (content keywords seen in real notes: encrypted, .onion, bitcoin, decrypt).
rt_note_text() {
    cat <<'NOTE'
!!! YOUR FILES ARE ENCRYPTED !!!

All your documents, databases, backups and virtual machines have been encrypted with a strong
algorithm. Do not rename or modify the encrypted files, you will damage them.

To decrypt your files you need our private key and decryption tool.
1. Download Tor Browser: https://www.torproject.org/
2. Open http://rtlabx7q2k4mzd3u5vw6yhj2pnecdfqsatg3hlzbkmjwiu6kxroqm4yd.onion/chat
3. Enter your personal ID: RT-4F1C-9A27-EE03
4. Pay 0.75 bitcoin (BTC) to the address shown in the chat.

You can decrypt 2 files for free as proof. After 72 hours the price doubles and your data
will be published on our leak site.
NOTE
}
rt_note_html() {
    echo '<html><head><title>How to decrypt your files</title></head><body><pre>'
    rt_note_text
    echo '</pre></body></html>'
}

# Count helpers used by scenarios to compute ground truth from their own target lists.
rt_count_dirs() { xargs -r -d '\n' -n1 dirname | sort -u | wc -l; }

# Compile one of bin-src/*.c to a dropped binary (before recording: the attacker brings a ready binary).
rt_compile() {   # SRC_NAME DEST_PATH
    gcc -O2 -Wall -o "$2" "$RT_RECORD_DIR/bin-src/$1.c" || rt_die "cannot compile $1.c"
    chmod 755 "$2"
}
# rt_check LABEL ACTUAL EXPECTED: ground-truth sanity check after the run.
rt_check() {
    if [ "$2" = "$3" ]; then rt_log "check $1: $2 ok"; return 0; fi
    rt_log "check $1: got $2, expected $3"; return 1
}
# Save a fingerprint of each listed file (stdin: paths) to FILE; rt_changed FILE counts those now different.
rt_fingerprint() { xargs -r -d '\n' md5sum > "$1"; }
rt_changed() { md5sum -c --quiet "$1" 2>/dev/null | grep -c ': FAILED' || true; }
# rt_attack CMD...: run the attacker's part and remember when it ran (epoch seconds, same clock as the
# audit timestamps); record-case.sh writes it to truth.yaml as attackWindow.
rt_attack() {
    ATTACK_START=$(date -u +%s.%3N)
    local rc=0
    "$@" || rc=$?
    ATTACK_END=$(date -u +%s.%3N)
    return $rc
}
