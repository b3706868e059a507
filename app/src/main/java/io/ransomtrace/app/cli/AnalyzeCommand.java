package io.ransomtrace.app.cli;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.store.CaseStoreException;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistEntry;
import io.ransomtrace.engine.profile.AllowlistRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace analyze --case X [--profile P.yaml] [--allowlist A.yaml]}: runs detection again over a stored
 * case and keeps the findings in it, with the settings used (what Keep does in the window), so that the window and
 * the exports show them without replaying the case. Without options, the case's own profile and allowlist.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run detection over a stored case and keep the findings in it.",
                "The window and the exports then show them at once. --profile and --allowlist replace the settings "
                        + "kept in the case, as Keep does."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "X.rtcase", description = "the case to analyse")
    Path casePath;

    @Option(names = "--profile", paramLabel = "P.yaml", description = "detection profile to keep in the case and use")
    Path profile;

    @Option(names = "--allowlist", paramLabel = "A.yaml", description = "allowlist to keep in the case and use")
    Path allowlist;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(casePath)) {
            err.println("analyze: no such case: " + casePath);
            return ExitCodes.INPUT_ERROR;
        }
        DetectionSettings given;
        List<AllowlistRule> rules = null;
        try {
            given = DetectionSettings.load(profile, allowlist);
            if (allowlist != null) {
                rules = rules(given.allowlist().entries());
            }
        } catch (DetectionSettings.SettingsException e) {
            err.println("analyze: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("analyze: allowlist " + allowlist + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (CaseSession session = CaseSession.open(casePath)) {
            if (profile != null) {
                session.keepProfile(given.profile(), session.settings().profile(),
                        "ransomtrace analyze --profile " + profile.getFileName());
            }
            if (rules != null) {
                session.keepAllowlist(rules);
            }
            boolean fromChunks = session.queries().replaysFromChunks();
            long detection = System.nanoTime();
            CaseSession.Analysis a = session.analyse(session.settings(), TaskProgress.NONE);
            print(out, a, fromChunks, (System.nanoTime() - detection) / 1e9, (System.nanoTime() - start) / 1e9);
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | CaseStoreException e) {
            err.println("analyze: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        } catch (OutOfMemoryError e) {
            // every finding is held to be kept: a case with very many needs more than the default heap
            err.println("analyze: not enough memory for the findings of this case (Java heap " + Runtime.getRuntime()
                    .maxMemory() / (1 << 20) + " MB); run it again with more, e.g. RANSOMTRACE_JAVA_OPTS=-Xmx2g");
            return ExitCodes.INPUT_ERROR;
        }
    }

    /**
     * A case keeps allowlist rules of one field each (as the window edits them); an entry of a file with more
     * conditions, or one a rule cannot say (the parent program, an expiry during a day), is refused rather than
     * changed.
     */
    static List<AllowlistRule> rules(List<AllowlistEntry> entries) {
        List<AllowlistRule> out = new ArrayList<>();
        for (AllowlistEntry e : entries) {
            Map<AllowlistRule.MatchField, String> conditions = new EnumMap<>(AllowlistRule.MatchField.class);
            put(conditions, AllowlistRule.MatchField.EXE, e.exe());
            put(conditions, AllowlistRule.MatchField.COMMAND_LINE, e.commandLine());
            put(conditions, AllowlistRule.MatchField.USER, e.user());
            put(conditions, AllowlistRule.MatchField.PATH, e.pathPrefix());
            put(conditions, AllowlistRule.MatchField.HOST, e.host());
            if (e.parentExe() != null) {
                throw new IllegalArgumentException("entry " + e.id() + " matches the parent program, which a case's "
                        + "allowlist cannot keep; use it with 'scan --allowlist' instead");
            }
            if (conditions.size() != 1) {
                throw new IllegalArgumentException("entry " + e.id() + " has " + conditions.size() + " conditions; a "
                        + "case keeps rules of one condition each (as the window edits them)");
            }
            if (e.expires() != null && !e.expires().atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("entry " + e.id() + " expires during a day; a case keeps the last "
                        + "day a rule applies");
            }
            var only = conditions.entrySet().iterator().next();
            out.add(new AllowlistRule(only.getKey(), only.getValue(), e.effect(), e.cap(), e.reason(), e.author(),
                    e.expires() == null ? null : e.expires().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)));
        }
        return out;
    }

    private static void put(Map<AllowlistRule.MatchField, String> m, AllowlistRule.MatchField f, String v) {
        if (v != null) {
            m.put(f, v);
        }
    }

    private static void print(PrintWriter out, CaseSession.Analysis a, boolean fromChunks, double detection,
                              double all) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        int suppressed = 0;
        for (Finding f : a.findings()) {
            if (f.suppressed()) {
                suppressed++;
            } else {
                bySeverity.merge(f.severity(), 1, Integer::sum);
            }
        }
        StringBuilder counts = new StringBuilder();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            if (bySeverity.containsKey(s)) {
                counts.append(counts.isEmpty() ? "" : ", ").append(bySeverity.get(s)).append(' ').append(s.label());
            }
        }
        out.printf(Locale.ROOT, "Analysed %,d events: %d findings%s%s. Kept in the case.%n", a.events(),
                a.findings().size(), counts.isEmpty() ? "" : " (" + counts + ")",
                suppressed == 0 ? "" : ", " + suppressed + " suppressed by the allowlist");
        for (Finding f : a.findings()) {
            if (!f.suppressed() && f.severity().atLeast(Severity.HIGH)) {
                out.printf(Locale.ROOT, "  %-8s %s%n", f.severity().label().toUpperCase(Locale.ROOT), f.title());
            }
        }
        out.printf(Locale.ROOT, "Detection %.2f s (%s), %.2f s in all.%n", detection,
                fromChunks ? "from the replay table" : "the case was packed for re-runs first", all);
    }
}
