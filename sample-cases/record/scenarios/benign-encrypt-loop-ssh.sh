# A user encrypting a few of her own files with one ssh command: a short for loop over two folders that stops
# after three files (gpg -c, the plaintext shredded), then one older file decrypted back. What an independent
# recording turned into a high finding through the early facts (a loop of gpg, an original deleted after its
# copy): the volume those facts stand for never comes.
HOST=ws-dave.corp.example
SUMMARY="Benign: dave runs one ssh command: a for loop over Documents/*/*.pdf and */*.docx that stops after three files (gpg --batch -c, then shred -u of the plaintext), then gpg -d of an older encrypted letter. Host rule set."
DH=/srv/rt-lab/home/dave/Documents
scenario_prepare() {
    install -d -o dave -g dave "$DH/taxes" "$DH/contracts"
    local i
    for i in 1 2; do head -c 20000 /dev/urandom > "$DH/taxes/return-202$i.pdf"; done
    for i in 1 2 3; do head -c 15000 /dev/urandom > "$DH/contracts/lease-$i.docx"; done
    printf 'old letter\n' > "$DH/letter-2019.txt"
    chown -R dave:dave "$DH"
    runuser -u dave -- gpg --batch --quiet --pinentry-mode loopback --passphrase 'D4ve!' -c -o "$DH/letter-2019.txt.gpg" "$DH/letter-2019.txt"
    rm -f "$DH/letter-2019.txt"; runuser -u dave -- gpgconf --kill all
}
scenario_run() {
    as_ssh dave "cd ~/Documents && i=0; for f in */*.pdf */*.docx; do i=\$((i+1)); [ \$i -gt 3 ] && break; gpg --batch --pinentry-mode loopback --passphrase 'D4ve!' -c \"\$f\" && shred -u \"\$f\"; done; gpg --batch --quiet --pinentry-mode loopback --passphrase 'D4ve!' -o letter-2019.txt -d letter-2019.txt.gpg; gpgconf --kill all"
}
scenario_verify() { rt_check encrypted "$(find "$DH" -mindepth 2 -name '*.gpg' | wc -l)" 3; }
scenario_truth() {
    echo "split: tuned      # recorded for the follow-ups of issue 16; the detector was then fixed against it (final severity follows final scope)"
    echo "expected: none"
    echo "lookAlike: \"a user encrypting three of her files with a short loop in one ssh command and shredding the plaintexts\""
}
scenario_cleanup() { runuser -u dave -- gpgconf --kill all 2>/dev/null; }
