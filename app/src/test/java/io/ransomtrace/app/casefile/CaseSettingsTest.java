package io.ransomtrace.app.casefile;

import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistRule.MatchField;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a case keeps of the analyst's settings, and how the detector gets them. */
class CaseSettingsTest {

    @Test
    void findingAnnotationIdsAreStablePositiveAndDistinct() {
        long a = FindingIds.annotationId("fs01/18994/2026-11-28T14:41:32.001Z");
        assertThat(a).isEqualTo(FindingIds.annotationId("fs01/18994/2026-11-28T14:41:32.001Z")).isNotNegative();
        assertThat(FindingIds.annotationId("fs01/18995/2026-11-28T14:41:32.001Z")).isNotEqualTo(a);
    }

    @Test
    void allowlistRowsSurviveTheCaseWithAuthorExpiryAndCap(@TempDir Path dir) throws Exception {
        List<AllowlistRule> entries = List.of(
                new AllowlistRule(MatchField.EXE, "/usr/bin/restic", AllowlistEffect.SUPPRESS, null, "nightly backup",
                        "alice", LocalDate.of(2026, 12, 31)),
                new AllowlistRule(MatchField.PATH, "/srv/build", AllowlistEffect.CAP_SEVERITY, Severity.LOW, "CI workspace", "bob",
                        null));
        try (CaseSession session = CaseSession.create(dir.resolve("c.rtcase"))) {
            session.keepAllowlist(entries);
            assertThat(session.settings().allowlist()).containsExactlyInAnyOrderElementsOf(entries);
            // Saving again replaces, never duplicates.
            session.keepAllowlist(entries.subList(0, 1));
            assertThat(session.settings().allowlist()).containsExactly(entries.get(0));
            // A row written by another tool (plain-text reason) is kept as a suppress entry.
            AnalystAnnotations raw = session.store().annotations();
            raw.allow("host", "lab-*", "test machines");
            assertThat(session.settings().allowlist()).contains(new AllowlistRule(MatchField.HOST,
                    "lab-*", AllowlistEffect.SUPPRESS, null, "test machines", null, null));
            // ... and so is a stored JSON reason naming a severity nobody knows: capped at info, not dropped.
            raw.allow("USER", "svc-backup", "{\"reason\":\"backups\",\"effect\":\"CAP\",\"cap\":\"severe\"}");
            assertThat(session.settings().allowlist()).contains(new AllowlistRule(MatchField.USER, "svc-backup",
                    AllowlistEffect.CAP_SEVERITY, Severity.INFO, "backups", null, null));
        }
    }

    @Test
    void editorEntriesBecomeEngineEntriesWithExclusiveExpiry() {
        var engine = CaseAllowlist.toEngine(List.of(
                new AllowlistRule(MatchField.COMMAND_LINE, "tar czf *", AllowlistEffect.CAP_SEVERITY, Severity.MEDIUM, "archives",
                        "carol", LocalDate.of(2026, 12, 31)))).entries();
        assertThat(engine).singleElement().satisfies(e -> {
            assertThat(e.commandLine()).isEqualTo("tar czf *");
            assertThat(e.exe()).isNull();
            assertThat(e.effect()).isEqualTo(AllowlistEffect.CAP_SEVERITY);
            assertThat(e.cap()).isEqualTo(io.ransomtrace.engine.finding.Severity.MEDIUM);
            assertThat(e.expires()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(e.reason()).isEqualTo("archives");
            assertThat(e.author()).isEqualTo("carol");
        });
    }

    @Test
    void keptTuningBecomesTheCaseProfileWithItsHistory(@TempDir Path dir) throws Exception {
        Profile before = Profile.defaults();
        Profile tuned = before.with("signals.ransomNote.minDirectories", 16L);
        try (CaseSession session = CaseSession.create(dir.resolve("c.rtcase"))) {
            assertThat(session.settings()).isEqualTo(CaseSettings.defaults());
            session.keepProfile(tuned, before, "kept in the workbench");
            assertThat(session.settings().profile()).isEqualTo(tuned);
            AnalystAnnotations raw = session.store().annotations();
            long id = raw.activeProfile().orElseThrow().id();
            assertThat(raw.tuningHistory(id)).singleElement().satisfies(t -> {
                assertThat(t.parameter()).isEqualTo("signals.ransomNote.minDirectories");
                assertThat(t.newValue()).isEqualTo("16");
                assertThat(t.note()).isEqualTo("kept in the workbench");
            });
            // A loaded profile replaces it, under the same name.
            session.useProfile(before);
            assertThat(session.settings().profile()).isEqualTo(before);
            assertThat(raw.profiles()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo(CaseSession.PROFILE_NAME));
        }
    }
}
