# Unknown native binary (compiled from bin-src/locker.c, dropped as "dbus-sessiond"): opens each document
# O_RDWR, overwrites it in place, renames it to .locked, README_RESTORE.txt per directory; sudo from alice.
HOST=fs01.corp.example
SUMMARY="Attack: unknown native binary /var/tmp/.font-cache/dbus-sessiond (bin-src/locker.c) run with sudo from alice's session: in-place overwrite (open O_RDWR, write, close) then rename to .locked; README_RESTORE.txt per directory."
EXTS=.docx,.xlsx,.pdf,.csv,.odt,.pptx,.kdbx,.jpg,.png,.sqlite,.db,.sql
targets() { find "$RT_ROOT/shares" "$RT_ROOT/home" "$RT_ROOT/db" -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.csv' -o -name '*.odt' -o -name '*.pptx' -o -name '*.kdbx' -o -name '*.jpg' -o -name '*.png' -o -name '*.sqlite' -o -name '*.db' -o -name '*.sql' \); }

scenario_prepare() {
    rt_compile locker "$RT_DROP/dbus-sessiond"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login alice "cd /var/tmp/.font-cache && sudo ./dbus-sessiond -e .locked -n README_RESTORE.txt -x $EXTS /srv/rt-lab/shares /srv/rt-lab/home /srv/rt-lab/db"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT" -name '*.locked' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT" -name README_RESTORE.txt | wc -l)" "$N_DIRS" &&
    rt_check originals-left "$(targets | wc -l)" 0
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /var/tmp/.font-cache/dbus-sessiond
    rootCommandContains: "dbus-sessiond -e .locked"
    loginUser: alice
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .locked
    notes: { name: README_RESTORE.txt, directories: $N_DIRS }
    tools: []
    targetRoots: [/srv/rt-lab/shares, /srv/rt-lab/home, /srv/rt-lab/db]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
