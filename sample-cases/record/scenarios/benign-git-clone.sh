# git clone of a large local repository and branch checkouts (git writes objects, index.lock + rename,
# rewrites hundreds of working-tree files on checkout).
HOST=ws-bob.corp.example
SUMMARY="Benign: bob clones a local repository (~400 files, 2 branches) and checks out release-2.0 and back to main (hundreds of working-tree files rewritten and deleted), then git gc."
scenario_prepare() {
    local w="$RT_OPT.repo" i
    rm -rf "$w"; mkdir -p "$w"; cd "$w"
    git init -q -b main . && git config user.email bob@corp.example && git config user.name "Bob Builder"
    for i in $(seq 1 200); do mkdir -p "svc$((i % 10))"; head -c $((1500 + i * 13)) /usr/share/common-licenses/GPL-3 > "svc$((i % 10))/mod$i.java"; done
    git add -A && git commit -qm "platform 1.0"
    git checkout -q -b release-2.0
    for i in $(seq 1 200 | awk 'NR%2'); do echo "// release 2.0 change $i" >> "svc$((i % 10))/mod$i.java"; done
    for i in $(seq 201 320); do mkdir -p "api"; head -c $((1200 + i)) /usr/share/common-licenses/GPL-2 > "api/endpoint$i.java"; done
    git rm -qf svc1/mod1.java svc1/mod11.java; git add -A && git commit -qm "release 2.0"
    git checkout -q main
    mkdir -p "$RT_ROOT/git" && git clone -q --bare "$w" "$RT_ROOT/git/platform.git"
    chmod -R a+rX "$RT_ROOT/git"; cd /; rm -rf "$w"
    printf '[user]\n\temail = bob@corp.example\n\tname = Bob Builder\n[safe]\n\tdirectory = *\n' > "$RT_ROOT/home/bob/.gitconfig"; chown bob "$RT_ROOT/home/bob/.gitconfig"
}
scenario_run() {
    as_login bob "cd ~/Projects && git clone -q /srv/rt-lab/git/platform.git platform && cd platform && git checkout -q release-2.0 && git checkout -q main && git gc -q"
}
scenario_cleanup() { cd /; rm -rf "$RT_OPT.repo"; }
scenario_verify() { rt_check cloned "$(find "$RT_ROOT/home/bob/Projects/platform" -name '*.java' | wc -l)" 200; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"git clone + checkouts of a 320-file repository\""; }
