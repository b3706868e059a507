# A user encrypting one or two files by hand (and decrypting one back), deleting one plaintext.
HOST=ws-alice.corp.example
SUMMARY="Benign: alice encrypts two files by hand (gpg -c of one contract, openssl enc of one spreadsheet, removing that plaintext) and decrypts a previously encrypted file."
scenario_prepare() {
    cp "$RT_ROOT/home/alice/Documents/Contracts/globex-msa-v4.pdf" "$RT_ROOT/home/alice/Documents/old-offer.pdf"
    install -d -m 700 "$RT_OPT.gnupg"
    gpg --homedir "$RT_OPT.gnupg" --batch --quiet --pinentry-mode loopback --passphrase 'Alice!2026' --symmetric -o "$RT_ROOT/home/alice/Documents/old-offer.pdf.gpg" "$RT_ROOT/home/alice/Documents/old-offer.pdf" 2>/dev/null
    gpgconf --homedir "$RT_OPT.gnupg" --kill all 2>/dev/null; rm -rf "$RT_OPT.gnupg" "$RT_ROOT/home/alice/Documents/old-offer.pdf"
    chown alice:alice "$RT_ROOT/home/alice/Documents/old-offer.pdf.gpg"
}
scenario_run() {
    as_login alice "cd ~/Documents && gpg --batch --quiet --pinentry-mode loopback --passphrase 'Alice!2026' -c Contracts/initech-msa-v5.pdf && ls *.xlsx | head -1 | while read f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:Alice2026 -in \"\$f\" -out \"\$f.enc\" && rm \"\$f\"; done; gpg --batch --quiet --pinentry-mode loopback --passphrase 'Alice!2026' -o old-offer.pdf -d old-offer.pdf.gpg; gpgconf --kill all"
}
scenario_verify() { rt_check encrypted-by-hand "$(find "$RT_ROOT/home/alice" \( -name '*.enc' -o -name '*.gpg' \) | wc -l)" 3; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"a user encrypting two files and decrypting one\""; }
scenario_cleanup() { runuser -u alice -- gpgconf --kill all 2>/dev/null; }
