#!/bin/bash
# The recovery lab: a small deterministic file tree with hostile file names, and attacks that encrypt it with
# stock tools and a key on the command line (or fed on stdin, or read from a file). Used twice:
#   * by record.sh (as root, under auditd): the recorded audit logs beside this file come from these runs;
#   * by RecoveryEndToEndTest (as whoever runs the tests, no auditd): it builds the same tree under a temporary
#     evidence root, runs the same attack with the same keys, imports the recorded log, runs `recover` and the
#     generated decrypt.sh, and compares every recovered file with the original.
#
#   lab.sh tree ROOT                  build the tree at ROOT (must not exist)
#   lab.sh attack SCENARIO ROOT       run one attack over ROOT (its working directory)
#   lab.sh scenarios                  list the scenarios
#
# Keys are fixed here on purpose (the recorded logs show them, the test needs them again). The keyfile
# scenario's key is random and lives in ROOT/../.keys: the log never shows it.
set -euo pipefail

K_PASS="Op3n\$sl 'pass' ok"          # openssl -pass pass: (with $, quotes and a space)
K_LEGACY='legacy-K2'                 # openssl -k (EVP_BytesToKey with the default digest)
K_STDIN='S3cr3t stdin!'              # echoed into openssl -pass stdin by sh -c
K_FD='printf-fed k3y'                # printed by an exec'd /usr/bin/printf into openssl -pass fd:0
K_HEX256=00112233445566778899aabbccddeeff0102030405060708090a0b0c0d0e0f10
IV_CTR=f0e0d0c0b0a090807060504030201000
K_HEX128=2b7e151628aed2a6abf7158809cf4f3c
IV_CBC=000102030405060708090a0b0c0d0e0f
K_GPG='gpg pass-phrase #1'
K_GPG_STDIN='here-string key'
K_7Z='7z-Qk8#zzP1!mW'
K_ZIP='zip "P@ss" 2'
K_CCRYPT='x9!Tq2v#L0pZ'

scenarios() { echo openssl-pass openssl-raw gpg 7z zip ccrypt keyfile; }

# deterministic pseudo-random bytes: SIZE SEED (AES-CTR of zeros under a key derived from the seed)
bytes() {
    local k
    k=$(printf '%s' "$2" | sha256sum | cut -c1-32)
    head -c "$1" /dev/zero | openssl enc -aes-128-ctr -K "$k" -iv 00000000000000000000000000000000 -nosalt
}

# text content: SIZE SEED
text() {
    awk -v n="$1" -v s="$2" 'BEGIN { out = 0; i = 0; while (out < n) { l = sprintf("%s line %06d: quarterly figures %d\n", s, i, (i * 7919 + length(s)) % 100000); printf "%s", l; out += length(l); i++ } }' | head -c "$1"
}

tree() {
    local root=$1
    [ ! -e "$root" ] || { echo "lab.sh: $root exists" >&2; exit 2; }
    mkdir -p "$root"/finance "$root"/hr/payroll "$root"/hr/contracts "$root"/legal/contracts "$root"/home/eve/Documents
    text 4100 q1 > "$root/finance/q1 report.xlsx"
    bytes 23000 budget > "$root/finance/budget-2026.ods"
    text 900 quote > "$root/finance/it's here.pdf"
    text 1300 subst > "$root/finance/\$(touch pwned).csv"
    bytes 5000 dash > "$root/finance/-rf.docx"
    local i
    for i in 1 2 3 4 5; do bytes $((1000 * i + 17)) "payroll$i" > "$root/hr/payroll/payroll-0$i.xlsx"; done
    text 2048 draft > "$root/hr/contracts/contract [draft]*.docx"
    text 300 backslash > "$root/hr/contracts/back\\slash.txt"
    bytes 16 tiny > "$root/hr/contracts/sixteen.bin"
    : > "$root/hr/contracts/empty.txt"
    text 7000 msa > "$root/legal/contracts/msa \"v2\".pdf"
    text 3333 unicode > "$root/legal/contracts/résumé-ünïcode.odt"
    text 777 newline > "$root/legal/contracts/line
break.txt"
    for i in 1 2 3; do text $((2500 * i)) "nda$i" > "$root/legal/contracts/nda-$i.docx"; done
    text 1200 notes > "$root/home/eve/Documents/notes.txt"
    bytes 65536 photo > "$root/home/eve/Documents/photo.jpg"
    bytes 131072 db > "$root/home/eve/Documents/ledger.sqlite"
    for i in 1 2 3; do text $((600 * i)) "memo$i" > "$root/home/eve/Documents/memo-$i.md"; done
}

attack() {
    local scenario=$1 root=$2
    cd "$root"
    case $scenario in
    openssl-pass)
        # PBKDF2 with sha512 and 20000 iterations, passphrase on the command line; find deletes each original
        find finance -type f ! -name '*.enc' -exec openssl enc -aes-256-cbc -md sha512 -pbkdf2 -iter 20000 -salt \
            -pass "pass:$K_PASS" -in {} -out {}.enc \; -delete
        # legacy key derivation (EVP_BytesToKey, openssl's default digest), base64 output
        find hr -type f ! -name '*.b64' -exec openssl enc -aes-128-cbc -k "$K_LEGACY" -a -in {} -out {}.b64 \; -delete 2>/dev/null
        # the key echoed into stdin by a shell per file (echo is a builtin: only the sh -c text shows it)
        find legal -type f ! -name '*.locked' -exec sh -c \
            'echo "$0" | openssl enc -aes-256-cbc -pbkdf2 -pass stdin -in "$1" -out "$1.locked" && rm -f "$1"' "$K_STDIN" {} \;
        # the key printed by an exec'd printf into fd 0 (a pipeline: printf's pid is the one before openssl's)
        find home -type f ! -name '*.cha' | while IFS= read -r f; do
            /usr/bin/printf '%s\n' "$K_FD" | openssl enc -chacha20 -pbkdf2 -pass fd:0 -in "$f" -out "$f.cha" && rm -f "$f"
        done
        # the attacker tries a file with a wrong key: a decrypt command that must not be taken for the key
        openssl enc -d -aes-256-cbc -md sha512 -pbkdf2 -iter 20000 -pass pass:decoy-wrong-key \
            -in "finance/budget-2026.ods.enc" -out /dev/null 2>/dev/null || true
        ;;
    openssl-raw)
        find finance hr -type f ! -name '*.ctr' -exec openssl enc -aes-256-ctr -K "$K_HEX256" -iv "$IV_CTR" \
            -in {} -out {}.ctr \; -delete
        find legal home -type f ! -name '*.crypt' -exec openssl aes-128-cbc -K "$K_HEX128" -iv "$IV_CBC" -nosalt \
            -in {} -out {}.crypt \; -delete
        ;;
    gpg)
        GNUPGHOME=$(mktemp -d /tmp/.gpg-XXXXXX)
        export GNUPGHOME
        find finance hr -type f ! -name '*.gpg' -exec gpg --batch --yes --quiet --pinentry-mode loopback \
            --no-symkey-cache --passphrase "$K_GPG" --cipher-algo AES256 -o {}.gpg --symmetric {} \; -exec shred -u {} \;
        # the passphrase on fd 0 from a here-string inside bash -c
        find legal home -type f ! -name '*.asc' -exec bash -c \
            'gpg --batch --yes --quiet --pinentry-mode loopback --no-symkey-cache --passphrase-fd 0 --armor --symmetric "$1" <<< "$0" && rm -f "$1"' \
            "$K_GPG_STDIN" {} \;
        gpgconf --kill all
        rm -rf "$GNUPGHOME"
        ;;
    7z)
        find finance hr legal -type f ! -name '*.7z' -exec sh -c \
            '7z a -bd -bso0 -bse0 -p"$0" -mhe=on -sdel "$1.7z" "$1"' "$K_7Z" {} \;
        # one archive of a whole folder without -sdel: its originals stay where they were
        (cd home/eve && 7z a -bd -bso0 -bse0 "-p$K_7Z" eve-documents.7z Documents)
        ;;
    zip)
        for d in finance hr/payroll hr/contracts legal/contracts; do
            (cd "$d" && zip -q -m -P "$K_ZIP" "$(basename "$d").zip" -- *)
        done
        # without -m: the originals stay where they were
        (cd home/eve && zip -q -r -P "$K_ZIP" eve.zip Documents)
        ;;
    ccrypt)
        ccrypt -e -r -f -q -K "$K_CCRYPT" finance hr legal home
        ;;
    keyfile)
        local keys
        keys="$(dirname "$root")/.keys"
        mkdir -p "$keys"
        # a random key written to a file by a shell builtin: the log shows the file, never its content
        printf '%s\n' "$(head -c 18 /dev/urandom | base64)" > "$keys/k"
        ccrypt -e -r -f -q -k "$keys/k" finance hr
        find legal home -type f ! -name '*.enc' -exec openssl enc -aes-256-cbc -pbkdf2 -pass "file:$keys/k" \
            -in {} -out {}.enc \; -delete
        ;;
    *) echo "lab.sh: no scenario $scenario" >&2; exit 2 ;;
    esac
}

case ${1:-} in
    tree) tree "$2" ;;
    attack) attack "$2" "$3" ;;
    scenarios) scenarios ;;
    *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
