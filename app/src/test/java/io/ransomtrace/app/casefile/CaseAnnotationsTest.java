package io.ransomtrace.app.casefile;

import io.ransomtrace.app.report.CaseReport;
import io.ransomtrace.app.report.ReportFormat;
import io.ransomtrace.app.report.ReportProgress;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.store.AnalystAnnotations.TargetKind;
import io.ransomtrace.app.testing.SampleCases;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags and notes have one home: what the analyst writes in the window (under the finding's stable id) and what
 * another tool saved with the finding are read together by the window and by the exports.
 */
class CaseAnnotationsTest {

    @TempDir
    static Path dir;
    static Path recorded;

    @BeforeAll
    static void importCase() throws Exception {
        recorded = SampleCases.importCase(dir, "attack-openssl-find");
    }

    private static Finding attack(CaseSession session) {
        return session.analyse(session.settings(), TaskProgress.NONE).findings().stream()
                .filter(f -> f.severity().atLeast(Severity.HIGH)).findFirst().orElseThrow();
    }

    @Test
    void whatTheWindowSavesIsWhatTheBriefingShows(@TempDir Path tmp) throws Exception {
        Path caseFile = Files.copy(recorded, tmp.resolve("c.rtcase"));
        try (CaseSession session = CaseSession.open(caseFile)) {
            Finding f = attack(session);
            session.annotations().saveFinding(f, List.of("patient-zero", "ransomware"), "Started from carol's sudo.");
            assertThat(session.annotations().ofFinding(f))
                    .isEqualTo(new CaseAnnotations.OfFinding(List.of("patient-zero", "ransomware"),
                            List.of("Started from carol's sudo.")));

            CaseReport report = session.report(new ReportRequest(ReportFormat.JSON, tmp.resolve("x.json"),
                    List.of(f.id()), Severity.INFO, null), ReportProgress.NONE, () -> false);
            assertThat(report.sections()).singleElement().satisfies(s -> {
                assertThat(s.tags()).contains("patient-zero", "ransomware");
                assertThat(s.notes()).anySatisfy(n -> assertThat(n.text()).isEqualTo("Started from carol's sudo."));
            });
        }
    }

    @Test
    void aFindingSavedByAnotherToolIsEditedTogetherWithTheWindowsOwn(@TempDir Path tmp) throws Exception {
        Path caseFile = Files.copy(recorded, tmp.resolve("c.rtcase"));
        try (CaseSession session = CaseSession.open(caseFile)) {
            Finding f = attack(session);
            AnalystAnnotations raw = session.store().annotations();
            long saved = raw.saveFinding(new AnalystAnnotations.Finding(0, "an0603", "openssl campaign", "critical",
                    100.0, f.host(), null, f.firstSeen(), null, null, "{\"findingId\":\"" + f.id() + "\"}", null,
                    Instant.now()), List.of());
            Target other = new Target(TargetKind.FINDING, saved);
            raw.addTag(other, "confirmed-malicious");
            raw.addNote(other, "ticket IR-2231");

            // The window shows both ...
            assertThat(session.annotations().ofFinding(f).tags()).containsExactly("confirmed-malicious");
            assertThat(session.annotations().ofFinding(f).notesText()).isEqualTo("ticket IR-2231");

            // ... and what the analyst then saves is what stays: the removed tag goes, the edited note replaces.
            session.annotations().saveFinding(f, List.of("patient-zero"), "ticket IR-2231, escalated");
            assertThat(session.annotations().ofFinding(f)).isEqualTo(new CaseAnnotations.OfFinding(
                    List.of("patient-zero"), List.of("ticket IR-2231, escalated")));
            assertThat(raw.tags(other)).isEmpty();
            assertThat(raw.tags(new Target(TargetKind.FINDING, FindingIds.annotationId(f.id()))))
                    .containsExactly("patient-zero");
        }
    }
}
