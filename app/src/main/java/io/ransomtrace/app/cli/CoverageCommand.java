package io.ransomtrace.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.SourceStatus;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.engine.coverage.CoverageCheck;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.coverage.RuleNeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace coverage --case X}: could each host's telemetry have shown mass encryption? A checklist
 * per host, the review of an imported audit rule set and the lines that would close its gaps.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Check, per host, whether a case's telemetry could show mass encryption.",
                "Also reviews an imported audit rule set and prints the rules that would close its gaps (import the "
                        + "host's 'auditctl -l' output or audit.rules into the case first)."})
public final class CoverageCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "X.rtcase", description = "the case to assess")
    Path casePath;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(casePath)) {
            err.println("coverage: no such case: " + casePath);
            return ExitCodes.INPUT_ERROR;
        }
        List<HostCoverage> hosts;
        List<SourceInfo> incomplete;
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            incomplete = session.sources().stream().filter(s -> s.status() != SourceStatus.COMPLETE).toList();
            // What the telemetry shows does not depend on the detection settings: the shipped ones do.
            hosts = session.analyse(CaseSettings.defaults(), TaskProgress.NONE).coverage();
        } catch (IOException e) {
            err.println("coverage: " + Inert.visible(String.valueOf(e.getMessage())));
            return ExitCodes.INPUT_ERROR;
        }
        // an assessment of what an interrupted import left is partial: say so, and never "no events" as a verdict
        for (SourceInfo s : incomplete) {
            err.println(Inert.visible(String.format(Locale.ROOT, "coverage: source #%d %s was not imported to its end "
                    + "(%s: %s); the assessment covers only the %,d events stored from it", s.id(), s.path(),
                    s.status().name().toLowerCase(Locale.ROOT), s.statusNote() == null ? "no reason recorded"
                            : s.statusNote(), s.events())));
        }
        if (hosts.isEmpty() && !incomplete.isEmpty()) {
            err.println("coverage: the case holds no events because its imports did not finish; import the files "
                    + "again to assess them");
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
        if (json) {
            try {
                out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(hosts));
            } catch (IOException e) {
                err.println("coverage: " + Inert.visible(String.valueOf(e.getMessage())));
                return ExitCodes.INPUT_ERROR;
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (hosts.isEmpty()) {
            out.println("The case holds no events: nothing to assess.");
        }
        for (HostCoverage h : hosts) {
            print(out, h);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, HostCoverage h) {
        out.printf(Locale.ROOT, "%s — overall %s (%,d events)%n", Inert.plain(h.host()), h.overall(), h.events());
        for (CoverageCheck c : h.checks()) {
            out.printf(Locale.ROOT, "  [%-5s] %-38s %s%n", c.status(), c.title(), Inert.visible(c.measured()));
            if (c.status() != io.ransomtrace.engine.coverage.CoverageStatus.GREEN) {
                out.printf(Locale.ROOT, "          %s%n", Inert.visible(c.explanation()));
            }
        }
        if (h.rules() == null) {
            out.println("  Audit rules: none imported (import 'auditctl -l' output or audit.rules to review them)");
        } else {
            out.printf(Locale.ROOT, "  Audit rules: %d rules, overall %s%n", h.rules().rules(), h.rules().status());
            for (RuleNeed n : h.rules().needs()) {
                out.printf(Locale.ROOT, "  [%-5s] %-38s %s%n", n.status(), n.title(), Inert.visible(n.explanation()));
            }
            if (!h.rules().addLines().isEmpty()) {
                out.println("  Add these lines (from docs/audit/an0603.rules):");
                h.rules().addLines().forEach(l -> out.println("    " + Inert.visible(l)));
            }
        }
        out.println();
    }
}
