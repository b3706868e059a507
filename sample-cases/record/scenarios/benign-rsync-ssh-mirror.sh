# A nightly mirror over ssh: svc-backup's cron job pushes the shares with rsync -a --delete through the real sshd
# to a mirror tree on the same host (root on the receiving side), twice, with edits and deletions in between.
HOST=mirror01.corp.example
SUMMARY="Benign: svc-backup's cron job (pam_loginuid) runs rsync -a --delete -e ssh of the shares to root@localhost:/srv/rt-lab/backup/mirror/ through the real sshd; between two runs bob edits 20 files and deletes 12 (the mirror deletes them too). Host rule set."
scenario_prepare() {
    install -d -o svc-backup -g svc-backup -m 700 /srv/rt-lab/home/svc-backup/.ssh
    install -o svc-backup -g svc-backup -m 600 "$RT_SSH_DIR/client_key" /srv/rt-lab/home/svc-backup/.ssh/id_mirror
    cat > /srv/rt-lab/home/svc-backup/mirror.sh <<SH
#!/bin/sh
rsync -a --delete -e "ssh -p $RT_SSH_PORT -i /srv/rt-lab/home/svc-backup/.ssh/id_mirror -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes" /srv/rt-lab/shares/ root@127.0.0.1:/srv/rt-lab/backup/mirror/
SH
    chown svc-backup:svc-backup /srv/rt-lab/home/svc-backup/mirror.sh; chmod 755 /srv/rt-lab/home/svc-backup/mirror.sh
    mkdir -p /srv/rt-lab/backup/mirror
}
scenario_run() {
    as_cron svc-backup "/srv/rt-lab/home/svc-backup/mirror.sh"
    as_ssh bob "sudo sh -c 'find /srv/rt-lab/shares/engineering /srv/rt-lab/shares/finance/2025 -type f | head -20 | while read f; do echo rev >> \"\$f\"; done; find /srv/rt-lab/shares/finance/2024 -type f | head -12 | xargs rm -f'"
    as_cron svc-backup "/srv/rt-lab/home/svc-backup/mirror.sh"
}
scenario_verify() {
    rt_check mirrored "$(cd /srv/rt-lab/shares && find . -type f | wc -l)" "$(cd /srv/rt-lab/backup/mirror && find . -type f | wc -l)"
}
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"a mirror over ssh that rewrites and deletes files in bulk\""
}
