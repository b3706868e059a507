# Backup tool with built-in encryption: restic writes many encrypted pack files (new random-looking files).
HOST=backup01.corp.example
SUMMARY="Benign: svc-backup runs restic (encrypted, deduplicating backup tool): init a repository, back up shares and homes, alice edits a file, incremental backup, forget --prune."
scenario_prepare() {
    install -d -o svc-backup -g svc-backup "$RT_ROOT/backup/restic"
    echo 'restic-repo-passphrase-2026' > "$RT_ROOT/home/svc-backup/.restic-pass"; chown svc-backup "$RT_ROOT/home/svc-backup/.restic-pass"; chmod 600 "$RT_ROOT/home/svc-backup/.restic-pass"
}
scenario_run() {
    local env="export RESTIC_REPOSITORY=/srv/rt-lab/backup/restic/repo RESTIC_PASSWORD_FILE=~/.restic-pass RESTIC_CACHE_DIR=~/.cache/restic"
    as_login svc-backup "$env; restic init -q && restic backup -q /srv/rt-lab/shares /srv/rt-lab/home"
    as_login alice "echo 'reviewed' >> ~/Desktop/notes-0.txt"
    as_login svc-backup "$env; restic backup -q /srv/rt-lab/shares /srv/rt-lab/home && restic forget -q --keep-last 1 --prune >/dev/null"
}
scenario_verify() { rt_check repo "$(test -f "$RT_ROOT/backup/restic/repo/config" && echo yes)" yes; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"encrypted backup tool writing many new random-looking pack files\""; }
