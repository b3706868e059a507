# Sharing data with a partner: a script encrypts every dataset file with openssl into an outbox (originals kept),
# hands the outbox over, then empties it.
HOST=lab08.corp.example
SUMMARY="Benign: dave (ssh) runs ~/bin/export-share.sh: for every CSV of the research datasets, openssl enc -aes-256-cbc -pbkdf2 -pass file:KEY -in F -out OUTBOX/NAME.enc (originals kept); then the outbox is tarred for the partner and emptied. Host rule set."
RES=/srv/rt-lab/research
scenario_prepare() {
    /usr/bin/python3 "$RT_RECORD_DIR/make-extra.py" research "$RES" 9099 1104
    install -d -o dave -g dave /srv/rt-lab/home/dave/bin /srv/rt-lab/outbox
    head -c 32 /dev/urandom | base64 > /srv/rt-lab/home/dave/.share.key
    cat > /srv/rt-lab/home/dave/bin/export-share.sh <<'SH'
#!/bin/bash
out=/srv/rt-lab/outbox
find /srv/rt-lab/research/datasets -name '*.csv' | while read -r f; do
    openssl enc -aes-256-cbc -pbkdf2 -pass file:$HOME/.share.key -in "$f" -out "$out/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f").enc"
done
tar cf /srv/rt-lab/outbox-partner.tar -C "$out" .
rm -f "$out"/*.enc
SH
    chown -R dave:dave /srv/rt-lab/home/dave/bin /srv/rt-lab/home/dave/.share.key; chmod 755 /srv/rt-lab/home/dave/bin/export-share.sh
    N_CSV=$(find "$RES" -name '*.csv' | wc -l)
}
scenario_run() { as_ssh dave "bin/export-share.sh"; }
scenario_verify() { rt_check originals-kept "$(find "$RES" -name '*.csv' | wc -l)" "$N_CSV"; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"a script encrypting dozens of files one by one (originals kept) for a hand-over\""
}
