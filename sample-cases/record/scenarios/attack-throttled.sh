# Throttled encryptor: the native locker with a 3 s pause between files (~20 files, ~1 minute), per-file
# notes NAME.README, started with sudo from bob's session. Recorded with auditd rotations (3 log files).
HOST=fs02.corp.example
SUMMARY="Attack: throttled unknown native binary (bin-src/locker.c as /var/tmp/.font-cache/logsync, -d 3000: one file every 3 s), in-place overwrite + rename to .crypt, per-file notes FILE.README; sudo from bob's session."
ROTATE_EVERY=20
targets() { find "$RT_ROOT/shares/legal" "$RT_ROOT/shares/finance/2025/Q4" "$RT_ROOT/home/alice/Documents/Contracts" -type f -name '*.pdf'; }

scenario_prepare() {
    rt_compile locker "$RT_DROP/logsync"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login bob "sudo /var/tmp/.font-cache/logsync -d 3000 -e .crypt -N .README -x .pdf /srv/rt-lab/shares/legal /srv/rt-lab/shares/finance/2025/Q4 /srv/rt-lab/home/alice/Documents/Contracts"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT" -name '*.pdf.crypt' | wc -l)" "$N_FILES" &&
    rt_check per-file-notes "$(find "$RT_ROOT" -name '*.pdf.README' | wc -l)" "$N_FILES"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /var/tmp/.font-cache/logsync
    rootCommandContains: "logsync -d 3000"
    loginUser: bob
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .crypt
    throttled: { secondsBetweenFiles: 3 }
    notes: { name: "<file>.README", perFile: true, count: $N_FILES, directories: $N_DIRS }
    tools: []
    targetRoots: [/srv/rt-lab/shares/legal, /srv/rt-lab/shares/finance/2025/Q4, /srv/rt-lab/home/alice/Documents/Contracts]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
