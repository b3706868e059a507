# Package install then upgrade with dpkg (unpacks FILE.dpkg-new, renames over the old file, removes what
# the new version dropped). Local packages built before recording; purged afterwards.
HOST=app01.corp.example
SUMMARY="Benign: dave installs acme-reporting 1.0 (120 files under /opt/acme-reporting) with sudo dpkg -i, then upgrades to 1.1 (each file written as .dpkg-new and renamed over the old one)."
mkpkg() {   # VERSION DIR
    local v=$1 d=$2 i
    mkdir -p "$d/DEBIAN" "$d/opt/acme-reporting/lib" "$d/opt/acme-reporting/templates" "$d/opt/acme-reporting/bin" "$d/etc/acme-reporting"
    printf 'Package: acme-reporting\nVersion: %s\nArchitecture: all\nMaintainer: IT <it@corp.example>\nDescription: Example Corp reporting application\n' "$v" > "$d/DEBIAN/control"
    echo /etc/acme-reporting/app.conf > "$d/DEBIAN/conffiles"
    echo "listen = 8443" > "$d/etc/acme-reporting/app.conf"
    for i in $(seq 1 80); do head -c $((2000 + i * 37)) /usr/share/common-licenses/GPL-3 | sed "s/GNU/ACME $v/" > "$d/opt/acme-reporting/lib/module$i.py"; done
    for i in $(seq 1 38); do echo "<html><!-- report template $i v$v --></html>" > "$d/opt/acme-reporting/templates/report$i.html"; done
    [ "$v" = 1.0 ] && echo "legacy" > "$d/opt/acme-reporting/templates/legacy-export.html"
    printf '#!/bin/sh\necho acme-reporting %s\n' "$v" > "$d/opt/acme-reporting/bin/acme-report"; chmod 755 "$d/opt/acme-reporting/bin/acme-report"
    dpkg-deb --root-owner-group -Zgzip --build "$d" "$RT_OPT/acme-reporting_${v}_all.deb" >/dev/null
}
scenario_prepare() {
    dpkg -s acme-reporting >/dev/null 2>&1 && rt_die "acme-reporting already installed on this machine"
    mkpkg 1.0 "$RT_OPT.pkg10"; mkpkg 1.1 "$RT_OPT.pkg11"
    cp "$RT_OPT"/acme-reporting_*.deb "$RT_ROOT/home/dave/"; chown dave "$RT_ROOT"/home/dave/*.deb
}
scenario_run() {
    as_login dave "sudo dpkg -i ~/acme-reporting_1.0_all.deb >/dev/null && /opt/acme-reporting/bin/acme-report && sudo dpkg -i ~/acme-reporting_1.1_all.deb >/dev/null && /opt/acme-reporting/bin/acme-report"
}
scenario_verify() { rt_check installed "$(dpkg-query -W -f '${Version}' acme-reporting)" 1.1; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"package install + upgrade (.dpkg-new + rename for ~120 files)\""; }
scenario_cleanup() { dpkg --purge acme-reporting >/dev/null 2>&1; rm -rf "$RT_OPT.pkg10" "$RT_OPT.pkg11" /opt/acme-reporting /etc/acme-reporting; }
