package io.ransomtrace.engine.coverage;

import io.ransomtrace.engine.model.FileOpKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a host's counters into the checklist an analyst reads: what is there, and what its absence hides. */
final class CoverageChecklist {

    /** The counters of one host, as {@link CoverageAssessor} gathered them. */
    record Tally(long execs, long execsTruncated, long execsWithParent, long execsWithLoginUid,
                 Map<FileOpKind, Long> fileOps, Map<DirectoryArea, Long> areas, long contentHints,
                 long writeOpens, Instant first, Instant last, long serialGaps, long serialsMissing, long lostNotices,
                 long lostReported, boolean hasAuditSerials, long logins, String auditCut) {
    }

    private CoverageChecklist() {
    }

    /** @param rules the review of the host's imported audit rules, or null when none were imported */
    static List<CoverageCheck> build(Tally t, RuleSetReview rules) {
        List<CoverageCheck> checks = new ArrayList<>();
        checks.add(execCheck(t));
        checks.add(ratioCheck("parent", "Parent process", t.execs(), t.execsWithParent(),
                "process starts carry their parent pid", "the chain from the encryptor back to whoever started it cannot be drawn"));
        checks.add(loginUidCheck(t));
        long anyFileOps = t.fileOps().values().stream().mapToLong(Long::longValue).sum();
        checks.add(fileKindCheck(t, anyFileOps, "file-create", "File creation", FileOpKind.CREATE, need(rules, "create"),
                "encrypted copies and ransom notes cannot be seen being written"));
        checks.add(fileKindCheck(t, anyFileOps, "file-write", "Opens for writing", FileOpKind.WRITE, need(rules, "write"),
                "in-place overwrites cannot be seen"));
        checks.add(fileKindCheck(t, anyFileOps, "file-truncate", "Truncation", FileOpKind.TRUNCATE, need(rules, "truncate"),
                "truncate-then-write overwrites look like ordinary writes (only O_TRUNC opens remain visible)"));
        checks.add(fileKindCheck(t, anyFileOps, "file-rename", "Renames", FileOpKind.RENAME, need(rules, "rename"),
                "extension changes (report.docx -> report.docx.locked) cannot be seen"));
        checks.add(fileKindCheck(t, anyFileOps, "file-delete", "Deletes", FileOpKind.DELETE, need(rules, "delete"),
                "delete-after-encrypt cannot be seen: originals vanish without a trace"));
        checks.add(directoryCheck(t, anyFileOps));
        checks.add(new CoverageCheck("content", "Content hints (entropy, header bytes)",
                t.contentHints() > 0 ? CoverageStatus.GREEN : CoverageStatus.AMBER,
                count(t.contentHints(), "file event") + " with content hints",
                t.contentHints() > 0 ? "an EDR reported content facts: high-entropy rewrites can be confirmed"
                        : "no content facts (auditd never has them): encryption is inferred from behaviour, not proven from content"));
        checks.add(spanCheck(t));
        checks.add(lossCheck(t));
        if (t.auditCut() != null) {
            // only when seen: most logs never show one, and a check that is always green says nothing
            checks.add(new CoverageCheck("audit-off", "Audit trail cut", CoverageStatus.RED, t.auditCut(),
                    "after this the kernel recorded nothing the rules covered: files changed later are not in the log, so"
                            + " a finding's count is a floor; an intruder stops auditing before the bulk of the work"));
        }
        return checks;
    }

    private static CoverageCheck execCheck(Tally t) {
        if (t.execs() == 0) {
            return new CoverageCheck("exec", "Process execution", CoverageStatus.RED, "no process starts",
                    "no process telemetry: encryption-tool command lines, the process tree and the user behind a campaign cannot be seen");
        }
        long full = t.execs() - t.execsTruncated();
        if (full == 0) {
            return new CoverageCheck("exec", "Process execution", CoverageStatus.AMBER,
                    count(t.execs(), "process start") + ", none with a full argument list",
                    "only truncated command lines (PROCTITLE or comm): tool arguments such as -d or -e may be cut off");
        }
        CoverageStatus s = full * 10 >= t.execs() * 9 ? CoverageStatus.GREEN : CoverageStatus.AMBER;
        return new CoverageCheck("exec", "Process execution", s,
                count(t.execs(), "process start") + ", " + percent(full, t.execs()) + " with full argv",
                s == CoverageStatus.GREEN ? "command lines of encryption tools are visible"
                        : "part of the command lines are truncated: some tool arguments may be cut off");
    }

    /** Services legitimately run without a login session, so any login uid at all shows the field is recorded. */
    private static CoverageCheck loginUidCheck(Tally t) {
        String missing = "the human behind sudo or a service account cannot be named";
        if (t.execs() == 0) {
            return new CoverageCheck("login-uid", "Login user (auid)", CoverageStatus.RED, "no process starts",
                    "no process telemetry: " + missing);
        }
        if (t.execsWithLoginUid() == 0 && t.logins() == 0) {
            // auditd writes auid=unset for every process outside a login session: with no login in the log either,
            // all may have been daemons and services (a root daemon's attack has no login user), or the source
            // may not carry the field; not a gap to close on that evidence alone
            return new CoverageCheck("login-uid", "Login user (auid)", CoverageStatus.AMBER,
                    "0 of " + count(t.execs(), "process start") + ", and no login in the log",
                    "every process ran outside a login session (services, daemons), or the source does not record "
                            + "login uids: a login would show which (sudo and su keep the login user)");
        }
        if (t.execsWithLoginUid() == 0) {
            return new CoverageCheck("login-uid", "Login user (auid)", CoverageStatus.RED,
                    "0 of " + count(t.execs(), "process start") + " although the log shows "
                            + count(t.logins(), "login"), "no login uid recorded: " + missing);
        }
        return new CoverageCheck("login-uid", "Login user (auid)", CoverageStatus.GREEN,
                percent(t.execsWithLoginUid(), t.execs()) + " of " + count(t.execs(), "process start")
                        + (t.execsWithLoginUid() < t.execs() ? " (the rest ran outside a login session: services, cron)" : ""),
                "the login user behind sudo and su is recorded");
    }

    private static CoverageCheck ratioCheck(String id, String title, long total, long with, String good, String missing) {
        if (total == 0) {
            return new CoverageCheck(id, title, CoverageStatus.RED, "no process starts", "no process telemetry: " + missing);
        }
        if (with == 0) {
            return new CoverageCheck(id, title, CoverageStatus.RED, "0 of " + count(total, "process start"), missing);
        }
        CoverageStatus s = with * 10 >= total * 9 ? CoverageStatus.GREEN : CoverageStatus.AMBER;
        return new CoverageCheck(id, title, s, percent(with, total) + " of " + count(total, "process start"),
                s == CoverageStatus.GREEN ? good : "only some " + good + "; for the others " + missing);
    }

    private static RuleNeed need(RuleSetReview rules, String id) {
        return rules == null ? null : rules.needs().stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** @param need what the host's rule set says about this kind of operation, or null when no rules were imported */
    private static CoverageCheck fileKindCheck(Tally t, long anyFileOps, String id, String title, FileOpKind kind,
                                               RuleNeed need, String missing) {
        long n = t.fileOps().getOrDefault(kind, 0L);
        if (anyFileOps == 0) {
            return new CoverageCheck(id, title, CoverageStatus.RED, "no file telemetry",
                    "no file telemetry at all: detection relies on tool command lines only — what mv, cp, rm, tee, dd of=, ccrypt"
                            + " over named files, zip -m, find -delete and openssl/gpg with rm did is read from their arguments;"
                            + " a program doing its own file I/O (python, perl, a compiled locker), ccrypt -r and notes written"
                            + " by shell redirection cannot be seen");
        }
        if (n == 0 && kind == FileOpKind.WRITE && t.writeOpens() > 0) {
            // Creating opens are the same open(2)/openat(2) calls: they are recorded, nothing rewrote an existing file.
            return new CoverageCheck(id, title, CoverageStatus.GREEN,
                    "0 rewrites of existing files; " + count(t.writeOpens(), "open") + " for writing recorded",
                    "opens for writing are recorded; none rewrote an existing file in this data");
        }
        if (n == 0 && need != null) {
            // None of this kind in the data: the host's imported rule set tells whether that means "none happened".
            String measured = "0 of " + count(anyFileOps, "file operation");
            String what = title.toLowerCase(Locale.ROOT);
            return switch (need.status()) {
                case GREEN -> new CoverageCheck(id, title, CoverageStatus.GREEN, measured,
                        "the host's audit rules record " + what + " (" + need.coveredBy() + "): none happened in this data");
                case AMBER -> new CoverageCheck(id, title, CoverageStatus.AMBER, measured,
                        "the host's audit rules record " + what + " only partly (" + need.explanation() + ")");
                case RED -> new CoverageCheck(id, title, CoverageStatus.RED, measured,
                        "the host's audit rules do not record " + what + ": " + missing);
            };
        }
        if (n == 0) {
            // File telemetry exists but none of this kind: either nothing did it, or the rules leave it out.
            // Only the host's rule set can tell which (see the rule review).
            return new CoverageCheck(id, title, CoverageStatus.AMBER, "0 of " + count(anyFileOps, "file operation"),
                    "no " + title.toLowerCase(Locale.ROOT) + " seen although other file operations were: either none happened or the"
                            + " audit rules do not record them (import the host's rules to know; Sysmon for Linux records no renames"
                            + " or writes); if not recorded, " + missing + " (commands that name them, such as mv or ccrypt F,"
                            + " are read from their arguments)");
        }
        return new CoverageCheck(id, title, CoverageStatus.GREEN, count(n, "operation"), title + " are recorded");
    }

    private static CoverageCheck directoryCheck(Tally t, long anyFileOps) {
        if (anyFileOps == 0) {
            return new CoverageCheck("directories", "Directories with file telemetry", CoverageStatus.RED, "none",
                    "no file telemetry in any directory");
        }
        Set<DirectoryArea> seen = EnumSet.noneOf(DirectoryArea.class);
        t.areas().forEach((area, n) -> {
            if (n > 0) {
                seen.add(area);
            }
        });
        List<String> seenLabels = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        for (DirectoryArea a : DirectoryArea.values()) {
            if (a == DirectoryArea.OTHER) {
                continue;
            }
            (seen.contains(a) ? seenLabels : unseen).add(a.label());
        }
        CoverageStatus s = seen.contains(DirectoryArea.USER_HOMES) && seenLabels.size() >= 3 ? CoverageStatus.GREEN : CoverageStatus.AMBER;
        String explanation = unseen.isEmpty() ? "file telemetry was seen in every kind of place campaigns target"
                : "no file telemetry was seen in " + String.join(", ", unseen)
                + ": either nothing happened there or the rules do not reach it (check the rule set)";
        return new CoverageCheck("directories", "Directories with file telemetry", s,
                seenLabels.isEmpty() ? "only elsewhere" : String.join(", ", seenLabels), explanation);
    }

    private static CoverageCheck spanCheck(Tally t) {
        if (t.first() == null) {
            return new CoverageCheck("span", "Time span", CoverageStatus.RED, "no events", "nothing was recorded for this host");
        }
        Duration d = Duration.between(t.first(), t.last());
        return new CoverageCheck("span", "Time span", CoverageStatus.GREEN, t.first() + " to " + t.last() + " (" + human(d) + ")",
                "findings and their absence only speak for this period");
    }

    private static CoverageCheck lossCheck(Tally t) {
        if (t.lostNotices() > 0) {
            return new CoverageCheck("lost", "Lost events", CoverageStatus.RED,
                    t.lostReported() > 0 ? "the audit system reported " + t.lostReported() + " lost events" : count(t.lostNotices(), "backlog overflow notice"),
                    "events were dropped: a burst of encryption can be exactly what overflows the backlog; raise -b and --backlog_wait_time");
        }
        if (t.serialGaps() > 0) {
            return new CoverageCheck("lost", "Lost events", CoverageStatus.AMBER,
                    count(t.serialsMissing(), "audit serial") + " missing in " + count(t.serialGaps(), "gap"),
                    "audit serials jump: events may have been lost (backlog, rate limit), or went to a log that was not imported; check auditctl -s for lost events");
        }
        if (!t.hasAuditSerials()) {
            return new CoverageCheck("lost", "Lost events", CoverageStatus.GREEN, "no loss reported",
                    "the source has no sequence numbers to check for gaps; no loss notices were seen");
        }
        return new CoverageCheck("lost", "Lost events", CoverageStatus.GREEN, "no gaps in audit serials", "no sign of dropped events");
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 172800) {
            return (s / 3600) + " h";
        }
        return (s / 86400) + " days";
    }
}
