package io.ransomtrace.engine.coverage;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers, per host, "could this telemetry have shown mass encryption?". Fed the same event stream as the
 * detector, one event at a time; keeps only counters per host, so memory does not grow with the input.
 *
 * <p>Audit rule sets arrive as {@link OtherRecord}s of type {@value #AUDIT_RULE_TYPE} (one per rule line,
 * the line in {@code summary}); rules of host {@value #ANY_HOST} apply to every host that has none of its own.
 */
public final class CoverageAssessor {

    public static final String AUDIT_RULE_TYPE = "AUDIT_RULE";
    public static final String ANY_HOST = "unknown";

    private final Map<String, HostTally> hosts = new TreeMap<>();
    private final RuleSetReviewer reviewer;

    public CoverageAssessor() {
        this(RuleSetReviewer.withShippedRecommendation());
    }

    public CoverageAssessor(RuleSetReviewer reviewer) {
        this.reviewer = reviewer;
    }

    public void accept(Event event) {
        HostTally t = hosts.computeIfAbsent(event.host() == null ? ANY_HOST : event.host(), h -> new HostTally());
        if (event instanceof OtherRecord o && AUDIT_RULE_TYPE.equals(o.type())) {
            t.ruleLines.add(o.summary());
            return;
        }
        t.events++;
        if (event.time() != null) {
            if (t.first == null || event.time().isBefore(t.first)) {
                t.first = event.time();
            }
            if (t.last == null || event.time().isAfter(t.last)) {
                t.last = event.time();
            }
        }
        t.trackSerial(event);
        if (event instanceof ProcessExec e) {
            if (!e.success()) {
                return; // a failed exec (a PATH lookup miss) has no argument records by nature
            }
            t.execs++;
            if (e.argvTruncated()) {
                t.execsTruncated++;
            }
            if (e.actor().ppid() > 0) {
                t.execsWithParent++;
            }
            if (e.actor().credentials().hasLoginUid()) {
                t.execsWithLoginUid++;
            }
        } else if (event instanceof FileOp f) {
            if (f.success()) {
                if (io.ransomtrace.engine.model.OpenFlags.writes(f.openFlags())) {
                    t.writeOpens++;
                }
                t.fileOps.merge(f.kind(), 1L, Long::sum);
                t.areas.merge(DirectoryArea.of(f.path()), 1L, Long::sum);
            }
            if (f.contentHint() != null) {
                t.contentHints++;
            }
        } else if (event instanceof OtherRecord o) {
            t.noticeLost(o);
            if (LOGIN_RECORDS.contains(o.type())) {
                t.logins++;
            }
        }
    }

    /** The audit records of a login that sets a login uid (sshd, login, cron with pam_loginuid write one of these). */
    private static final java.util.Set<String> LOGIN_RECORDS = java.util.Set.of("LOGIN", "USER_LOGIN", "USER_START");

    /** The assessment of every host seen, sorted by host name. Rule-only hosts are merged into the others. */
    public List<HostCoverage> assess() {
        List<String> sharedRules = hosts.containsKey(ANY_HOST) ? hosts.get(ANY_HOST).ruleLines : List.of();
        List<HostCoverage> out = new ArrayList<>();
        for (Map.Entry<String, HostTally> e : hosts.entrySet()) {
            HostTally t = e.getValue();
            if (e.getKey().equals(ANY_HOST) && t.events == 0) {
                continue;
            }
            List<String> rules = !t.ruleLines.isEmpty() ? t.ruleLines : sharedRules;
            RuleSetReview review = rules.isEmpty() ? null : reviewer.review(rules);
            out.add(new HostCoverage(e.getKey(), t.first, t.last, t.events, CoverageChecklist.build(t.snapshot(), review), review));
        }
        return out;
    }

    /** Counters for one host. */
    private static final class HostTally {
        long events;
        Instant first;
        Instant last;
        long execs;
        long execsTruncated;
        long execsWithParent;
        long execsWithLoginUid;
        long logins;
        long contentHints;
        long writeOpens;
        long lostReported;
        long lostNotices;
        long serialGaps;
        long serialsMissing;
        /** The first change that turned auditing off or removed audit rules from within a login session, or null. */
        String auditCut;
        final Map<FileOpKind, Long> fileOps = new EnumMap<>(FileOpKind.class);
        final Map<DirectoryArea, Long> areas = new EnumMap<>(DirectoryArea.class);
        final Map<Integer, Long> lastSerialBySource = new HashMap<>();
        final List<String> ruleLines = new ArrayList<>();

        /** Audit serials count up by one per event; a jump means the kernel or daemon dropped events. */
        void trackSerial(Event event) {
            long serial = auditSerial(event.provenance() == null ? null : event.provenance().nativeId());
            if (serial < 0) {
                return;
            }
            int source = event.provenance().sourceId();
            Long previous = lastSerialBySource.get(source);
            if (previous != null && serial > previous + 1 && serial - previous < 1_000_000) {
                serialGaps++;
                serialsMissing += serial - previous - 1;
            }
            if (previous == null || serial > previous) {
                lastSerialBySource.put(source, serial);
            }
        }

        void noticeLost(OtherRecord o) {
            String lost = o.fields().get("lost");
            if (lost != null) {
                try {
                    long n = Long.parseLong(lost.strip());
                    if (n > 0) {
                        lostReported = Math.max(lostReported, n);
                        lostNotices++;
                    }
                } catch (NumberFormatException ignored) {
                    // not a count: not a lost-events notice
                }
            }
            noticeAuditCut(o);
            String summary = o.summary();
            if (summary != null && summary.contains("backlog limit exceeded")) {
                lostNotices++;
            }
        }

        /**
         * {@code auditctl -e 0} (CONFIG_CHANGE op=set audit_enabled=0) or {@code auditctl -D} / {@code -d}
         * (op=remove_rule) run from a login session: the kernel records nothing the removed rules covered after it.
         * auditd's own stop and the boot scripts run with no login uid (unset, 4294967295) and are not counted: a
         * service stopping ends the log, a person turning auditing off cuts it.
         */
        void noticeAuditCut(OtherRecord o) {
            if (auditCut != null || !"CONFIG_CHANGE".equals(o.type())) {
                return;
            }
            Map<String, String> f = o.fields();
            String auid = f.get("auid");
            if (auid == null || auid.isBlank() || auid.equals("4294967295") || auid.equals("-1") || "0".equals(f.get("res"))) {
                return;
            }
            String op = f.getOrDefault("op", "");
            boolean off = op.equals("set") && "0".equals(f.get("audit_enabled"));
            boolean removed = op.equals("remove_rule");
            if (off || removed) {
                auditCut = (off ? "auditing turned off (auditctl -e 0)" : "an audit rule removed (auditctl -D or -d)")
                        + " by login uid " + auid + (f.containsKey("ses") ? " (session " + f.get("ses") + ")" : "")
                        + (o.time() != null ? " at " + o.time() : "");
            }
        }

        CoverageChecklist.Tally snapshot() {
            return new CoverageChecklist.Tally(execs, execsTruncated, execsWithParent, execsWithLoginUid,
                    new EnumMap<>(fileOps), new EnumMap<>(areas), contentHints, writeOpens, first, last,
                    serialGaps, serialsMissing, lostNotices, lostReported, !lastSerialBySource.isEmpty(), logins, auditCut);
        }
    }

    /** Parses the serial out of an audit event id {@code 1732788000.123:4567}; -1 when it is not one. */
    static long auditSerial(String nativeId) {
        if (nativeId == null) {
            return -1;
        }
        int colon = nativeId.lastIndexOf(':');
        int dot = nativeId.indexOf('.');
        if (colon < 0 || dot < 0 || dot > colon) {
            return -1;
        }
        long value = 0;
        for (int i = colon + 1; i < nativeId.length(); i++) {
            char c = nativeId.charAt(i);
            if (c < '0' || c > '9' || i - colon > 19) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return colon + 1 < nativeId.length() ? value : -1;
    }
}
