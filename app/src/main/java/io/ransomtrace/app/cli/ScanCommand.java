package io.ransomtrace.app.cli;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.analysis.LogScan;
import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.app.analysis.ScanJsonWriter;
import io.ransomtrace.app.files.OutputFile;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.csv.CsvMapping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace scan}: the headless detector for automation and CI. Reads logs, prints a readable
 * summary, writes the findings as JSON (schema in README) and sets the exit code from {@code --fail-on}.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the detector over log files or folders and report findings.",
                "Inputs are auto-detected (auditd raw/enriched/ausearch, laurel, ECS, Sysmon for Linux, osquery, CSV);",
                "folders and rotated sets (audit.log, audit.log.1, .gz) are read oldest first."})
public final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "log files or folders")
    List<Path> inputs;

    @Option(names = "--profile", paramLabel = "P.yaml", description = "detection profile (default: the shipped one)")
    Path profile;

    @Option(names = "--allowlist", paramLabel = "A.yaml", description = "allowlist of known-legitimate activity")
    Path allowlist;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write findings as JSON (schemaVersion 1)")
    Path json;

    @Option(names = "--force", description = "replace OUT.json when it exists")
    boolean force;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "exit 1 when a finding (not suppressed) is at or above: info, low, medium, high, critical")
    String failOn;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "read every input as this format instead of sniffing: ${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--csv-mapping", paramLabel = "FILE.yaml",
            description = "read CSV inputs through this column mapping (YAML, as the window's mapping editor saves)"
                    + " instead of the built-in that fits their header")
    Path csvMapping;

    @Option(names = "--all", description = "print every finding in full (by default, when there are more than "
            + ScanReportText.MINOR_IN_FULL + " low, info or suppressed findings, they are listed one line each)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "print only findings, no per-input lines or alerts")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity failLevel = null;
        if (failOn != null) {
            failLevel = Severity.parse(failOn);
            if (failLevel == null) {
                err.println("scan: --fail-on must be one of info, low, medium, high, critical (got '" + failOn + "')");
                return ExitCodes.USAGE;
            }
        }
        CsvMapping mapping;
        try {
            mapping = CsvMappingOption.load(csvMapping);
        } catch (CsvMappingOption.Unusable e) {
            err.println("scan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DetectionSettings settings;
        try {
            settings = DetectionSettings.load(profile, allowlist);
        } catch (DetectionSettings.SettingsException e) {
            err.println("scan: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        OutputFile jsonOut = null;
        if (json != null) {
            try {
                jsonOut = OutputFile.check(json, force, inputs);
            } catch (OutputFile.RefusedException e) {
                err.println("scan: " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            } catch (IOException e) {
                err.println("scan: cannot write " + json + ": " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
        }
        long start = System.nanoTime();
        LogScan.Result result;
        try {
            result = new LogScan(settings, format, mapping, quiet ? null : f -> {
                out.printf(Locale.ROOT, "ALERT %-8s %s on %s at %s%n", f.severity().label(),
                        ScanReportText.shown(f.title()), ScanReportText.shown(f.host()), f.firstAlert());
                out.flush();
            }).run(inputs);
        } catch (NoSuchFileException e) {
            err.println("scan: no such file or directory: " + ScanReportText.shown(e.getFile()));
            return ExitCodes.INPUT_ERROR;
        } catch (IOException e) {
            err.println("scan: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.INPUT_ERROR;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ScanJson.Document doc = ScanReportText.document(result);
        if (!quiet) {
            ScanReportText.printInputs(out, result, took);
        }
        ScanReportText.printFindings(out, result.findings(), all);
        if (jsonOut != null) {
            try {
                jsonOut.write(os -> ScanJsonWriter.write(doc, os));
            } catch (IOException e) {
                err.println("scan: cannot write " + json + ": " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
        }
        boolean nothingRead = result.inputs().stream().allMatch(i -> i.problem() != null);
        if (nothingRead) {
            err.println("scan: no input could be read");
            return ExitCodes.INPUT_ERROR;
        }
        if (failLevel != null) {
            List<Finding> over = new ArrayList<>();
            for (Finding f : result.findings()) {
                if (!f.suppressed() && f.severity().atLeast(failLevel)) {
                    over.add(f);
                }
            }
            if (!over.isEmpty()) {
                return ExitCodes.FINDINGS;
            }
        }
        return ExitCodes.OK;
    }
}
