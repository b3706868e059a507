# A user encrypting a few files by hand at an interactive prompt (ssh with a terminal): gpg -c of two files with
# the plaintext shredded, an openssl copy of a third kept, one older file decrypted back.
HOST=ws-frank.corp.example
SUMMARY="Benign: frank logs in with a terminal (ssh -tt, login shell) and types: gpg -c of his tax return and passport scan, shred -u of both plaintexts, openssl enc of a notes file (kept), gpg -d of an older encrypted file. Host rule set."
FH=/srv/rt-lab/home/frank
scenario_prepare() {
    install -d -o frank -g frank "$FH/Private"
    head -c 30000 /dev/urandom > "$FH/Private/tax-return-2025.pdf"
    head -c 50000 /dev/urandom > "$FH/Private/passport-scan.jpg"
    printf 'bank pins and door codes\n' > "$FH/Private/notes.txt"
    printf 'old letter\n' > "$FH/Private/letter-2019.txt"
    chown -R frank:frank "$FH/Private"
    runuser -u frank -- gpg --batch --quiet --pinentry-mode loopback --passphrase 'Fr4nk!' -c -o "$FH/Private/letter-2019.txt.gpg" "$FH/Private/letter-2019.txt"
    rm -f "$FH/Private/letter-2019.txt"; runuser -u frank -- gpgconf --kill all
}
scenario_run() {
    as_ssh_typed frank <<'TYPED'
cd ~/Private
gpg --batch --pinentry-mode loopback --passphrase 'Fr4nk!' -c tax-return-2025.pdf
shred -u tax-return-2025.pdf
gpg --batch --pinentry-mode loopback --passphrase 'Fr4nk!' -c passport-scan.jpg
shred -u passport-scan.jpg
openssl enc -aes-256-cbc -pbkdf2 -pass pass:Fr4nk -in notes.txt -out notes.txt.enc
gpg --batch --pinentry-mode loopback --passphrase 'Fr4nk!' -o letter-2019.txt -d letter-2019.txt.gpg
gpgconf --kill all
exit
TYPED
}
scenario_verify() { rt_check encrypted "$(ls "$FH/Private" | grep -c -E '\.(gpg|enc)$')" 4; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"a user encrypting a few files by hand and shredding the plaintexts\""
}
scenario_cleanup() { runuser -u frank -- gpgconf --kill all 2>/dev/null; }
