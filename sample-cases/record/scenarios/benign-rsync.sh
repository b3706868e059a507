# File sync: svc-backup mirrors the shares with rsync (temp file .NAME.XXXXXX then rename), twice, with
# some user edits and deletions in between (--delete removes them from the mirror).
HOST=backup01.corp.example
SUMMARY="Benign: svc-backup mirrors /srv/rt-lab/shares with rsync -a --delete (hidden temp file + rename per file) twice; alice edits and deletes a few files in between."
scenario_prepare() { install -d -o svc-backup -g svc-backup "$RT_ROOT/backup/mirror"; }
scenario_run() {
    as_login svc-backup "rsync -a --delete /srv/rt-lab/shares/ /srv/rt-lab/backup/mirror/shares/"
    as_login alice "cd /srv/rt-lab/shares/finance/2025/Q4 && sed -i 's/EUR/USD/' ledger-2025-Q4.csv && cp budget-2025-Q4.xlsx budget-2025-Q4-v2.xlsx && rm -f /srv/rt-lab/shares/finance/2024/Q1/ledger-2024-Q1.csv"
    as_login svc-backup "rsync -a --delete --stats /srv/rt-lab/shares/ /srv/rt-lab/backup/mirror/shares/ >/dev/null"
}
scenario_verify() { rt_check mirrored "$(find "$RT_ROOT/backup/mirror/shares" -type f | wc -l)" "$(find "$RT_ROOT/shares" -type f | wc -l)"; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"rsync mirror: temp file + rename for every file, --delete\""; }
