# Admin encrypts one database archive with openssl before shipping it off-site.
HOST=db01.corp.example
SUMMARY="Benign: dave (sudo) tars the database folder, encrypts the one archive with openssl enc -aes-256-cbc, checksums it and removes the plaintext tar."
scenario_prepare() { echo 'offsite-2026-key' > "$RT_ROOT/home/dave/.offsite.key"; chown dave "$RT_ROOT/home/dave/.offsite.key"; chmod 600 "$RT_ROOT/home/dave/.offsite.key"; }
scenario_run() {
    as_login dave "cd /srv/rt-lab/backup && sudo tar cf db-2026-11-28.tar -C /srv/rt-lab db && sudo openssl enc -aes-256-cbc -pbkdf2 -salt -in db-2026-11-28.tar -out db-2026-11-28.tar.enc -pass file:/srv/rt-lab/home/dave/.offsite.key && sudo sha256sum db-2026-11-28.tar.enc | sudo tee db-2026-11-28.tar.enc.sha256 >/dev/null && sudo rm db-2026-11-28.tar"
}
scenario_verify() { rt_check archive "$(ls "$RT_ROOT/backup" | tr '\n' ' ')" "db-2026-11-28.tar.enc db-2026-11-28.tar.enc.sha256 "; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"openssl enc of one archive, plaintext archive deleted\""; }
