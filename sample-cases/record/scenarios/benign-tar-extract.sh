# Release deployment: carol extracts a tarball into the web root twice (fresh install, then an update that
# overwrites every file: tar unlinks and recreates each one).
HOST=web01.corp.example
SUMMARY="Benign: carol deploys shop release 3.2.0 with tar xzf into /srv/rt-lab/var/www/releases, then extracts 3.2.1 over it (tar unlinks and recreates every file) and switches a symlink."
scenario_prepare() {
    local v
    for v in 3.2.0 3.2.1; do
        rm -rf "$RT_OPT.rel"; mkdir -p "$RT_OPT.rel/shop-release"
        cp -r "$RT_ROOT/var/www/shop/." "$RT_ROOT/var/www/intranet/assets" "$RT_OPT.rel/shop-release/"
        cp -r "$RT_ROOT/home/bob/Projects/billing-api/src" "$RT_OPT.rel/shop-release/vendor"
        echo "$v" > "$RT_OPT.rel/shop-release/VERSION"
        tar czf "$RT_ROOT/home/carol/shop-$v.tar.gz" --owner=0 --group=0 --mtime=2026-11-20 -C "$RT_OPT.rel" shop-release
    done
    rm -rf "$RT_OPT.rel"; chown carol "$RT_ROOT"/home/carol/shop-*.tar.gz
    install -d -o carol -g carol "$RT_ROOT/var/www/releases"
    N=$(tar tzf "$RT_ROOT/home/carol/shop-3.2.1.tar.gz" | grep -vc '/$')
}
scenario_run() {
    as_login carol "cd /srv/rt-lab/var/www/releases && tar xzf ~/shop-3.2.0.tar.gz && ln -sfn shop-release current && sleep 1 && tar xzf ~/shop-3.2.1.tar.gz && cat shop-release/VERSION"
}
scenario_verify() { rt_check version "$(cat "$RT_ROOT/var/www/releases/shop-release/VERSION")" 3.2.1; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"tar extract of $N files, then extract over them (unlink + recreate)\""; }
