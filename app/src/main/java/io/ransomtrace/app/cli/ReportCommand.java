package io.ransomtrace.app.cli;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.report.ReportCancelledException;
import io.ransomtrace.app.report.ReportFormat;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.report.ReportService;
import io.ransomtrace.app.store.CaseStoreException;
import io.ransomtrace.engine.finding.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ransomtrace report --case X --format pdf --out FILE}: the executive briefing and the data exports. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Export a case as a briefing (PDF, HTML) or as data (JSON, CSV, restore list, ECS, Navigator).",
                "Formats: pdf and html (the executive briefing), json (findings in the scan --json schema), csv "
                        + "(findings), restore (every affected original, CSV), ecs (evidence events as NDJSON with ECS "
                        + "field names) and navigator (an ATT&CK Navigator layer). Runs without a display."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "X.rtcase", description = "the case to export")
    Path casePath;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "pdf, html, json, csv, restore, ecs or navigator")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "where to write it (never the case, a log of it, a device or a link)")
    Path out;

    @Option(names = "--force", description = "replace FILE when it exists")
    boolean force;

    @Option(names = "--finding", paramLabel = "ID", description = "a finding to include (repeatable; default: all at or above --min-severity)")
    List<String> findings = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "medium",
            description = "include unsuppressed findings at or above this severity when no --finding is given (default: ${DEFAULT-VALUE})")
    String minSeverity;

    @Option(names = "--title", paramLabel = "TEXT", description = "the briefing's title")
    String title;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        ReportFormat f;
        try {
            f = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("report: unknown format '" + format + "'; use pdf, html, json, csv, restore, ecs or navigator");
            return ExitCodes.USAGE;
        }
        Severity floor = Severity.parse(minSeverity);
        if (floor == null) {
            err.println("report: unknown severity '" + minSeverity + "'; use info, low, medium, high or critical");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(casePath)) {
            err.println("report: no such case: " + casePath);
            return ExitCodes.INPUT_ERROR;
        }
        System.setProperty("java.awt.headless", "true");
        ReportRequest request = new ReportRequest(f, out, findings, floor, title);
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            ReportService.Result r = session.export(request, force, new ReportProgressLines(err), () -> false);
            outw.printf(Locale.ROOT, "Wrote %s (%s, %d finding%s, %,d bytes)%n", r.file(), f.description(), r.findings(),
                    r.findings() == 1 ? "" : "s", r.bytes());
            if (r.note() != null) {
                outw.println(r.note());
            }
            outw.flush();
            return ExitCodes.OK;
        } catch (IOException | CaseStoreException e) {
            err.println("report: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.INPUT_ERROR;
        } catch (ReportCancelledException e) {
            err.println("report: cancelled");
            return ExitCodes.INPUT_ERROR;
        }
    }
}
