# Multi-process encryptor: the native locker forks 4 workers that split the file list; in place + rename
# to .lockbit; Restore-My-Files.txt per directory; sudo from carol's session.
HOST=fs01.corp.example
SUMMARY="Attack: multi-process unknown native binary (bin-src/locker.c as /tmp/.X1-lock/sshd-keygen -w 4: four forked workers in parallel), in-place overwrite + rename to .lockbit over shares and homes; Restore-My-Files.txt per directory; sudo from carol's session."
targets() { find "$RT_ROOT/shares" "$RT_ROOT/home" -type f -regextype posix-extended -regex '.*\.(docx|xlsx|pdf|csv|odt|pptx|kdbx|jpg|png|txt|md|py|c|sh|sql)'; }

scenario_prepare() {
    mkdir -p /tmp/.X1-lock && rt_compile locker /tmp/.X1-lock/sshd-keygen
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login carol "sudo /tmp/.X1-lock/sshd-keygen -w 4 -e .lockbit -n Restore-My-Files.txt -x .docx,.xlsx,.pdf,.csv,.odt,.pptx,.kdbx,.jpg,.png,.txt,.md,.py,.c,.sh,.sql /srv/rt-lab/shares /srv/rt-lab/home"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT" -name '*.lockbit' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT" -name Restore-My-Files.txt | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /tmp/.X1-lock/sshd-keygen
    rootCommandContains: "sshd-keygen -w 4"
    loginUser: carol
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .lockbit
    workers: 4
    notes: { name: Restore-My-Files.txt, directories: $N_DIRS }
    tools: []
    targetRoots: [/srv/rt-lab/shares, /srv/rt-lab/home]
Y
}
scenario_cleanup() { rm -rf /tmp/.X1-lock "$RT_OPT.targets"; }
