#!/bin/bash
# Record one sample case from a real run under a private auditd.
#
#   record-case.sh SCENARIO RULESET FORMAT [PACKAGING] [CASE_NAME]
#     SCENARIO   a file scenarios/SCENARIO.sh
#     RULESET    full | exec-only        (rules/RULESET.rules)
#                an0603                  the product's recommended rules, docs/audit/an0603.rules, behind the
#                                        recording hygiene lines (composed into rules/an0603.rules at record time)
#                host                    the full rules without the hygiene line, as a real host runs them: the
#                                        harness, sshd, cron and root daemons are recorded (rules/host.rules);
#                                        the recorder runs from a copy in /var/lib/rt-lab-recorder, and a real
#                                        sshd on a free localhost port and the machine's cron serve the logins
#     FORMAT     raw | enriched          (auditd log_format)
#     PACKAGING  plain (audit.log) | gzip (audit.log.gz) | rotate (audit.log, audit.log.1, audit.log.2)
#     CASE_NAME  folder name under sample-cases/cases (default: SCENARIO)
#
# Needs root and a kernel with audit. The machine's audit state (rules, enabled flag, backlog, a running
# auditd) is saved first and restored on exit, also on failure. The lab tree (/srv/rt-lab), lab users,
# sudoers entry and /opt/rt-lab are created for the run and removed afterwards.
set -euo pipefail
RT_RECORD_DIR=$(cd "$(dirname "$0")" && pwd)
. "$RT_RECORD_DIR/lib.sh"

[ $# -ge 3 ] || { sed -n '2,12p' "$0"; exit 2; }
SCENARIO=$1 RULESET=$2 FORMAT=$3 PACKAGING=${4:-plain} CASE_NAME=${5:-$1}
[ "$(id -u)" = 0 ] || rt_die "run as root"
if [ "$RULESET" = host ] && [ -z "${RT_RECORDER_COPY:-}" ]; then
    # Everything the harness does is recorded under the host rules: run it from where a lab host would keep
    # such a tool (not from the development checkout), with / as working directory.
    CASES_DIR=${RT_CASES_DIR:-$(cd "$RT_RECORD_DIR/../cases" && pwd)}
    rm -rf /var/lib/rt-lab-recorder && cp -a "$RT_RECORD_DIR" /var/lib/rt-lab-recorder
    cd /
    RT_RECORDER_COPY=1 RT_CASES_DIR="$CASES_DIR" RT_DOCS_DIR="$RT_RECORD_DIR/../../docs" \
        exec bash /var/lib/rt-lab-recorder/record-case.sh "$@"
fi
# one kernel audit subsystem: two recordings at once would load each other's rules into each other's logs
# (the lock other tools of this project take too; waits for a recording in progress to end)
exec 9> /tmp/ransomtrace-auditd.lock
flock 9 || rt_die "cannot lock /tmp/ransomtrace-auditd.lock"
[ -f "$RT_RECORD_DIR/scenarios/$SCENARIO.sh" ] || rt_die "no scenario $SCENARIO"
[ "$RULESET" = an0603 ] && rt_compose_recommended_rules "$RT_RECORD_DIR/rules/an0603.rules"
[ -f "$RT_RECORD_DIR/rules/$RULESET.rules" ] || rt_die "no rule set $RULESET"
case $FORMAT in raw|enriched) ;; *) rt_die "FORMAT must be raw or enriched";; esac
case $PACKAGING in plain|gzip|rotate) ;; *) rt_die "PACKAGING must be plain, gzip or rotate";; esac
CASES_DIR=${RT_CASES_DIR:-$(cd "$RT_RECORD_DIR/../cases" && pwd)}
FINAL_DIR="$CASES_DIR/$CASE_NAME"
CASE_DIR="$CASES_DIR/.$CASE_NAME.recording"   # auditd writes here; moved over FINAL_DIR only on success

ROTATE_EVERY=20
scenario_prepare() { :; }; scenario_verify() { :; }; scenario_cleanup() { :; }
. "$RT_RECORD_DIR/scenarios/$SCENARIO.sh"
: "${HOST:?scenario must set HOST}" "${SUMMARY:?scenario must set SUMMARY}"

RT_ROTATOR_PID=
rt_cleanup() {
    local rc=$?
    set +e
    [ -n "$RT_ROTATOR_PID" ] && kill "$RT_ROTATOR_PID" 2>/dev/null && wait "$RT_ROTATOR_PID" 2>/dev/null
    rt_auditd_stop
    rt_audit_restore_state
    rt_services_stop
    scenario_cleanup
    rt_tree_remove
    rt_users_remove
    if [ $rc != 0 ]; then
        # never leave a half-recorded case behind (cases/ is shipped as test data); an earlier good
        # recording of the same case stays untouched
        [ -n "${CASE_DIR_CREATED:-}" ] && rm -rf "$CASE_DIR"
        rt_log "FAILED ($rc): $CASE_NAME not recorded"
    fi
    [ -n "${RT_RECORDER_COPY:-}" ] && rm -rf /var/lib/rt-lab-recorder
    exit $rc
}
trap rt_cleanup EXIT
trap 'exit 130' INT TERM

rt_log "case $CASE_NAME: scenario=$SCENARIO ruleset=$RULESET format=$FORMAT packaging=$PACKAGING host=$HOST"
rt_audit_save_state
rt_users_create
rt_tree_build
[ "$RULESET" = host ] && rt_services_start
scenario_prepare

rm -rf "$CASE_DIR"; mkdir -p "$CASE_DIR"; CASE_DIR_CREATED=1
rt_auditd_start "$CASE_DIR" "$HOST" "$FORMAT"
auditctl -R "$RT_RECORD_DIR/rules/$RULESET.rules" >/dev/null
# The host's rule set as the kernel holds it, beside the log: importing the case folder imports it too, so
# `ransomtrace coverage` reviews the rules the recording was made with. (The harness is a root process
# without a login uid: the hygiene rule keeps this auditctl out of the log.)
{
    echo "# host: $HOST"
    echo "# auditctl -l during the recording (rule set $RULESET; the first rule is the recording hygiene line)"
    auditctl -l
} > "$CASE_DIR/auditctl-l.txt"
if [ "$PACKAGING" = rotate ]; then
    # 1 s ticks so that the loop ends promptly when killed
    ( t=0; while sleep 1; do t=$((t + 1)); [ $((t % ROTATE_EVERY)) = 0 ] && rt_auditd_rotate; done ) &
    RT_ROTATOR_PID=$!
fi
sleep 0.5
STARTED=$(date -u +%s)
scenario_run
sleep 2   # let kauditd drain and auditd flush (flush = incremental_async)
DURATION=$(( $(date -u +%s) - STARTED ))
if [ -n "$RT_ROTATOR_PID" ]; then kill "$RT_ROTATOR_PID"; wait "$RT_ROTATOR_PID" 2>/dev/null || true; RT_ROTATOR_PID=; fi
LOST=$(auditctl -s | awk '$1=="lost"{print $2}')
rt_auditd_stop
scenario_verify || rt_die "scenario verification failed: the run did not do what truth.yaml would claim"

chmod 755 "$CASE_DIR"; chmod 644 "$CASE_DIR"/audit.log* "$CASE_DIR/auditctl-l.txt"
[ -s "$CASE_DIR/audit.log" ] || rt_die "empty audit.log"
case $PACKAGING in
    gzip) gzip -9n "$CASE_DIR/audit.log" ;;
    rotate) [ -f "$CASE_DIR/audit.log.2" ] || rt_die "expected at least 2 rotations (ROTATE_EVERY=$ROTATE_EVERY, run ${DURATION}s)" ;;
esac
LOG_FILES=$(cd "$CASE_DIR" && ls audit.log* | sort -V | paste -sd, - | sed 's/,/, /g')

{
    echo "case: $CASE_NAME"
    echo "recorded: \"$(date -u +%Y-%m-%d) with sample-cases/record/record-case.sh $SCENARIO $RULESET $FORMAT $PACKAGING${5:+ $5}\""
    echo "host: $HOST"
    echo "ruleset: $RULESET"
    echo "logFormat: $FORMAT"
    echo "logFiles: [$LOG_FILES]"
    echo "durationSeconds: $DURATION"
    echo "fileEventsRecorded: $([ "$RULESET" = exec-only ] && echo false || echo true)   # false with exec-only rules: the counts below are real, the log cannot show them"
    echo "summary: \"$SUMMARY\""
    echo "users: { alice: 1101, bob: 1102, carol: 1103, dave: 1104, erin: 1105, frank: 1106, svc-backup: 1190 }"
    scenario_truth
    if [ -n "${ATTACK_START:-}" ]; then
        echo "attackWindow: { start: $ATTACK_START, end: $ATTACK_END }   # epoch s around the attacker's session, recorder clock = audit clock"
    fi
} > "$CASE_DIR/truth.yaml"
{
    echo "# $CASE_NAME"
    echo
    echo "$SUMMARY"
    echo
    echo "Recorded $(date -u +%Y-%m-%d) on a Debian 12 host (kernel $(uname -r), auditd $(dpkg-query -W -f "\${Version}" auditd 2>/dev/null || echo "?")) with"
    echo "\`sudo sample-cases/record/record-case.sh $SCENARIO $RULESET $FORMAT $PACKAGING${5:+ $5}\`: rule set \`$RULESET\`, $FORMAT log format, node=$HOST,"
    echo "files: $LOG_FILES; ${DURATION}s of recording; kernel lost-record counter after the run: $LOST."
    echo "The rule set as the kernel held it during the recording (\`auditctl -l\`) is in \`auditctl-l.txt\`."
} > "$CASE_DIR/README.md"
rm -rf "$FINAL_DIR"; mv "$CASE_DIR" "$FINAL_DIR"
rt_log "recorded $CASE_NAME: $(du -sh "$FINAL_DIR" | cut -f1), lost=$LOST"
