# An administrator fixes ownership and permissions on the shares after a migration: chown -R, chmod over find,
# and a few files renamed to a consistent suffix.
HOST=fs05.corp.example
SUMMARY="Benign: dave (ssh, sudo) fixes a migrated share: chown -R to the share owners, find -type d -exec chmod 2775, find -type f -exec chmod 664, and renames six .jpeg pictures to .jpg. Host rule set (chmod/chown audited)."
scenario_prepare() {
    local i
    for i in 1 2 3 4 5 6; do cp /srv/rt-lab/home/alice/Pictures/$(ls /srv/rt-lab/home/alice/Pictures | head -1) "/srv/rt-lab/shares/engineering/diagrams/photo-$i.jpeg"; done
}
scenario_run() {
    as_ssh dave "sudo chown -R alice:finance /srv/rt-lab/shares/finance && sudo chown -R carol:carol /srv/rt-lab/shares/hr && sudo find /srv/rt-lab/shares -type d -exec chmod 2775 {} + && sudo find /srv/rt-lab/shares -type f -exec chmod 664 {} + && cd /srv/rt-lab/shares/engineering/diagrams && for f in *.jpeg; do sudo mv \"\$f\" \"\${f%.jpeg}.jpg\"; done"
}
scenario_verify() { rt_check jpeg-left "$(find /srv/rt-lab/shares -name '*.jpeg' | wc -l)" 0; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"recursive permission and ownership fixes, a few renames\""
}
