package io.ransomtrace.app.cli;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.analysis.Evaluation;
import io.ransomtrace.engine.finding.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace evaluate DIR}: detection quality on recorded cases with ground truth. Prints a Markdown
 * table (it goes into the README as is) and exits 1 on any miss or false positive.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score detection on recorded cases: each case folder under DIR against its truth.yaml.",
                "Exit code 1 when an attack is missed or a benign activity is flagged at medium or above."})
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "folder of case folders, e.g. sample-cases/cases")
    Path dir;

    @Option(names = "--profile", paramLabel = "P.yaml", description = "detection profile (default: the shipped one)")
    Path profile;

    @Option(names = "--allowlist", paramLabel = "A.yaml", description = "allowlist")
    Path allowlist;

    @Option(names = "--split", description = {"Score the held-out cases (truth.yaml 'split: held-out': recorded after the "
            + "detector change, never used to tune it) separately from the cases it was tuned on: one table and one "
            + "summary line each, then the total."})
    boolean split;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!java.nio.file.Files.exists(dir)) {
            err.println("evaluate: " + dir + " does not exist; give a folder of case folders, e.g. sample-cases/cases");
            return ExitCodes.INPUT_ERROR;
        }
        if (!java.nio.file.Files.isDirectory(dir)) {
            err.println("evaluate: " + dir + " is not a folder; give a folder of case folders, e.g. sample-cases/cases");
            return ExitCodes.INPUT_ERROR;
        }
        Evaluation.Report report;
        try {
            report = new Evaluation(DetectionSettings.load(profile, allowlist)).run(dir);
        } catch (DetectionSettings.SettingsException e) {
            err.println("evaluate: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        } catch (IOException e) {
            err.println("evaluate: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        if (split) {
            out.println("### Tuned on (cases the detector was developed against)");
            out.println();
            print(out, report.split(false));
            out.println();
            out.println("### Held out (recorded after the detector change, never used to tune it)");
            out.println();
            print(out, report.split(true));
            out.println();
            summary(out, "All cases", report);
        } else {
            print(out, report);
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    static void print(PrintWriter out, Evaluation.Report report) {
        out.println("| case | expected | found | root | login user | files found / truth | overwrite | files before first high alert | false positives |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (Evaluation.CaseResult c : report.cases()) {
            String name = c.truth() == null ? c.dir().getFileName().toString() : c.truth().caseName();
            if (c.problem() != null) {
                out.printf("| %s | ? | **error: %s** | | | | | | |%n", name, c.problem());
                continue;
            }
            String fps = c.falsePositives().isEmpty() ? "0" : "**" + c.falsePositives().size() + "**: "
                    + String.join("; ", c.falsePositives().stream().map(f -> f.severity().label() + " " + f.title()).toList());
            if (c.expected().isEmpty()) {
                out.printf("| %s | none | %s | | | | | | %s |%n", name, worst(c), fps);
                continue;
            }
            for (Evaluation.ExpectedResult e : c.expected()) {
                Finding f = e.finding();
                String found = f == null ? "**missed**" : (e.detected() ? "" : "**") + f.severity().label() + (e.detected() ? "" : "**");
                out.printf(Locale.ROOT, "| %s | attack | %s | %s | %s | %s | %s | %s | %s |%n", name, found,
                        mark(e.rootOk()), mark(e.loginOk()),
                        f == null ? "–" : (e.expected().filesVisibleInLog() ? mark(e.filesOk()) + " " + f.filesAffected() + " / " + e.expected().filesAffected()
                                : f.filesAffected() + " / " + e.expected().filesAffected() + " (not in log)"),
                        f == null ? "–" : mark(e.overwriteOk()) + " " + f.overwrite().label(),
                        f == null || f.filesBeforeFirstHighAlert() == null ? "–" : f.filesBeforeFirstHighAlert(),
                        fps);
            }
        }
        out.println();
        summary(out, "", report);
    }

    private static void summary(PrintWriter out, String label, Evaluation.Report report) {
        Double median = report.medianFilesLost();
        long benign = report.cases().stream().filter(c -> c.truth() != null && c.truth().benign()).count();
        out.printf(Locale.ROOT, "%sRecall %d/%d (%.0f %%), false positives %d (%d benign cases), median files affected before the first high alert %s.%n",
                label.isEmpty() ? "" : label + ": ", report.foundCampaigns(), report.expectedCampaigns(), report.recall() * 100,
                report.falsePositives(), benign, median == null ? "–" : String.format(Locale.ROOT, "%.1f", median));
        out.flush();
    }

    private static String worst(Evaluation.CaseResult c) {
        return c.findings().stream().filter(f -> !f.suppressed()).map(Finding::severity).max(Enum::compareTo)
                .map(s -> "max " + s.label()).orElse("nothing");
    }

    private static String mark(boolean ok) {
        return ok ? "yes" : "**no**";
    }
}
