package io.ransomtrace.app.report;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.coverage.CoverageCheck;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.coverage.RuleNeed;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.recovery.KeyUse;
import io.ransomtrace.engine.recovery.RecoveryMethod;
import io.ransomtrace.engine.recovery.RecoveryPlan;
import io.ransomtrace.engine.recovery.SecretMask;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The executive briefing as one self-contained XHTML document: the same markup is saved as the HTML briefing and
 * handed to the PDF renderer. CSS 2.1 only (tables, no flex or grid) so that openhtmltopdf lays it out like a
 * browser. No scripts, no external references, a Content-Security-Policy that forbids them anyway, and every
 * string from the case goes through {@link Inert#html}.
 */
public final class BriefingHtml {

    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final String CSS = """
            @page { size: A4; margin: 16mm 15mm 16mm 15mm;
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #6b7785; } }
            body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #222b36; line-height: 1.35; margin: 0; }
            .page { max-width: 190mm; margin: 0 auto; }
            .kicker { font-size: 8.5pt; letter-spacing: 1.5px; color: #6b7785; text-transform: uppercase; }
            h1 { font-size: 19pt; margin: 2pt 0 6pt 0; color: #14202e; }
            h2 { font-size: 13.5pt; margin: 14pt 0 5pt 0; color: #14202e; border-bottom: 1.5pt solid #14202e; padding-bottom: 2pt; }
            h3 { font-size: 11.5pt; margin: 10pt 0 4pt 0; color: #14202e; }
            .banner { padding: 7pt 10pt; color: #ffffff; font-size: 12.5pt; margin: 4pt 0 8pt 0; }
            .sev-critical { background: #a4161a; } .sev-high { background: #d9480f; } .sev-medium { background: #e8a317; color: #222b36; }
            .sev-low, .sev-info { background: #5c7080; } .sev-none { background: #2f7d4f; }
            p.lead { font-size: 11pt; margin: 0 0 8pt 0; }
            table { border-collapse: collapse; width: 100%; }
            table.facts td { padding: 2.5pt 6pt; vertical-align: top; border-bottom: 0.75pt solid #dde2e8; }
            table.facts td.k { width: 33%; color: #4a5868; font-weight: bold; }
            table.grid th { text-align: left; background: #eef1f4; padding: 3pt 4pt; font-size: 8.5pt; border-bottom: 1pt solid #b8c2cc; }
            table.grid td { padding: 2.5pt 4pt; vertical-align: top; font-size: 8.5pt; border-bottom: 0.5pt solid #dde2e8; }
            .mono { font-family: 'Liberation Sans', monospace; word-wrap: break-word; }
            td.mono, span.mono { font-size: 8.5pt; }
            .wrap { word-wrap: break-word; }
            table.grid { table-layout: fixed; }
            ol.actions { margin: 0; padding-left: 16pt; } ol.actions li { margin-bottom: 3pt; }
            .muted { color: #6b7785; }
            .chart { width: 100%; border: 0.75pt solid #dde2e8; }
            .st-GREEN { color: #2f7d4f; font-weight: bold; } .st-AMBER { color: #b7791f; font-weight: bold; } .st-RED { color: #a4161a; font-weight: bold; }
            .tag { background: #e6ecf2; padding: 0 3pt; font-size: 8.5pt; }
            .note { border-left: 2.5pt solid #e8a317; padding: 2pt 6pt; margin: 3pt 0; background: #fdf6e3; }
            .appendix, .charts { page-break-before: always; }
            .finding { page-break-inside: auto; }
            .recovery { page-break-inside: avoid; }
            pre.rules { font-size: 8pt; background: #f4f6f8; padding: 4pt; white-space: pre-wrap; word-wrap: break-word; }
            """;

    private final StringBuilder out = new StringBuilder(64 * 1024);

    private BriefingHtml() {
    }

    public static String render(CaseReport report) {
        return new BriefingHtml().document(report);
    }

    private String document(CaseReport r) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>");
        out.append("<meta charset=\"UTF-8\" />");
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\" />"); // our constant: no double quote
        out.append("<meta name=\"referrer\" content=\"no-referrer\" />");
        out.append("<title>").append(Inert.html(r.title())).append("</title>");
        out.append("<style>").append(CSS).append("</style></head><body><div class=\"page\">");
        firstPage(r);
        actions(r);
        recovery(r);
        charts(r);
        coverage(r);
        appendix(r);
        out.append("</div></body></html>\n");
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------ page 1

    private void firstPage(CaseReport r) {
        out.append("<div class=\"kicker\">Ransomtrace · executive briefing · case ").append(Inert.html(r.caseName()))
                .append(" · generated ").append(Briefing.TIME.format(r.generatedAt())).append(" UTC</div>");
        out.append("<h1>").append(Inert.html(r.title())).append("</h1>");
        List<Finding> fs = r.chosenFindings();
        if (fs.isEmpty()) {
            out.append("<div class=\"banner sev-none\">No mass-encryption campaign in this case</div>");
            out.append("<p class=\"lead\">Ransomtrace replayed ").append(count(r.events(), "event")).append(" from ")
                    .append(count(r.hosts().size(), "host")).append(" and found no campaign at or above the chosen severity. ")
                    .append("Check the coverage section: a quiet case only speaks for the telemetry it holds.</p>");
            return;
        }
        Finding lead = fs.get(0);
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        Set<String> tools = new LinkedHashSet<>();
        Set<String> found = new LinkedHashSet<>();
        long files = 0;
        long dirs = 0;
        Instant first = null;
        Instant last = null;
        Duration fastest = null;
        // The headline speaks of the serious campaigns; lower-severity findings chosen alongside are listed, not summed.
        List<FindingSection> headline = r.sections().stream().filter(s -> s.finding().severity().atLeast(Severity.HIGH)).toList();
        if (headline.isEmpty()) {
            headline = r.sections();
        }
        int others = r.sections().size() - headline.size();
        for (FindingSection s : headline) {
            Finding f = s.finding();
            hosts.add(f.host());
            users.add(s.userInWords());
            tools.addAll(f.tools());
            found.addAll(Briefing.howFound(f));
            files += Math.max(f.filesAffected(), s.affected().size());
            dirs += f.directoriesAffected();
            first = min(first, f.firstSeen());
            last = max(last, f.lastSeen());
            Duration tta = s.timeToAlert();
            if (tta != null && (fastest == null || tta.compareTo(fastest) < 0)) {
                fastest = tta;
            }
        }
        out.append("<div class=\"banner sev-").append(lead.severity().label()).append("\">")
                .append(lead.severity().label().toUpperCase(Locale.ROOT)).append(": ")
                .append(lead.severity().atLeast(Severity.HIGH)
                        ? (headline.size() == 1 ? "one campaign" : count(headline.size(), "campaign")) + " of mass file encryption on "
                        : (headline.size() == 1 ? "one finding" : count(headline.size(), "finding")) + " of suspicious file activity on ")
                .append(Inert.html(joined(hosts, 3)));
        if (others > 0) {
            out.append(" · ").append(count(others, "lower-severity finding")).append(" to review");
        }
        out.append("</div>");
        out.append("<h2>What happened</h2><p class=\"lead\">");
        FindingSection ls = r.sections().get(0);
        out.append("On ").append(first == null ? "an unknown day" : Briefing.DAY.format(first)).append(", ")
                .append(Briefing.when(first, last)).append(", <b>").append(Inert.html(Briefing.actor(lead.rootProcess())))
                .append("</b> running as <b>").append(Inert.html(ls.userInWords())).append("</b> changed <b>")
                .append(count(lead.filesAffected(), "file")).append("</b> in ").append(count(lead.directoriesAffected(), "directory"))
                .append(" on <b>").append(Inert.html(lead.host())).append("</b>");
        if (!lead.extensions().isEmpty()) {
            out.append(", renaming them to end in <b>").append(Inert.html(lead.extensions().get(0), 40)).append("</b>");
        }
        // When the attacker's key is in the log, how the files come back is the plan's, not the overwrite kind's.
        out.append(". ").append(Inert.html(decrypts(ls) ? ls.recovery().summary() : Briefing.recovery(lead.overwrite())));
        if (lead.notes().count() > 0) {
            out.append(" It left ").append(count(lead.notes().count(), "ransom note")).append(" (")
                    .append(Inert.html(lead.notes().names().isEmpty() ? "" : lead.notes().names().get(0), 60)).append(").");
        }
        if (headline.size() > 1) {
            out.append(" This briefing covers ").append(count(headline.size(), "campaign")).append(" in all; the table sums them.");
        }
        if (others > 0) {
            out.append(" ").append(count(others, "lower-severity finding")).append(" chosen alongside ")
                    .append(others == 1 ? "is" : "are").append(" described in the appendix.");
        }
        out.append("</p>");

        out.append("<table class=\"facts\">");
        fact("When", first == null ? "unknown" : Briefing.TIME.format(first) + " to " + Briefing.TIME.format(last) + " UTC ("
                + Briefing.duration(Duration.between(first, last)) + ")");
        fact("Hosts", joined(hosts, 5));
        fact("Accounts", joined(users, 5));
        fact("Files and directories", count(files, "file") + " in " + count(dirs, "directory")
                + (lead.filesBeforeFirstHighAlert() != null ? " (" + count(lead.filesBeforeFirstHighAlert(), "file")
                + " before the first high alert)" : ""));
        fact("Originals", overwriteSummary(r));
        fact("Tools", tools.isEmpty() ? "none identified" : joined(tools, 4));
        fact("How it was found", found.isEmpty() ? "no signal fired" : "from the audit logs: " + String.join("; ", found));
        fact("First encryption to first alert", fastest == null ? "no alert was raised"
                : Briefing.duration(fastest) + " (alert at " + Briefing.TIME.format(lead.firstAlert() == null ? first : lead.firstAlert()) + " UTC)");
        fact("Ransom notes", lead.notes().count() == 0 ? "none seen" : count(lead.notes().count(), "note") + " in "
                + count(lead.notes().directories().size(), "directory") + ": " + joined(new LinkedHashSet<>(lead.notes().names()), 3));
        if (ls.recovery() != null && !ls.recovery().files().isEmpty()) {
            fact("Recovery", ls.recovery().summary());
        }
        out.append("</table>");
        if (!ls.tags().isEmpty() || !ls.notes().isEmpty()) {
            analystAnnotations(ls);
        }
    }

    private String overwriteSummary(CaseReport r) {
        Set<OverwriteKind> kinds = new LinkedHashSet<>();
        for (Finding f : r.chosenFindings()) {
            kinds.add(f.overwrite());
        }
        List<String> parts = new ArrayList<>();
        for (OverwriteKind k : kinds) {
            parts.add(Briefing.overwriteShort(k));
        }
        boolean backup = kinds.contains(OverwriteKind.IN_PLACE) || kinds.contains(OverwriteKind.NEW_FILE_THEN_DELETE)
                || kinds.contains(OverwriteKind.ARCHIVED_THEN_DELETED);
        boolean planCoversAll = r.sections().stream().allMatch(s -> s.recovery() != null && !s.recovery().files().isEmpty()
                && s.recovery().count(RecoveryMethod.DECRYPT) + s.recovery().count(RecoveryMethod.INTACT)
                == s.recovery().files().size());
        return String.join("; ", parts) + (backup && !planCoversAll ? ": restore from backup"
                : backup ? ": the recovery plan decrypts them" : "");
    }

    /** True when the section's plan decrypts at least one file. */
    private static boolean decrypts(FindingSection s) {
        return s.recovery() != null && s.recovery().count(RecoveryMethod.DECRYPT) > 0;
    }

    private void fact(String key, String value) {
        out.append("<tr><td class=\"k\">").append(Inert.escape(key)).append("</td><td class=\"wrap\">")
                .append(Inert.html(value, 600)).append("</td></tr>");
    }

    // ------------------------------------------------------------------------------------------ charts, actions

    private void charts(CaseReport r) {
        if (!r.sections().isEmpty()) {
            FindingSection s = r.sections().get(0);
            Finding f = s.finding();
            out.append("<div class=\"charts\"><h2>Timeline of file operations</h2>");
            out.append("<p class=\"muted\">File operations by the campaign's processes on ").append(Inert.html(f.host()))
                    .append("; the dashed red line marks the first alert.</p>");
            timelineImage(s);
            out.append("<h2>Spread by directory</h2><p class=\"muted\">Distinct files changed per directory (")
                    .append(count(f.directoriesAffected(), "directory")).append(" in all, the busiest shown).</p>");
            spreadImage(s);
            out.append("</div>");
        }
    }

    private void actions(CaseReport r) {
        out.append("<h2>Recommended actions</h2><ol class=\"actions\">");
        for (RecommendedActions.Action a : RecommendedActions.of(r)) {
            out.append("<li><b>").append(Inert.html(a.headline(), 400)).append("</b>: ")
                    .append(Inert.html(a.detail(), 800)).append("</li>");
        }
        out.append("</ol>");
    }

    // ------------------------------------------------------------------------------------------ recovery

    /**
     * How the originals come back, per finding: counts per method, the keys the log shows (masked: the briefing
     * never holds a key; the plan's decrypt.sh does) with the event that shows each, and what to seize.
     */
    private void recovery(CaseReport r) {
        List<FindingSection> planned = r.sections().stream()
                .filter(s -> s.recovery() != null && !s.recovery().files().isEmpty()).toList();
        if (planned.isEmpty()) {
            return;
        }
        out.append("<div class=\"recovery\"><h2>Recovery</h2><p class=\"muted\">How each affected file can come back, from the commands the "
                + "attacker ran. Keys are shown masked; <span class=\"mono\">ransomtrace recover --case CASE --out PLAN_DIR</span> "
                + "writes the tested plan (decrypt.sh holds the keys in full, restore.csv the method per file).</p>");
        for (FindingSection s : planned) {
            RecoveryPlan plan = s.recovery();
            Finding f = s.finding();
            if (planned.size() > 1) {
                out.append("<h3>").append(Inert.html(f.title(), 300)).append("</h3>");
            }
            out.append("<p><b>").append(Inert.html(plan.summary(), 800)).append("</b></p>");
            out.append("<table class=\"grid\"><tr><th style=\"width:24%\">Method</th><th style=\"width:10%\">Files</th>")
                    .append("<th>What it means</th></tr>");
            for (Map.Entry<RecoveryMethod, Integer> c : plan.counts().entrySet()) {
                out.append("<tr><td>").append(c.getKey().label()).append("</td><td>").append(c.getValue()).append("</td><td>")
                        .append(Inert.escape(c.getKey().meaning())).append("</td></tr>");
            }
            out.append("</table>");
            if (!plan.keys().isEmpty()) {
                out.append("<p><b>Key evidence</b></p><table class=\"grid\"><tr><th style=\"width:17%\">Tool</th>")
                        .append("<th style=\"width:17%\">Cipher</th><th>Key (masked)</th><th style=\"width:13%\">Event</th>")
                        .append("<th style=\"width:12%\">Files</th></tr>");
                for (KeyUse k : plan.keys()) {
                    out.append("<tr><td>").append(Inert.html(k.tool())).append("</td><td>").append(Inert.html(k.cipher()))
                            .append("</td><td>").append(Inert.html(k.key().masked() + " · " + k.key().how(), 300))
                            .append("</td><td>").append(k.key().eventId()).append("</td><td>")
                            .append(k.decrypts() > 0 ? k.decrypts() + " of " + k.files() + " decryptable" : k.files())
                            .append("</td></tr>");
                }
                out.append("</table>");
            }
        }
        out.append("</div>");
    }

    private void timelineImage(FindingSection s) {
        Finding f = s.finding();
        if (f.firstSeen() == null || f.lastSeen() == null) {
            return;
        }
        out.append("<img class=\"chart\" alt=\"Timeline of file operations\" src=\"")
                .append(Charts.timeline(s.timeline(), f.firstSeen(), f.lastSeen(), s.bucket(), f.firstAlert())).append("\" />");
    }

    private void spreadImage(FindingSection s) {
        out.append("<img class=\"chart\" alt=\"Files changed per directory\" src=\"")
                .append(Charts.spread(s.spread())).append("\" />");
    }

    // ------------------------------------------------------------------------------------------ coverage

    private void coverage(CaseReport r) {
        out.append("<h2>Telemetry coverage per host</h2><p class=\"muted\">Could the logs have shown mass encryption? ")
                .append("Red items are blind spots: a campaign there would go unseen.</p>");
        for (HostCoverage h : r.coverage()) {
            out.append("<h3>").append(Inert.html(h.host())).append(" · overall <span class=\"st-").append(h.overall().name())
                    .append("\">").append(h.overall().name().toLowerCase(Locale.ROOT)).append("</span> · ")
                    .append(count(h.events(), "event")).append("</h3>");
            out.append("<table class=\"grid\"><tr><th style=\"width:22%\">Check</th><th style=\"width:9%\">Status</th>")
                    .append("<th style=\"width:25%\">Measured</th><th>What it means</th></tr>");
            for (CoverageCheck c : h.checks()) {
                out.append("<tr><td>").append(Inert.html(c.title())).append("</td><td class=\"st-").append(c.status().name())
                        .append("\">").append(c.status().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"wrap\">")
                        .append(Inert.html(c.measured())).append("</td><td>").append(Inert.html(c.explanation(), 600)).append("</td></tr>");
            }
            out.append("</table>");
            if (h.rules() != null) {
                out.append("<p><b>Audit rule set</b> (").append(count(h.rules().rules(), "rule")).append("):</p>");
                out.append("<table class=\"grid\"><tr><th style=\"width:30%\">Need</th><th style=\"width:9%\">Status</th><th>Explanation</th></tr>");
                for (RuleNeed n : h.rules().needs()) {
                    out.append("<tr><td>").append(Inert.html(n.title())).append("</td><td class=\"st-").append(n.status().name())
                            .append("\">").append(n.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                            .append(Inert.html(n.explanation(), 600)).append("</td></tr>");
                }
                out.append("</table>");
                if (!h.rules().addLines().isEmpty()) {
                    out.append("<p>Add these lines to the host's audit rules:</p><pre class=\"rules\">");
                    for (String line : h.rules().addLines()) {
                        out.append(Inert.html(line, 400)).append('\n');
                    }
                    out.append("</pre>");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ appendix

    private void appendix(CaseReport r) {
        out.append("<div class=\"appendix\"><h2>Technical appendix</h2>");
        if (r.sections().isEmpty()) {
            out.append("<p>No finding was chosen for this briefing.</p>");
        }
        int i = 1;
        for (FindingSection s : r.sections()) {
            finding(i++, s);
        }
        out.append("<h3>Sources</h3><table class=\"grid\"><tr><th style=\"width:6%\">Id</th><th>File</th><th style=\"width:12%\">Format</th>")
                .append("<th style=\"width:11%\">Events</th><th style=\"width:9%\">Errors</th><th style=\"width:12%\">Status</th></tr>");
        for (var src : r.sources()) {
            out.append("<tr><td>").append(src.id()).append("</td><td class=\"mono\">").append(Inert.html(String.valueOf(src.path())))
                    .append("</td><td>").append(Inert.html(src.format())).append("</td><td>").append(String.format(Locale.ROOT, "%,d", src.events()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", src.errors())).append("</td><td>")
                    .append(Inert.html(String.valueOf(src.status()).toLowerCase(Locale.ROOT))).append("</td></tr>");
        }
        out.append("</table></div>");
    }

    private void finding(int n, FindingSection s) {
        Finding f = s.finding();
        out.append("<div class=\"finding\"><h3>").append(n).append(". ").append(Inert.html(f.title(), 300)).append("</h3>");
        out.append("<table class=\"facts\">");
        fact("Finding id", f.id());
        fact("Severity and score", f.severity().label() + ", " + f.score() + " of 100" + (f.suppressed() ? " (suppressed by the allowlist)" : ""));
        fact("Host", f.host());
        fact("First seen, first alert, last seen", time(f.firstSeen()) + " · " + time(f.firstAlert()) + " · " + time(f.lastSeen()));
        if (f.rootProcess() != null) {
            fact("Root process", f.rootProcess().unnamed() ? "none named by the log"
                    : "pid " + f.rootProcess().pid() + " (parent " + f.rootProcess().ppid() + ", "
                    + (f.rootProcess().parentExe() == null ? "unknown parent" : f.rootProcess().parentExe()) + ")");
            RootProcess root = f.rootProcess();
            fact("Command line", root.commandLine() == null ? root.shownCommand()
                    : s.masked(SecretMask.commandLine(Arrays.asList(root.commandLine().split(" ", -1)))));
        }
        fact("Files, directories", f.filesAffected() + " files in " + f.directoriesAffected() + " directories; restore list: "
                + s.affected().size() + " originals");
        fact("Extensions gained", f.extensions().isEmpty() ? "none" : String.join(", ", f.extensions()));
        fact("Originals", Briefing.overwriteShort(f.overwrite()) + " (" + f.overwrite().label() + ")");
        out.append("</table>");
        if (!s.tags().isEmpty() || !s.notes().isEmpty()) {
            analystAnnotations(s);
        }
        if (n > 1) {
            // The first finding's charts are in the body; the others' are here.
            out.append("<p><b>File operations over time</b></p>");
            timelineImage(s);
            out.append("<p><b>Spread by directory</b></p>");
            spreadImage(s);
        }
        out.append("<p><b>Signals</b></p><table class=\"grid\"><tr><th style=\"width:17%\">Signal</th><th style=\"width:8%\">Fired</th>")
                .append("<th style=\"width:9%\">Points</th><th>Measurement</th></tr>");
        for (SignalMeasurement m : f.signals()) {
            out.append("<tr><td>").append(Inert.html(m.kind())).append("</td><td>").append(m.fired() ? "yes" : "no")
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.0f", m.contribution())).append("</td><td>")
                    .append(Inert.html(m.description(), 600)).append("</td></tr>");
        }
        out.append("</table>");
        if (!s.chain().isEmpty()) {
            out.append("<p><b>Process chain</b> (oldest ancestor first)</p><table class=\"grid\"><tr><th style=\"width:8%\">Pid</th>")
                    .append("<th style=\"width:14%\">User</th><th style=\"width:21%\">Started (UTC)</th><th>Command line</th></tr>");
            for (ProcessNode p : s.chain()) {
                out.append("<tr><td>").append(p.pid()).append("</td><td>").append(Inert.html(user(p))).append("</td><td>")
                        .append(time(p.start() != null ? p.start() : p.firstSeen())).append("</td><td class=\"mono\">")
                        .append(Inert.html(s.masked(p.argv().isEmpty() ? p.commandLine() : SecretMask.commandLine(p.argv()))))
                        .append("</td></tr>");
            }
            out.append("</table>");
        }
        if (!f.files().isEmpty()) {
            out.append("<p><b>Files</b> (first ").append(Math.min(f.files().size(), 25)).append(" of ").append(f.filesAffected())
                    .append("; the restore list export has all)</p><table class=\"grid\">");
            f.files().stream().limit(25).forEach(p -> out.append("<tr><td class=\"mono\">").append(Inert.html(p)).append("</td></tr>"));
            out.append("</table>");
        }
        out.append("<p><b>Evidence</b> (").append(count(s.evidence().size(), "event")).append(", source id and line in the imported log)</p>")
                .append("<table class=\"grid\"><tr><th style=\"width:12%\">Event</th><th style=\"width:11%\">Source:line</th>")
                .append("<th style=\"width:19%\">Time (UTC)</th><th style=\"width:9%\">What</th><th>Detail</th></tr>");
        for (StoredEvent se : s.evidence().stream().limit(60).toList()) {
            Event e = se.event();
            out.append("<tr><td>").append(e.id()).append("</td><td>").append(e.provenance().sourceId()).append(':')
                    .append(e.provenance().line()).append("</td><td>").append(time(e.time())).append("</td><td>")
                    .append(Inert.html(EcsEvents.action(e))).append("</td><td class=\"mono\">").append(Inert.html(s.masked(detail(e))))
                    .append("</td></tr>");
        }
        out.append("</table>");
        if (s.evidence().size() > 60) {
            out.append("<p class=\"muted\">").append(s.evidence().size() - 60).append(" more evidence events in the ECS export.</p>");
        }
        out.append("</div>");
    }

    private void analystAnnotations(FindingSection s) {
        out.append("<p><b>Analyst</b>");
        for (String t : s.tags()) {
            out.append(" <span class=\"tag\">").append(Inert.html(t, 60)).append("</span>");
        }
        out.append("</p>");
        for (FindingSection.AnalystNote n : s.notes()) {
            out.append("<div class=\"note\"><span class=\"muted\">").append(Inert.html(s.masked(n.about()), 120)).append(":</span> ")
                    .append(Inert.html(n.text(), 1200)).append("</div>");
        }
    }

    static String detail(Event e) {
        if (e instanceof FileOp f) {
            return f.targetPath() == null ? f.path() : f.path() + " -> " + f.targetPath();
        } else if (e instanceof ProcessExec x) {
            return SecretMask.commandLine(x.argv()); // a key typed on the command line is never printed
        } else if (e instanceof ProcessExit x) {
            return (x.actor().exe() == null ? "" : x.actor().exe()) + " exit " + x.exitCode();
        } else if (e instanceof OtherRecord o) {
            return o.type() + (o.summary() == null ? "" : ": " + o.summary());
        }
        return "";
    }

    private static String user(ProcessNode p) {
        var c = p.credentials();
        if (c == null) {
            return "";
        }
        String u = c.user() != null ? c.user() : c.uid() >= 0 ? "uid " + c.uid() : "";
        String l = c.loginUser() != null ? c.loginUser() : c.loginUid() >= 0 ? "uid " + c.loginUid() : null;
        return l != null && !l.equals(u) ? u + " (login " + l + ")" : u;
    }

    private static String time(Instant t) {
        return t == null ? "none" : Briefing.TIME.format(t);
    }

    private static String count(long n, String noun) {
        return RecommendedActions.count(n, noun);
    }

    private static String joined(Set<String> items, int max) {
        List<String> shown = items.stream().limit(max).toList();
        String s = String.join(", ", shown);
        return items.size() > max ? s + " and " + (items.size() - max) + " more" : s;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
