# Temp-file cleanup by root's cron session: find -delete of build cache and stale PHP sessions.
HOST=build01.corp.example
SUMMARY="Benign: root's cron session cleans temp files: find /srv/rt-lab/tmp/build-cache -name '*.tmp' -delete and find /srv/rt-lab/tmp/sessions -type f -delete (160 deletions in a burst)."
scenario_prepare() { N=$(find "$RT_ROOT/tmp" -type f | wc -l); }
scenario_run() {
    as_login root "find /srv/rt-lab/tmp/build-cache -type f -name '*.tmp' -delete; find /srv/rt-lab/tmp/sessions -type f -name 'sess_*' -delete"
}
scenario_verify() { rt_check left "$(find "$RT_ROOT/tmp" -type f | wc -l)" 0; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"find -delete of $N temp files\""; }
