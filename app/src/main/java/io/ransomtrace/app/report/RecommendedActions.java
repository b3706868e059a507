package io.ransomtrace.app.report;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.engine.coverage.CoverageCheck;
import io.ransomtrace.engine.coverage.CoverageStatus;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.recovery.RecoveryMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the briefing tells the reader to do, drawn from the case: the hosts, accounts, tools, counts and coverage
 * gaps it holds. Texts are plain (case strings already passed through {@link Inert#plain}); renderers escape them.
 */
public final class RecommendedActions {

    /** One recommended action: a short imperative headline and the reason, from the case. */
    public record Action(String headline, String detail) {
    }

    private static final int NAME = 80;

    private RecommendedActions() {
    }

    public static List<Action> of(CaseReport report) {
        List<Action> out = new ArrayList<>();
        List<Finding> chosen = report.chosenFindings();
        Map<String, List<Finding>> byHost = new LinkedHashMap<>();
        for (Finding f : chosen) {
            byHost.computeIfAbsent(f.host(), h -> new ArrayList<>()).add(f);
        }
        byHost.forEach((host, fs) -> {
            Severity worst = fs.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
            if (worst.atLeast(Severity.HIGH)) {
                out.add(new Action("Isolate host " + Inert.plain(host, NAME) + " from the network",
                        count(fs.size(), "campaign") + " of " + worst.label() + " severity ran there; keep it powered on "
                                + "so memory and open files stay available to the responders."));
            } else {
                out.add(new Action("Examine host " + Inert.plain(host, NAME),
                        count(fs.size(), "finding") + " of " + worst.label() + " severity: confirm or rule out encryption "
                                + "before deciding on isolation."));
            }
        });
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> misused = new LinkedHashSet<>();
        for (Finding f : chosen) {
            String script = Briefing.script(f.rootProcess());
            if (script != null) {
                dropped.add(script);
            }
            List<String> exes = new ArrayList<>(f.tools());
            if (f.rootProcess() != null && f.rootProcess().exe() != null) {
                exes.add(0, f.rootProcess().exe());
            }
            for (String exe : exes) {
                if (Briefing.systemTool(exe)) {
                    misused.add(Briefing.program(exe));
                } else {
                    dropped.add(exe);
                }
            }
        }
        boolean serious = chosen.stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH));
        if (!dropped.isEmpty() && serious) {
            out.add(new Action("Preserve and block " + join(dropped, 3),
                    "the attacker brought " + (dropped.size() > 1 ? "these files" : "this file")
                            + ": copy for analysis (hash, strings), then block and hunt for it on every host."));
        }
        if (!misused.isEmpty() && serious) {
            out.add(new Action("Hunt for the same use of " + join(misused, 5) + " on other hosts",
                    "these are system tools the campaign misused; search other hosts' logs for the same command lines "
                            + "(the appendix lists them)."));
        }
        Set<String> accounts = new LinkedHashSet<>();
        // Only the serious campaigns' accounts: a lower-severity finding chosen alongside (a git clone) names a user
        // whose account must not be disabled on its strength.
        for (Finding f : chosen) {
            if (!f.severity().atLeast(Severity.HIGH)) {
                continue;
            }
            RootProcess r = f.rootProcess();
            if (r == null) {
                continue;
            }
            String login = r.loginUser() != null ? r.loginUser() : r.loginUid() != null ? "uid " + r.loginUid() : null;
            String user = r.user() != null ? r.user() : r.uid() != null ? "uid " + r.uid() : null;
            if (login != null) {
                accounts.add(login);
            }
            if (user != null) {
                accounts.add(user);
            }
        }
        boolean rootUsed = accounts.remove("root");
        if (!accounts.isEmpty()) {
            out.add(new Action("Disable the account" + (accounts.size() > 1 ? "s " : " ") + join(accounts, 4)
                    + " and reset " + (accounts.size() > 1 ? "their" : "its") + " credentials",
                    "the campaigns were started from " + (accounts.size() > 1 ? "these accounts" : "this account")
                            + ". Review " + (accounts.size() > 1 ? "their" : "its") + " other sessions, SSH keys and logins."));
        }
        if (rootUsed) {
            out.add(new Action("Rotate root and sudo credentials on " + join(new LinkedHashSet<>(byHost.keySet()), 3),
                    "the encryption ran as root: treat every credential and key on the host as exposed."));
        }
        int decryptable = 0;
        int kept = 0;
        Map<String, String> seize = new LinkedHashMap<>();
        for (FindingSection s : report.sections()) {
            if (s.recovery() != null) {
                decryptable += s.recovery().count(RecoveryMethod.DECRYPT);
                kept += s.recovery().count(RecoveryMethod.INTACT);
                s.recovery().seizures().keySet().forEach(k -> seize.putIfAbsent(k, s.finding().host()));
            }
        }
        if (decryptable > 0) {
            out.add(new Action("Decrypt " + count(decryptable, "file") + " with the attacker's own key",
                    "the audit log shows the key the attacker gave the encryption tool. `ransomtrace recover --case CASE "
                            + "--out PLAN_DIR` writes decrypt.sh; run it on a copy of the encrypted files (sh decrypt.sh "
                            + "RESTORE_ROOT EVIDENCE_ROOT): it never writes over a file and says per file whether it worked. "
                            + "The plan holds the key: keep it as confidential as the data."));
        }
        seize.forEach((what, host) -> out.add(new Action("Seize " + Inert.plain(what, 200) + " from " + Inert.plain(host, NAME),
                "the attacker's key was read from there and is not in the log; without it those files come only from "
                        + "backup.")));
        int files = 0;
        Set<String> dirs = new LinkedHashSet<>();
        boolean inPlace = false;
        boolean deleted = false;
        for (FindingSection s : report.sections()) {
            Finding f = s.finding();
            if (f.overwrite() == OverwriteKind.NONE) {
                continue; // nothing of the originals was lost: nothing to restore
            }
            files += Math.max(f.filesAffected(), s.affected().size());
            dirs.addAll(f.directories());
            inPlace |= f.overwrite() == OverwriteKind.IN_PLACE;
            deleted |= f.overwrite() == OverwriteKind.NEW_FILE_THEN_DELETE
                    || f.overwrite() == OverwriteKind.ARCHIVED_THEN_DELETED;
        }
        files -= decryptable + kept; // what the plan brings back needs no backup
        if (files > 0) {
            String how = inPlace ? "the originals were overwritten where they lay, so they exist only in backups"
                    : deleted ? "the originals were deleted after encrypted copies were written; restore them from backup "
                    + "(undelete is unreliable on a busy file system)"
                    : "the originals were renamed or changed; restore them from backup";
            out.add(new Action("Restore " + count(files, "file") + " in " + count(Math.max(dirs.size(),
                    report.chosenFindings().stream().filter(f -> f.overwrite() != OverwriteKind.NONE)
                            .mapToInt(Finding::directoriesAffected).max().orElse(0)), "directory")
                    + " from backup",
                    how + ". Use the restore list (ransomtrace report --format restore) and pick a backup taken before "
                            + firstSeen(chosen) + " UTC."));
        }
        for (HostCoverage h : report.coverage()) {
            List<String> red = new ArrayList<>();
            for (CoverageCheck c : h.checks()) {
                if (c.status() == CoverageStatus.RED) {
                    red.add(c.title());
                }
            }
            int addLines = h.rules() == null ? 0 : h.rules().addLines().size();
            if (!red.isEmpty() || addLines > 0) {
                out.add(new Action("Close telemetry gaps on " + Inert.plain(h.host(), NAME),
                        (red.isEmpty() ? "" : "missing: " + String.join(", ", red) + ". ")
                                + (addLines > 0 ? "Add the " + count(addLines, "audit rule") + " listed in the coverage section."
                                : "Without it a similar campaign could go unseen.")));
            }
        }
        List<Finding> suppressed = report.allFindings().stream().filter(Finding::suppressed).toList();
        List<Finding> lower = report.allFindings().stream()
                .filter(f -> !f.suppressed() && !report.chosenFindings().contains(f) && f.severity().atLeast(Severity.LOW)).toList();
        if (!suppressed.isEmpty() || !lower.isEmpty()) {
            StringBuilder d = new StringBuilder();
            if (!suppressed.isEmpty()) {
                d.append(count(suppressed.size(), "finding")).append(" suppressed by the allowlist (")
                        .append(Inert.plain(suppressed.get(0).allowlist() == null ? "" : suppressed.get(0).allowlist().reason(), NAME))
                        .append(suppressed.size() > 1 ? ", ..." : "").append(")");
            }
            if (!lower.isEmpty()) {
                if (d.length() > 0) {
                    d.append("; ");
                }
                d.append(count(lower.size(), "lower-severity finding")).append(" not in this briefing (")
                        .append(Inert.plain(lower.get(0).title(), NAME)).append(lower.size() > 1 ? ", ..." : "").append(")");
            }
            d.append(": confirm they are benign, and allowlist known jobs with a reason.");
            out.add(new Action("Review the allowlist and the lower-severity findings", d.toString()));
        }
        return out;
    }

    private static String firstSeen(List<Finding> fs) {
        return fs.stream().map(Finding::firstSeen).filter(t -> t != null).min(java.util.Comparator.naturalOrder())
                .map(t -> Briefing.TIME.format(t)).orElse("the first finding");
    }

    private static String join(Set<String> items, int max) {
        List<String> shown = items.stream().limit(max).map(s -> Inert.plain(s, NAME)).toList();
        String s = String.join(", ", shown);
        return items.size() > max ? s + " and " + (items.size() - max) + " more" : s;
    }

    static String count(long n, String noun) {
        String plural = noun.endsWith("y") && !noun.endsWith("ey") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural);
    }
}
