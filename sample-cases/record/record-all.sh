#!/bin/bash
# Re-record every bundled sample case (about 10 minutes; needs root, auditd, gcc, openssl, gnupg, ccrypt,
# p7zip-full, zip, age, rsync, logrotate, restic, git, make, sudo). Cases are recorded one after the
# other (there is one kernel audit subsystem). Then checks them all with verify-cases.sh.
#   record-all.sh [CASE...]     (default: all)
set -uo pipefail
cd "$(dirname "$0")"
# case            scenario                  ruleset    format    packaging
CASES="
attack-openssl-find          attack-openssl-find          full       raw       plain
attack-gpg-shred             attack-gpg-shred             full       enriched  plain
attack-ccrypt-recursive      attack-ccrypt-recursive      full       raw       gzip
attack-7z-zip                attack-7z-zip                full       raw       gzip
attack-age                   attack-age                   full       raw       plain
attack-native-inplace        attack-native-inplace        full       raw       plain
attack-native-intermittent   attack-native-intermittent   full       enriched  plain
attack-throttled             attack-throttled             full       raw       rotate
attack-multiproc             attack-multiproc             full       raw       gzip
attack-vm-etc                attack-vm-etc                full       raw       plain
attack-webshell-daemon       attack-webshell-daemon       full       raw       plain
attack-xargs-openssl         attack-xargs-openssl         exec-only  raw       plain
attack-openssl-find-exec-only attack-openssl-find         exec-only  raw       gzip
attack-recommended-rules     attack-native-inplace        an0603     raw       plain
benign-backup-tar-gpg        benign-backup-tar-gpg        full       raw       plain
benign-openssl-archive       benign-openssl-archive       full       raw       plain
benign-logrotate             benign-logrotate             full       raw       gzip
benign-sed-inplace           benign-sed-inplace           full       raw       gzip
benign-rsync                 benign-rsync                 full       raw       plain
benign-dpkg-upgrade          benign-dpkg-upgrade          full       raw       gzip
benign-tar-extract           benign-tar-extract           full       enriched  gzip
benign-git-clone             benign-git-clone             full       raw       gzip
benign-make-build            benign-make-build            full       raw       gzip
benign-user-encrypt          benign-user-encrypt          full       raw       plain
benign-find-delete           benign-find-delete           full       raw       plain
benign-restic-backup         benign-restic-backup         full       raw       gzip
benign-backup-exec-only      benign-backup-tar-gpg        exec-only  raw       plain
mixed-workday                mixed-workday                full       raw       rotate
attack-qlocker-ssh           attack-qlocker-ssh           host       raw       gzip
attack-zip-cron              attack-zip-cron              host       raw       gzip
attack-gpgtar-daemon         attack-gpgtar-daemon         host       enriched  gzip
attack-tar-openssl-ssh       attack-tar-openssl-ssh       host       raw       gzip
attack-xargs-gpg-ssh         attack-xargs-gpg-ssh         host       raw       gzip
attack-parallel-rootcron     attack-parallel-rootcron     host       raw       gzip
attack-locker-setsid-ssh     attack-locker-setsid-ssh     host       enriched  gzip
attack-age-typed-ssh         attack-age-typed-ssh         host       raw       gzip
benign-gzip-logs-rootcron    benign-gzip-logs-rootcron    host       raw       gzip
benign-image-convert-ssh     benign-image-convert-ssh     host       raw       gzip
benign-7z-backup-cron        benign-7z-backup-cron        host       raw       gzip
benign-rsync-ssh-mirror      benign-rsync-ssh-mirror      host       raw       gzip
benign-git-rebase-ssh        benign-git-rebase-ssh        host       raw       gzip
benign-permission-fix-ssh    benign-permission-fix-ssh    host       enriched  gzip
benign-encrypt-by-hand-typed benign-encrypt-by-hand-typed host       raw       gzip
benign-ci-build-daemon       benign-ci-build-daemon       host       raw       gzip
benign-openssl-export-keep   benign-openssl-export-keep   host       raw       gzip
"
failed=()
while read -r name scenario ruleset format packaging; do
    [ -n "$name" ] || continue
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
    extra=(); [ "$name" != "$scenario" ] && extra=("$name")
    timeout -s TERM 900 ./record-case.sh "$scenario" "$ruleset" "$format" "$packaging" "${extra[@]}" || failed+=("$name")
done <<< "$CASES"
./verify-cases.sh || failed+=("verify-cases")
du -sh ../cases
if [ ${#failed[@]} -gt 0 ]; then echo "FAILED: ${failed[*]}"; exit 1; fi
echo "all cases recorded"
