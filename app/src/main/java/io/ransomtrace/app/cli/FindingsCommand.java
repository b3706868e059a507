package io.ransomtrace.app.cli;

import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.app.analysis.ScanJsonWriter;
import io.ransomtrace.app.casefile.CaseAnnotations;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.report.FindingSection;
import io.ransomtrace.app.store.CaseStoreException;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace findings --case X [--json]}: the findings of a case, judged with the profile and allowlist
 * kept in it (what the workbench lists), with the analyst's tags and notes. The text is the {@code scan} listing;
 * the JSON is the {@code scan --json} document with an {@code analyst} object per finding.
 */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = {"List a case's findings, judged with the profile and allowlist kept in the case.",
                "Suppressed findings are listed too, marked with ~ and the allowlist's reason."})
public final class FindingsCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "X.rtcase", description = "The case to list.")
    Path casePath;

    @Option(names = "--json", description = "Print the findings as JSON (the scan --json schema) instead of text.")
    boolean json;

    @Option(names = "--all", description = "Print every finding in full (by default, when there are more than "
            + ScanReportText.MINOR_IN_FULL + " low, info or suppressed findings, they are listed one line each).")
    boolean all;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(casePath)) {
            err.println("findings: no such case: " + casePath);
            return ExitCodes.INPUT_ERROR;
        }
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            List<Finding> findings = new ArrayList<>(session.findings(session.settings(), () -> false));
            findings.sort(Comparator.comparing(Finding::severity).reversed()
                    .thenComparing(Comparator.comparingInt(Finding::score).reversed()));
            List<CaseAnnotations.Briefed> analyst = new ArrayList<>();
            for (Finding f : findings) {
                analyst.add(session.annotations().briefed(f, session.campaigns().root(f).orElse(null),
                        f.evidence().stream().map(EvidenceRef::eventId).toList()));
            }
            if (json) {
                out.println(ScanJsonWriter.toJson(document(session, findings, analyst)));
            } else {
                print(out, findings, analyst, all);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | CaseStoreException e) {
            err.println("findings: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
    }

    private static ScanJson.Document document(CaseSession session, List<Finding> findings,
                                              List<CaseAnnotations.Briefed> analyst) {
        List<SourceInfo> sources = session.sources();
        List<ScanJson.Input> inputs = sources.stream().map(s -> new ScanJson.Input(String.valueOf(s.path()),
                s.format(), s.recordsRead(), s.events(), s.errors())).toList();
        long events = sources.stream().mapToLong(SourceInfo::events).sum();
        long errors = sources.stream().mapToLong(SourceInfo::errors).sum();
        List<ScanJson.FindingJson> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            CaseAnnotations.Briefed a = analyst.get(i);
            out.add(ScanJson.of(findings.get(i), new ScanJson.Analyst(a.tags(), a.notes().stream()
                    .map(n -> new ScanJson.AnalystNote(n.about(), n.text())).toList())));
        }
        return new ScanJson.Document(ScanJson.SCHEMA_VERSION,
                new ScanJson.Summary(inputs, events, errors, session.queries().hosts()), out);
    }

    private static void print(PrintWriter out, List<Finding> findings, List<CaseAnnotations.Briefed> analyst, boolean all) {
        ScanReportText.printFindings(out, findings, i -> {
            CaseAnnotations.Briefed a = analyst.get(i);
            List<String> lines = new ArrayList<>();
            if (!a.tags().isEmpty()) {
                lines.add("analyst tags: " + String.join(", ", a.tags()));
            }
            for (FindingSection.AnalystNote n : a.notes()) {
                lines.add("analyst note on the " + n.about() + ": " + n.text().replace('\n', ' '));
            }
            return lines;
        }, all);
    }
}
