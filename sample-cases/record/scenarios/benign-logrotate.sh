# Log rotation with compression, three daily runs from root's cron session.
HOST=app01.corp.example
SUMMARY="Benign: logrotate (daily, compress, rotate 5, create) run three times by root's cron session over 9 application logs: renames to .1, gzip to .N.gz, new empty logs."
scenario_prepare() {
    mkdir -p "$RT_ROOT/etc/logrotate.d" "$RT_ROOT/var/lib/logrotate"
    cat > "$RT_ROOT/etc/logrotate.d/apps" <<CONF
$RT_ROOT/var/log/billing/*.log $RT_ROOT/var/log/crm/*.log $RT_ROOT/var/log/portal/*.log {
    daily
    rotate 5
    compress
    delaycompress
    missingok
    notifempty
    create 0640 root root
    sharedscripts
    postrotate
        touch $RT_ROOT/var/log/.reopened
    endscript
}
CONF
}
scenario_run() {
    local day
    for day in 1 2 3; do
        as_login root "/usr/sbin/logrotate -f -s /srv/rt-lab/var/lib/logrotate/status /srv/rt-lab/etc/logrotate.d/apps"
        # the applications write to their fresh logs between rotations
        as_login root "for f in /srv/rt-lab/var/log/*/*.log; do head -c 20000 /srv/rt-lab/etc/samba/smb.conf >> \$f; done"
    done
}
scenario_verify() { rt_check compressed "$(find "$RT_ROOT/var/log" -name '*.gz' | wc -l)" 18; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"log rotation with compression (rename + gzip + delete of many logs)\""; }
