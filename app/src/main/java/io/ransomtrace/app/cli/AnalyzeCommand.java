package io.ransomtrace.app.cli;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.analysis.KeptAnalysis;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.CaseStoreException;
import io.ransomtrace.app.store.LastAnalysis;
import io.ransomtrace.app.ui.data.CaseAllowlist;
import io.ransomtrace.app.ui.data.ProfileValues;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.Parameter;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.views.tuning.AllowlistEntry;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace analyze --case X [--profile P.yaml] [--allowlist A.yaml]}: runs detection again over a stored
 * case and keeps the findings in it, with the settings used (what Keep does in the window), so that the window and
 * the exports show them without replaying the case. Without options, the case's own profile and allowlist.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run detection over a stored case and keep the findings in it (the window and the exports then",
                "show them at once). --profile and --allowlist replace the settings kept in the case, as Keep does."})
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
        try {
            given = DetectionSettings.load(profile, allowlist);
        } catch (DetectionSettings.SettingsException e) {
            err.println("analyze: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (CaseStore store = CaseStore.open(casePath)) {
            List<AllowlistEntry> caseAllowlist = null;
            if (allowlist != null) {
                try {
                    caseAllowlist = toCase(given.allowlist().entries());
                } catch (IllegalArgumentException e) {
                    err.println("analyze: allowlist " + allowlist + ": " + e.getMessage());
                    return ExitCodes.USAGE;
                }
            }
            keepSettings(store, given.profile(), caseAllowlist);
            DetectionSettings settings = DetectionSettings.ofCase(store);
            boolean chunks = store.queries().replaysFromChunks();
            Optional<LastAnalysis.Run> run = KeptAnalysis.analyseAndKeep(store, settings, () -> false);
            LastAnalysis.Run r = run.orElseThrow();
            print(out, r, chunks, (System.nanoTime() - start) / 1e9);
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | CaseStoreException e) {
            err.println("analyze: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
    }

    /** Keeps the given settings in the case, as the window's Keep and allowlist editor do. */
    private void keepSettings(CaseStore store, Profile given, List<AllowlistEntry> caseAllowlist) {
        AnalystAnnotations ann = store.annotations();
        if (profile != null) {
            Profile before = DetectionSettings.ofCase(store).profile();
            long id = ann.saveProfile("workbench", ProfileValues.toYaml(given));
            ann.activateProfile(id);
            Map<String, Object> was = values(before);
            for (Map.Entry<String, Object> e : values(given).entrySet()) {
                Object old = was.get(e.getKey());
                if (!Objects.equals(old, e.getValue())) {
                    ann.recordTuning(id, e.getKey(), String.valueOf(old), String.valueOf(e.getValue()),
                            "ransomtrace analyze --profile " + profile.getFileName());
                }
            }
        }
        if (caseAllowlist != null) {
            CaseAllowlist.write(ann, caseAllowlist);
        }
    }

    private static Map<String, Object> values(Profile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter x : p.parameters()) {
            out.put(x.key(), x.current());
        }
        return out;
    }

    /**
     * The case keeps single-condition allowlist entries (the window edits those); an entry of a file with more
     * conditions, or one the case cannot say (the parent program), is refused rather than widened.
     */
    static List<AllowlistEntry> toCase(List<io.ransomtrace.engine.profile.AllowlistEntry> entries) {
        List<AllowlistEntry> out = new ArrayList<>();
        for (io.ransomtrace.engine.profile.AllowlistEntry e : entries) {
            Map<AllowlistEntry.MatchField, String> conditions = new EnumMap<>(AllowlistEntry.MatchField.class);
            put(conditions, AllowlistEntry.MatchField.EXE, e.exe());
            put(conditions, AllowlistEntry.MatchField.COMMAND_LINE, e.commandLine());
            put(conditions, AllowlistEntry.MatchField.USER, e.user());
            put(conditions, AllowlistEntry.MatchField.PATH, e.pathPrefix());
            put(conditions, AllowlistEntry.MatchField.HOST, e.host());
            if (e.parentExe() != null) {
                throw new IllegalArgumentException("entry " + e.id() + " matches the parent program, which a case's "
                        + "allowlist cannot keep; use it with 'scan --allowlist' instead");
            }
            if (conditions.size() != 1) {
                throw new IllegalArgumentException("entry " + e.id() + " has " + conditions.size() + " conditions; a "
                        + "case keeps entries of one condition each (as the window edits them)");
            }
            var only = conditions.entrySet().iterator().next();
            if (e.expires() != null && !e.expires().atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("entry " + e.id() + " expires during a day; a case keeps the last "
                        + "day an entry applies");
            }
            boolean cap = e.effect() == AllowlistEffect.CAP_SEVERITY;
            out.add(new AllowlistEntry(only.getKey(), only.getValue(),
                    cap ? AllowlistEntry.Effect.CAP : AllowlistEntry.Effect.SUPPRESS,
                    cap && e.cap() != null ? io.ransomtrace.views.findings.Severity.parse(e.cap().label()) : null,
                    e.reason(), e.author(),
                    e.expires() == null ? null : e.expires().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)));
        }
        return out;
    }

    private static void put(Map<AllowlistEntry.MatchField, String> m, AllowlistEntry.MatchField f, String v) {
        if (v != null) {
            m.put(f, v);
        }
    }

    private static void print(PrintWriter out, LastAnalysis.Run r, boolean chunks, double seconds) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        int suppressed = 0;
        for (Finding f : r.findings()) {
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
        out.printf(Locale.ROOT, "Analysed %,d events: %d findings%s%s. Kept in the case.%n", r.events(),
                r.findings().size(), counts.isEmpty() ? "" : " (" + counts + ")",
                suppressed == 0 ? "" : ", " + suppressed + " suppressed by the allowlist");
        for (Finding f : r.findings()) {
            if (!f.suppressed() && f.severity().atLeast(Severity.HIGH)) {
                out.printf(Locale.ROOT, "  %-8s %s%n", f.severity().label().toUpperCase(Locale.ROOT), f.title());
            }
        }
        out.printf(Locale.ROOT, "Detection %.2f s (%s), %.2f s in all.%n", r.millis() / 1000.0,
                chunks ? "from the replay table" : "the case was packed for re-runs first", seconds);
    }
}
