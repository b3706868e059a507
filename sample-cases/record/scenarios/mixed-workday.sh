# A compressed working day on the file server: several users do ordinary work (edits, a C build, a git
# clone, rsync mirror, log rotation, an encrypted db backup, sed over the web root, temp cleanup); in the
# middle carol's account (stolen credentials) does discovery and runs a dropped native locker with sudo;
# afterwards the benign work goes on. Recorded with auditd rotations (several log files).
HOST=fs01.corp.example
SUMMARY="Mixed: a compressed working day on fs01 (alice, bob, carol, dave, svc-backup, root cron: edits, make build, git clone, rsync, logrotate, tar|gpg backup, sed -i, find -delete, a user gpg -c) with one attack in the middle: carol's session, discovery commands, then sudo /var/tmp/.font-cache/kworker-sync (native in-place locker, rename to .rtx, README_RESTORE.txt per directory) over the finance and HR shares and alice's home."
ROTATE_EVERY=75
ATTACK_EXTS=.docx,.xlsx,.pdf,.csv,.odt,.pptx,.kdbx,.jpg,.png
targets() { find "$RT_ROOT/shares/finance" "$RT_ROOT/shares/hr" "$RT_ROOT/home/alice" -type f -regextype posix-extended -regex '.*\.(docx|xlsx|pdf|csv|odt|pptx|kdbx|jpg|png)'; }

scenario_prepare() {
    rt_compile locker "$RT_DROP/kworker-sync"
    install -d -o svc-backup -g svc-backup "$RT_ROOT/backup/mirror" "$RT_ROOT/backup/nightly"
    echo 'k2Vb7#backup-passphrase' > "$RT_ROOT/home/svc-backup/.backup-pass"
    chown svc-backup "$RT_ROOT/home/svc-backup/.backup-pass"; chmod 600 "$RT_ROOT/home/svc-backup/.backup-pass"
    # logrotate config for the application logs
    mkdir -p "$RT_ROOT/etc/logrotate.d" "$RT_ROOT/var/lib/logrotate"
    printf '%s {\n    daily\n    rotate 5\n    compress\n    missingok\n    notifempty\n    create 0640 root root\n}\n' "$RT_ROOT/var/log/*/*.log" > "$RT_ROOT/etc/logrotate.d/apps"
    # bob's C project
    local p="$RT_ROOT/home/bob/Projects/ledger-engine" i
    mkdir -p "$p/src"
    for i in $(seq 1 30); do printf 'int ledger_fn_%d(int x) { return x * %d; }\n' "$i" "$i" > "$p/src/unit$i.c"; done
    printf 'OBJ = $(patsubst src/%%.c,build/%%.o,$(wildcard src/*.c))\nall: build/libledger.a\nbuild/%%.o: src/%%.c\n\t@mkdir -p build\n\t$(CC) -O1 -c $< -o $@\nbuild/libledger.a: $(OBJ)\n\tar rcs $@ $^\n' > "$p/Makefile"
    # a local git repository for bob to clone
    local w="$RT_OPT.repo"; rm -rf "$w"; mkdir -p "$w"
    ( cd "$w" && git init -q -b main . && for i in $(seq 1 120); do mkdir -p "m$((i % 6))"; head -c $((900 + i * 11)) /usr/share/common-licenses/GPL-3 > "m$((i % 6))/f$i.java"; done &&
      git -c user.email=bob@corp.example -c user.name=Bob add -A && git -c user.email=bob@corp.example -c user.name=Bob commit -qm init )
    mkdir -p "$RT_ROOT/git" && git clone -q --bare "$w" "$RT_ROOT/git/platform.git"; chmod -R a+rX "$RT_ROOT/git"; rm -rf "$w"
    printf '[user]\n\temail = bob@corp.example\n\tname = Bob Builder\n[safe]\n\tdirectory = *\n' > "$RT_ROOT/home/bob/.gitconfig"; chown -R bob:bob "$RT_ROOT/home/bob"
}

scenario_run() {
    rt_log "morning"
    as_login alice "cd ~/Documents && ls -la && cp Contracts/northwind-msa-v1.pdf ~/Desktop/ && sed -i 's/EUR/USD/' /srv/rt-lab/shares/finance/2025/Q4/ledger-2025-Q4.csv && cat ~/Desktop/*.txt >/dev/null" & local a=$!
    as_login bob "cd ~/Projects/ledger-engine && make -s -j2 && git clone -q /srv/rt-lab/git/platform.git ~/Projects/platform" & local b=$!
    wait $a $b
    as_login svc-backup "rsync -a --delete /srv/rt-lab/shares/ /srv/rt-lab/backup/mirror/shares/"
    as_login root "/usr/sbin/logrotate -f -s /srv/rt-lab/var/lib/logrotate/status /srv/rt-lab/etc/logrotate.d/apps"
    sleep 40   # quiet stretches between bursts of work keep the phases minutes apart
    as_login carol "cd /srv/rt-lab/var/www && find . -type f -name '*.html' -exec sed -i 's/customer/client/g' {} +" & a=$!
    as_login dave "sudo tar czf /srv/rt-lab/backup/db-midday.tar.gz -C /srv/rt-lab db && gpg --batch --quiet --pinentry-mode loopback --passphrase 'dave-offsite' --symmetric -o /srv/rt-lab/home/dave/db-midday.tar.gz.gpg /srv/rt-lab/backup/db-midday.tar.gz; gpgconf --kill all" & b=$!
    wait $a $b
    sleep 30
    as_login bob "cd ~/Projects/ledger-engine && sed -i 's/return x/return 2 * x/' src/unit7.c && make -s -j2 && cd ~/Projects/platform && git pull -q" & a=$!
    as_login alice "cd /srv/rt-lab/shares/finance/2025/Q4 && cp budget-2025-Q4.xlsx budget-2025-Q4-draft.xlsx && ls -la > /dev/null" & b=$!
    wait $a $b
    as_login svc-backup "rsync -a --delete /srv/rt-lab/shares/ /srv/rt-lab/backup/mirror/shares/"
    sleep 40
    rt_log "attack"
    targets | sort > "$RT_OPT.targets"
    N_FILES=$(wc -l < "$RT_OPT.targets"); N_DIRS=$(rt_count_dirs < "$RT_OPT.targets")
    rt_attack as_login carol "id; uname -a; sudo -l >/dev/null; ls /srv/rt-lab/shares; find /srv/rt-lab -maxdepth 3 -type d | head -40 >/dev/null; df -h >/dev/null; cd /var/tmp/.font-cache && sudo ./kworker-sync -e .rtx -n README_RESTORE.txt -x $ATTACK_EXTS /srv/rt-lab/shares/finance /srv/rt-lab/shares/hr /srv/rt-lab/home/alice"
    sleep 40
    rt_log "afternoon"
    as_login bob "find /srv/rt-lab/tmp/build-cache -type f -name '*.tmp' -mmin -600 -delete; cd ~/Projects/platform && git log --oneline | head -1 >/dev/null" & a=$!
    as_login alice "cd ~/Desktop && gpg --batch --quiet --pinentry-mode loopback --passphrase 'Alice!2026' -c \$(ls *.txt | head -1); gpgconf --kill all" & b=$!
    wait $a $b
    sleep 30
    as_login carol "cd /srv/rt-lab/var/www/shop && sed -i 's/client/customer/g' *.html && ls -la >/dev/null"
    as_login svc-backup "rsync -a --delete /srv/rt-lab/shares/ /srv/rt-lab/backup/mirror/shares/"
    sleep 30
    as_login svc-backup "cd /srv/rt-lab && tar czf - shares 2>/dev/null | gpg --batch --yes --quiet --pinentry-mode loopback --passphrase-file ~/.backup-pass --symmetric -o backup/nightly/nightly-2026-11-28.tar.gz.gpg; gpgconf --kill all"
    as_login root "/usr/sbin/logrotate -s /srv/rt-lab/var/lib/logrotate/status /srv/rt-lab/etc/logrotate.d/apps"
}
scenario_verify() {
    # only the attacked roots: the afternoon rsync also copies the damage into the backup mirror
    local roots="$RT_ROOT/shares/finance $RT_ROOT/shares/hr $RT_ROOT/home/alice"
    rt_check encrypted "$(find $roots -name '*.rtx' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find $roots -name README_RESTORE.txt | wc -l)" "$N_DIRS" &&
    rt_check originals-left "$(targets | wc -l)" 0
}
scenario_truth() {
    cat <<Y
expected:
  - rootExe: /var/tmp/.font-cache/kworker-sync
    rootCommandContains: "kworker-sync -e .rtx"
    loginUser: carol
    runAsUser: root
    filesAffected: $N_FILES
    overwrite: in-place
    newExtension: .rtx
    notes: { name: README_RESTORE.txt, directories: $N_DIRS }
    tools: []
    targetRoots: [/srv/rt-lab/shares/finance, /srv/rt-lab/shares/hr, /srv/rt-lab/home/alice]
    alsoCopiedBy: "the afternoon svc-backup rsync --delete mirrors the encrypted files and notes into /srv/rt-lab/backup/mirror (a benign tool spreading the damage, not part of the attack)"
    precededBy: "discovery from the same session: id, uname -a, sudo -l, ls, find -maxdepth 3, df -h"
benignActivity: [alice edits, bob make + git clone, svc-backup rsync mirror (x3), root logrotate (x2), carol sed -i on the web roots (x2), dave tar + gpg of the db, bob edit + rebuild + git pull, alice copies a budget, bob find -delete, alice gpg -c of one note, svc-backup tar | gpg nightly]
Y
}
scenario_cleanup() {
    local u; for u in alice dave svc-backup; do runuser -u "$u" -- gpgconf --kill all 2>/dev/null; done
    rm -rf "$RT_OPT.repo" "$RT_OPT.targets"
}
