# One big password-protected zip of three shares, written by a cron job of bob's (cron with pam_loginuid: a
# LOGIN record and a new session per job), then every original deleted with find -delete; a note per share.
HOST=files03.corp.example
SUMMARY="Attack (archive-and-delete, one big archive): bob's crontab runs ~/.local/bin/nightly-sync from cron (pam_loginuid): zip -r -q -P <key> of the finance, hr and legal shares into one hidden archive, then find … -type f -delete over them; HOW_TO_GET_FILES_BACK.txt in each share. Host rule set."
SHARES="/srv/rt-lab/shares/finance /srv/rt-lab/shares/hr /srv/rt-lab/shares/legal"
targets() { find $SHARES -type f | sort; }

scenario_prepare() {
    local bin=/srv/rt-lab/home/bob/.local/bin
    install -d -o bob -g bob "$bin"
    rt_note_text > /srv/rt-lab/home/bob/.local/.n; chown bob:bob /srv/rt-lab/home/bob/.local/.n
    cat > "$bin/nightly-sync" <<'SH'
#!/bin/bash
cd /srv/rt-lab/shares || exit 1
zip -r -q -P "Nq7-$(hostname)-$RANDOM" .sync-cache.zip finance hr legal
find finance hr legal -type f -delete
for s in finance hr legal; do cp ~/.local/.n "$s/HOW_TO_GET_FILES_BACK.txt"; done
SH
    chown bob:bob "$bin/nightly-sync"; chmod 755 "$bin/nightly-sync"
    chown -R bob $SHARES; chmod -R u+w $SHARES; chown bob /srv/rt-lab/shares
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_cron bob "/srv/rt-lab/home/bob/.local/bin/nightly-sync"
}
scenario_verify() {
    rt_check originals-left "$(find $SHARES -type f ! -name HOW_TO_GET_FILES_BACK.txt | wc -l)" 0 &&
    rt_check archive "$(ls /srv/rt-lab/shares/.sync-cache.zip | wc -l)" 1 &&
    rt_check notes "$(find $SHARES -name HOW_TO_GET_FILES_BACK.txt | wc -l)" 3
}
scenario_truth() {
    cat <<Y
split: held-out   # recorded after the detector change (issue 16), never used to tune it
expected:
  - rootExe: /usr/bin/dash
    rootCommandContains: "nightly-sync"
    loginUser: bob
    runAsUser: bob
    filesAffected: $N_FILES
    overwrite: archived-then-deleted
    newExtension: null
    notes: { name: HOW_TO_GET_FILES_BACK.txt, directories: 3 }
    tools: [zip, find]
    targetRoots: [$SHARES]
    detail: "one archive of three shares (zip -P), then find -type f -delete over them"
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
