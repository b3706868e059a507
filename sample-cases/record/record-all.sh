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
"
failed=()
while read -r name scenario ruleset format packaging; do
    [ -n "$name" ] || continue
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
    extra=(); [ "$name" != "$scenario" ] && extra=("$name")
    timeout -s TERM 600 ./record-case.sh "$scenario" "$ruleset" "$format" "$packaging" "${extra[@]}" || failed+=("$name")
done <<< "$CASES"
./verify-cases.sh || failed+=("verify-cases")
du -sh ../cases
if [ ${#failed[@]} -gt 0 ]; then echo "FAILED: ${failed[*]}"; exit 1; fi
echo "all cases recorded"
