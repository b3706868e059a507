# Version control in bulk: bob (ssh) clones two local repositories, rewrites history with a rebase, switches
# between diverging branches (each checkout rewrites or deletes dozens of files), then git gc --aggressive.
HOST=dev05.corp.example
SUMMARY="Benign: bob (ssh) clones two bare repositories, commits a sed over all sources on a branch, rebases it, checks out diverging branches back and forth, and runs git gc --aggressive --prune=now and git repack -adf. Host rule set."
scenario_prepare() {
    local r i
    for r in billing-api etl-jobs; do
        local src=/srv/rt-lab/home/bob/Projects/$r
        runuser -u bob -- git -C "$src" init -q -b main
        runuser -u bob -- git -C "$src" -c user.name=bob -c user.email=bob@corp.example add -A
        runuser -u bob -- git -C "$src" -c user.name=bob -c user.email=bob@corp.example commit -q -m initial
        runuser -u bob -- git -C "$src" checkout -q -b feature
        for i in $(seq 1 30); do echo "feature $i" > "$src/src/feature_$i.txt"; done
        runuser -u bob -- git -C "$src" -c user.name=bob -c user.email=bob@corp.example add -A
        runuser -u bob -- git -C "$src" -c user.name=bob -c user.email=bob@corp.example commit -q -m feature
        runuser -u bob -- git -C "$src" checkout -q main
        runuser -u bob -- git clone -q --bare "$src" "/srv/rt-lab/home/bob/$r.git"
    done
}
scenario_run() {
    as_ssh bob "mkdir -p work && cd work && for r in billing-api etl-jobs; do git clone -q ~/\$r.git \$r && cd \$r && git config user.name bob && git config user.email bob@corp.example && git checkout -q feature && git checkout -q main && sed -i 's/revenue/turnover/g' src/* && git commit -qam wording && git checkout -q feature && git rebase -q main && git checkout -q main && git merge -q feature && git gc -q --aggressive --prune=now && git repack -q -adf && cd ..; done"
}
scenario_verify() { rt_check clones "$(ls -d /srv/rt-lab/home/bob/work/*/.git | wc -l)" 2; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"version control rewriting, creating and deleting many files (checkout, rebase, gc, repack)\""
}
