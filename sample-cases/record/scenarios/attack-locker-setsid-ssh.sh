# frank (ssh) starts a dropped native locker with sudo setsid -f, detached from his session, three forked workers
# rewriting files in place and renaming them; a note per directory.
HOST=eng04.corp.example
SUMMARY="Attack (unknown native binary, detached): frank logs in over ssh and starts the lab locker (bin-src/locker.c, as ~/.cache/thumbnailer) with sudo setsid -f: three forked workers overwrite the engineering and legal shares in place and rename to .frk; RECOVERY-README.html per directory. Host rule set."
LOCKER=/srv/rt-lab/home/frank/.cache/thumbnailer
SHARES="/srv/rt-lab/shares/engineering /srv/rt-lab/shares/legal /srv/rt-lab/shares/hr"
targets() { find $SHARES -type f | sort; }

scenario_prepare() {
    install -d -o frank -g frank /srv/rt-lab/home/frank/.cache
    rt_compile locker "$LOCKER"; chown frank:frank "$LOCKER"
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_ssh frank "sudo setsid -f $LOCKER -w 3 -e .frk -n RECOVERY-README.html $SHARES; while [ \$(find $SHARES -name '*.frk' | wc -l) -lt $N_FILES ]; do sleep 0.3; done; sleep 1"
}
scenario_verify() {
    rt_check encrypted "$(find $SHARES -name '*.frk' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find $SHARES -name RECOVERY-README.html | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
split: held-out   # recorded after the detector change (issue 16), never used to tune it
expected:
  - rootExe: $LOCKER
    rootCommandContains: "thumbnailer -w 3"
    loginUser: frank
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .frk
    workers: 3
    notes: { name: RECOVERY-README.html, directories: $N_DIRS }
    tools: []
    targetRoots: [$SHARES]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
