# Nightly log housekeeping from root's crontab: gzip every log file (gzip writes F.gz and deletes F), xz the
# database dumps, and delete compressed logs older than the retention.
HOST=log02.corp.example
SUMMARY="Benign: a root cron job (pam_loginuid) compresses logs in bulk (find -exec gzip -9 {} +: F.gz written, F deleted), compresses SQL dumps with xz -T2 and removes old compressed logs. Host rule set."
scenario_prepare() {
    local i
    for i in 1 2 3 4 5 6; do cp /srv/rt-lab/var/log/crm/crm-access.log "/srv/rt-lab/var/log/crm/crm-access.log.$i"; done
    for i in 1 2 3; do echo old > "/srv/rt-lab/var/log/portal/portal-error.log.$i.gz"; done
    touch -d '40 days ago' /srv/rt-lab/var/log/portal/*.gz
    cat > /usr/local/sbin/logs-nightly <<'SH'
#!/bin/sh
find /srv/rt-lab/var/log -type f -name '*.log*' ! -name '*.gz' -exec gzip -9 {} +
find /srv/rt-lab/db /srv/rt-lab/home/dave/dumps -name '*.sql' -exec xz -T2 -6 {} +
find /srv/rt-lab/var/log -name '*.gz' -mtime +30 -delete
SH
    chmod 755 /usr/local/sbin/logs-nightly
}
scenario_run() { as_cron root "/usr/local/sbin/logs-nightly"; }
scenario_verify() { rt_check left-uncompressed "$(find /srv/rt-lab/var/log -type f ! -name '*.gz' | wc -l)" 0; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"bulk compression that deletes every original (gzip, xz) and a retention delete\""
}
scenario_cleanup() { rm -f /usr/local/sbin/logs-nightly; }
