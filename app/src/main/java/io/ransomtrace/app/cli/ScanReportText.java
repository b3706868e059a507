package io.ransomtrace.app.cli;

import io.ransomtrace.app.analysis.LogScan;
import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.text.Inert;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable side of {@code scan}: per-input lines, the findings, and the JSON document built from them. */
final class ScanReportText {

    private ScanReportText() {
    }

    static ScanJson.Document document(LogScan.Result r) {
        List<ScanJson.Input> inputs = new ArrayList<>();
        long errors = 0;
        for (LogScan.InputResult i : r.inputs()) {
            long records = i.stats() == null ? 0 : i.stats().recordsRead();
            long events = i.stats() == null ? 0 : i.stats().events();
            inputs.add(new ScanJson.Input(i.path().toString(), i.format() == null ? null : i.format().name().toLowerCase(Locale.ROOT),
                    records, events, i.errors()));
            errors += i.errors();
        }
        return new ScanJson.Document(ScanJson.SCHEMA_VERSION,
                new ScanJson.Summary(inputs, r.events(), errors, r.hosts(), ScanJson.Evictions.of(r.evictions())),
                r.findings().stream().map(ScanJson::of).toList());
    }

    static void printInputs(PrintWriter out, LogScan.Result r, Duration took) {
        long records = 0;
        long errors = 0;
        for (LogScan.InputResult i : r.inputs()) {
            long rec = i.stats() == null ? 0 : i.stats().recordsRead();
            long ev = i.stats() == null ? 0 : i.stats().events();
            records += rec;
            errors += i.errors();
            String status = i.problem() != null ? "  ! " + i.problem() : "";
            out.printf(Locale.ROOT, "  %-48s %-18s %,11d records %,11d events %,7d errors%s%n",
                    shorten(i.path().toString(), 48), i.format() == null ? "?" : i.format().label(), rec, ev, i.errors(),
                    shown(status));
            for (var q : i.firstErrors()) {
                out.printf(Locale.ROOT, "      line %d: %s%n", q.line(), shown(q.reason()));
            }
            if (i.errors() > i.firstErrors().size()) {
                out.printf(Locale.ROOT, "      … and %,d more (import into a case to keep them all)%n", i.errors() - i.firstErrors().size());
            }
        }
        if (!r.skipped().isEmpty()) {
            out.printf(Locale.ROOT, "  skipped %d file%s in the folders given that %s not logs: %s%n", r.skipped().size(),
                    r.skipped().size() == 1 ? "" : "s", r.skipped().size() == 1 ? "is" : "are",
                    shown(String.join(", ", r.skipped().stream().map(p -> p.getFileName().toString()).toList())));
        }
        out.printf(Locale.ROOT, "Read %d input%s: %,d records, %,d events, %,d errors, %d host%s in %.1f s%n",
                r.inputs().size(), r.inputs().size() == 1 ? "" : "s", records, r.events(), errors,
                r.hosts().size(), r.hosts().size() == 1 ? "" : "s", took.toMillis() / 1000.0);
        var ev = r.evictions();
        if (ev != null && ev.any()) {
            // more live processes or open campaigns than the profile's caps: say what was let go, never hide it
            out.printf(Locale.ROOT, "Detector memory caps: %,d processes forgotten (%,d of them had changed files, rooted a "
                            + "campaign or started a session), %,d idle campaigns with nothing to report dropped, %,d "
                            + "campaigns closed early, %,d with a capped file count (process.maxTracked, "
                            + "campaign.maxActive, campaign.maxTrackedFiles)%n",
                    ev.processes(), ev.keptProcesses(), ev.quietCampaigns(), ev.closedEarly(), ev.cappedCampaigns());
        }
    }

    /**
     * Above this many low, info or suppressed findings, they are listed one line each (the highest scores first) and
     * the rest counted: a busy host's log gives hundreds of them — a daemon's bulk writes, a cron job's deletes — and
     * the findings an analyst must read first would otherwise scroll away between them.
     */
    static final int MINOR_IN_FULL = 10;
    /** How many one-line minor findings are listed before "… and N more". */
    static final int MINOR_LINES = 20;

    static void printFindings(PrintWriter out, List<Finding> findings, boolean all) {
        printFindings(out, findings, i -> List.of(), all);
    }

    /**
     * The findings, most severe first: critical, high and medium in full; low, info and suppressed ones in full too
     * when there are few of them (or {@code all}), else one line each for the highest scores and a count of the rest.
     *
     * @param extra more lines to print under finding {@code i} (the analyst's tags and notes in a case); a finding
     *              with any is always printed in full
     */
    static void printFindings(PrintWriter out, List<Finding> findings, java.util.function.IntFunction<List<String>> extra,
                              boolean all) {
        if (findings.isEmpty()) {
            out.println("No findings.");
            out.flush();
            return;
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            if (counts.containsKey(s)) {
                parts.add(counts.get(s) + " " + s.label());
            }
        }
        long suppressed = findings.stream().filter(Finding::suppressed).count();
        out.printf(Locale.ROOT, "%d finding%s: %s%s%n", findings.size(), findings.size() == 1 ? "" : "s", String.join(", ", parts),
                suppressed == 0 ? "" : " (" + suppressed + " suppressed by the allowlist)");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> findings.get(i).suppressed() ? 1 : 0)
                .thenComparing(i -> findings.get(i).severity(), Comparator.reverseOrder())
                .thenComparing(i -> findings.get(i).score(), Comparator.reverseOrder())
                .thenComparing(i -> findings.get(i).firstSeen(), Comparator.nullsLast(Comparator.naturalOrder())));
        List<Integer> minor = new ArrayList<>();
        for (int i : order) {
            List<String> lines = extra.apply(i);
            if (!all && isMinor(findings.get(i)) && lines.isEmpty()) {
                minor.add(i);
            } else {
                printInFull(out, findings.get(i), lines);
            }
        }
        if (minor.size() <= MINOR_IN_FULL) {
            minor.forEach(i -> printInFull(out, findings.get(i), List.of()));
        } else {
            out.println();
            out.printf(Locale.ROOT, "%,d low, info or suppressed findings, one line each (--all prints every finding in full):%n",
                    minor.size());
            for (int i : minor.subList(0, Math.min(MINOR_LINES, minor.size()))) {
                Finding f = findings.get(i);
                RootProcess r = f.rootProcess();
                out.printf(Locale.ROOT, "%s %-8s score %3d  %s  (%s%s)%n", f.suppressed() ? "~" : "-",
                        f.severity().label().toUpperCase(Locale.ROOT), f.score(), shown(f.title()),
                        r == null || r.unnamed() ? "" : "root pid " + r.pid() + ", ", f.firstSeen());
            }
            if (minor.size() > MINOR_LINES) {
                out.printf(Locale.ROOT, "… and %,d more (--all lists them; --json writes every finding)%n", minor.size() - MINOR_LINES);
            }
        }
        out.flush();
    }

    /** Low and info findings, and any the allowlist suppressed: what an analyst reads after the rest. */
    private static boolean isMinor(Finding f) {
        return f.suppressed() || !f.severity().atLeast(Severity.MEDIUM);
    }

    private static void printInFull(PrintWriter out, Finding f, List<String> extra) {
        out.println();
        out.printf(Locale.ROOT, "%s %-8s score %3d  %s%s%n", f.suppressed() ? "~" : "*", f.severity().label().toUpperCase(Locale.ROOT),
                f.score(), shown(f.title()), f.suppressed() ? "  [suppressed: " + shown(f.allowlist() == null ? "allowlist" : f.allowlist().reason()) + "]" : "");
        RootProcess r = f.rootProcess();
        if (r != null) {
            if (r.unnamed()) {
                out.printf(Locale.ROOT, "    host %s, %s%n", shown(f.host()), r.shownCommand());
            } else {
                out.printf(Locale.ROOT, "    host %s, root pid %d %s%n", shown(f.host()), r.pid(), shorten(r.shownCommand(), 100));
            }
            if (r.launchedBy() != null) {
                out.printf(Locale.ROOT, "    launched by %s%n", shorten(r.launchedBy(), 100));
            }
            out.printf(Locale.ROOT, "    user %s, login user %s%n", shown(who(r.user(), r.uid())), shown(who(r.loginUser(), r.loginUid())));
        }
        out.printf(Locale.ROOT, "    %s to %s, first alert %s%n", f.firstSeen(), f.lastSeen(), f.firstAlert() == null ? "none" : f.firstAlert());
        out.printf(Locale.ROOT, "    %s in %s, overwrite: %s%s%s%n", count(f.filesAffected(), "file"),
                count(f.directoriesAffected(), "directory"),
                f.overwrite().label(), f.extensions().isEmpty() ? "" : ", extensions " + shown(String.join(" ", f.extensions())),
                f.tools().isEmpty() ? "" : ", tools " + shown(String.join(" ", f.tools())));
        if (f.notes().count() > 0) {
            out.printf(Locale.ROOT, "    notes: %s, %d dropped in %s%n", shown(String.join(", ", f.notes().names())),
                    f.notes().count(), count(f.notes().directories().size(), "directory"));
        }
        if (f.filesBeforeFirstHighAlert() != null) {
            out.printf(Locale.ROOT, "    files affected before the first high alert: %,d%n", f.filesBeforeFirstHighAlert());
        }
        for (SignalMeasurement s : f.signals()) {
            if (s.fired()) {
                out.println("    - " + shown(s.description()));
            }
        }
        for (String line : extra) {
            out.println("    " + shown(line));
        }
    }

    /** "1 file", "2 files", "1 directory", "3 directories". */
    static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural);
    }

    private static String who(String name, Long id) {
        if (name == null && id == null) {
            return "unknown";
        }
        if (name == null) {
            return "uid " + id;
        }
        return id == null ? name : name + " (" + id + ")";
    }

    private static String shorten(String s, int max) {
        String v = shown(s);
        return v.length() <= max ? v : "…" + v.substring(v.length() - max + 1);
    }

    /** Text from a log as the terminal should show it: escapes and bidi controls visible, never obeyed. */
    static String shown(String s) {
        return s == null ? "" : Inert.visible(s);
    }
}
