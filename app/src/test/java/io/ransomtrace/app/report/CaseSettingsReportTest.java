package io.ransomtrace.app.report;

import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.app.analysis.ScanJsonWriter;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.testing.Exports;
import io.ransomtrace.app.testing.SampleCases;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports judge the case as the workbench does: with the allowlist (and profile) the analyst kept in it. */
class CaseSettingsReportTest {

    @TempDir
    Path dir;

    @Test
    void anAllowlistEntryKeptInTheCaseSuppressesTheFindingInTheExport() throws IOException {
        Path caseFile = SampleCases.importCase(dir, "attack-openssl-find");
        Path before = dir.resolve("before.json");
        Exports.export(caseFile, new ReportRequest(ReportFormat.JSON, before, List.of(),
                io.ransomtrace.engine.finding.Severity.INFO, null), ReportProgress.NONE, () -> false);
        ScanJson.FindingJson attack = ScanJsonWriter.read(before).findings().stream()
                .filter(f -> f.severity().equals("critical")).findFirst().orElseThrow();
        assertThat(attack.suppressed()).isFalse();

        try (CaseSession session = CaseSession.open(caseFile)) {
            session.keepAllowlist(List.of(new AllowlistRule(AllowlistRule.MatchField.HOST,
                    "fs01.corp.example", AllowlistEffect.SUPPRESS, Severity.INFO, "restore drill on a lab host",
                    "analyst", null)));
        }
        Path after = dir.resolve("after.json");
        Exports.export(caseFile, new ReportRequest(ReportFormat.JSON, after, List.of(attack.id()),
                io.ransomtrace.engine.finding.Severity.INFO, null), ReportProgress.NONE, () -> false);
        ScanJson.FindingJson suppressed = ScanJsonWriter.read(after).findings().stream()
                .filter(f -> f.id().equals(attack.id())).findFirst().orElseThrow();
        assertThat(suppressed.suppressed()).isTrue();
        assertThat(suppressed.suppressedBy()).contains("restore drill on a lab host");
    }
}
