#!/bin/bash
# Load an audit rule file line by line with auditctl on this kernel and report every line it refuses.
#
#   check-rules.sh RULES_FILE      (root; e.g. docs/audit/an0603.rules)
#
# The machine's audit state is saved first and restored on exit (same functions as record-case.sh).
# Auditing stays disabled while the lines are tried, and a leading "never" rule for processes without a
# login uid keeps this script's own syscalls out. Prints "OK" or "REFUSED" per line with auditctl's message;
# exits 1 when any line is refused.
set -euo pipefail
RT_RECORD_DIR=$(cd "$(dirname "$0")" && pwd)
. "$RT_RECORD_DIR/lib.sh"
[ $# = 1 ] && [ -f "$1" ] || { sed -n '2,9p' "$0"; exit 2; }
[ "$(id -u)" = 0 ] || rt_die "run as root"
exec 9> /run/rt-lab-record.lock
flock -n 9 || rt_die "a recording is running (/run/rt-lab-record.lock)"
trap 'rc=$?; set +e; rt_audit_restore_state; exit $rc' EXIT
rt_audit_save_state
auditctl -e 0 >/dev/null
auditctl -D >/dev/null
auditctl -a never,exit -F auid=unset -F uid=0 >/dev/null
refused=0 n=0
while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    t=${line#"${line%%[![:space:]]*}"}
    case $t in ''|'#'*) continue;; esac
    # auditctl -R reads one line the way the rules file would be read (same parser as augenrules)
    printf '%s\n' "$t" > "$RT_STATE/one.rules"
    if out=$(auditctl -R "$RT_STATE/one.rules" 2>&1); then
        echo "OK       $n: $t"
        [ -n "$out" ] && [ "$out" != "No rules" ] && grep -v '^\(enabled\|failure\|pid\|rate_limit\|backlog\|lost\|loginuid\|No rules\)' <<<"$out" | sed 's/^/           auditctl: /' || true
    else
        echo "REFUSED  $n: $t"; sed 's/^/           auditctl: /' <<<"$out"
        refused=$((refused + 1))
    fi
done < "$1"
echo "--- auditctl -l after loading (what the kernel holds):"
auditctl -l
echo "$refused line(s) refused"
[ $refused = 0 ]
