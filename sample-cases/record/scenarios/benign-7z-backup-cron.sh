# svc-backup's nightly job (cron, pam_loginuid): an encrypted 7-Zip backup of the shares that keeps every
# original, then the oldest backups rotated out.
HOST=bkp01.corp.example
SUMMARY="Benign: svc-backup's crontab runs /usr/local/bin/nightly-7z: 7zz a -mhe=on -p<key file> of the shares into /srv/rt-lab/backup/shares-DATE.7z (originals kept), then the three oldest backup archives deleted. Host rule set."
scenario_prepare() {
    local d
    for d in 2026-11-20 2026-11-21 2026-11-22 2026-11-23 2026-11-24; do head -c 40000 /dev/urandom > "/srv/rt-lab/backup/shares-$d.7z"; done
    head -c 24 /dev/urandom | base64 > /srv/rt-lab/backup/.key
    chown -R svc-backup:svc-backup /srv/rt-lab/backup; chmod 600 /srv/rt-lab/backup/.key
    cat > /usr/local/bin/nightly-7z <<'SH'
#!/bin/bash
set -e
cd /srv/rt-lab/backup
7zz a -mx=1 -mhe=on -p"$(cat .key)" "shares-$(date +%F).7z" /srv/rt-lab/shares > /dev/null
ls -1 shares-*.7z | sort | head -n 3 | xargs rm -f
SH
    chmod 755 /usr/local/bin/nightly-7z
    FILES_BEFORE=$(find /srv/rt-lab/shares -type f | wc -l)
}
scenario_run() { as_cron svc-backup "/usr/local/bin/nightly-7z"; }
scenario_verify() {
    rt_check originals-kept "$(find /srv/rt-lab/shares -type f | wc -l)" "$FILES_BEFORE" &&
    rt_check backups "$(ls /srv/rt-lab/backup/*.7z | wc -l)" 3
}
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"an encrypted archive of the shares (7zz -p -mhe=on), originals kept, old archives deleted\""
}
scenario_cleanup() { rm -f /usr/local/bin/nightly-7z; }
