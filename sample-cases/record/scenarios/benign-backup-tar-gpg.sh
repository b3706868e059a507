# Nightly encrypted backup: svc-backup's cron session streams tar | gpg --symmetric into one file.
HOST=backup01.corp.example
SUMMARY="Benign: nightly encrypted backup by svc-backup's cron session: tar czf - of shares and homes piped to gpg --symmetric into one .tar.gz.gpg, sha256sum, old backup pruned."
scenario_prepare() {
    install -d -o svc-backup -g svc-backup -m 700 "$RT_ROOT/backup/nightly"
    echo 'k2Vb7#backup-passphrase' > "$RT_ROOT/home/svc-backup/.backup-pass"
    chown svc-backup "$RT_ROOT/home/svc-backup/.backup-pass"; chmod 600 "$RT_ROOT/home/svc-backup/.backup-pass"
    head -c 40000 /dev/urandom > "$RT_ROOT/backup/nightly/nightly-2026-11-21.tar.gz.gpg"; chown svc-backup "$RT_ROOT/backup/nightly/nightly-2026-11-21.tar.gz.gpg"
}
scenario_run() {
    as_login svc-backup "cd /srv/rt-lab && tar czf - shares home 2>/dev/null | gpg --batch --yes --quiet --pinentry-mode loopback --passphrase-file ~/.backup-pass --symmetric --cipher-algo AES256 -o backup/nightly/nightly-2026-11-28.tar.gz.gpg && sha256sum backup/nightly/nightly-2026-11-28.tar.gz.gpg > backup/nightly/nightly-2026-11-28.sha256 && find backup/nightly -name 'nightly-*.gpg' -mtime +6 -delete; rm -f backup/nightly/nightly-2026-11-21.tar.gz.gpg; gpgconf --kill all"
}
scenario_verify() { rt_check backup-written "$(ls "$RT_ROOT/backup/nightly/" | grep -c 2026-11-28)" 2; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"encrypted backup (tar | gpg) into a single archive\""; }
scenario_cleanup() { runuser -u svc-backup -- gpgconf --kill all 2>/dev/null; }
