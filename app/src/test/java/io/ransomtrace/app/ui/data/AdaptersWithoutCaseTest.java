package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistRule.MatchField;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.views.tuning.ThresholdSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptersWithoutCaseTest {

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
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            CaseAllowlist.write(store.annotations(), entries);
            assertThat(CaseAllowlist.read(store.annotations())).containsExactlyInAnyOrderElementsOf(entries);
            // Saving again replaces, never duplicates.
            CaseAllowlist.write(store.annotations(), entries.subList(0, 1));
            assertThat(CaseAllowlist.read(store.annotations())).containsExactly(entries.get(0));
            // A row written by another tool (plain-text reason) is kept as a suppress entry.
            store.annotations().allow("host", "lab-*", "test machines");
            assertThat(CaseAllowlist.read(store.annotations())).contains(new AllowlistRule(MatchField.HOST,
                    "lab-*", AllowlistEffect.SUPPRESS, null, "test machines", null, null));
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
    void tunedValuesRoundTripThroughTheStoredYaml() {
        Profile base = Profile.defaults();
        Map<String, Double> values = new java.util.LinkedHashMap<>(ProfileValues.values(base));
        values.put("signals.ransomNote.minDirectories", 16.0);
        values.put("signals.contentHint.entropyBitsPerByte", 7.5);
        Profile tuned = ProfileValues.apply(base, values);
        String yaml = ProfileValues.toYaml(tuned);
        assertThat(yaml).contains("signals.ransomNote.minDirectories: 16").contains("entropyBitsPerByte: 7.5")
                .doesNotContain("signals.massModification.threshold");
        assertThat(ProfileValues.fromYaml(yaml)).isEqualTo(tuned);
        assertThat(ProfileValues.fromYaml(ProfileValues.toYaml(base))).isEqualTo(base);
    }

    @Test
    void thresholdSpecsListSignalsFirstWithTheirDefaults() {
        List<ThresholdSpec> specs = ProfileValues.specs(Profile.defaults());
        assertThat(specs.get(0).key()).startsWith("signals.");
        assertThat(specs).allSatisfy(s -> assertThat(s.isDefault()).as(s.key()).isTrue());
        ThresholdSpec notes = specs.stream().filter(s -> s.key().equals("signals.ransomNote.minDirectories"))
                .findFirst().orElseThrow();
        assertThat(notes.label()).isEqualTo("Ransom note min directories");
        assertThat(notes.integral()).isTrue();
        assertThat(notes.max()).isGreaterThan(notes.defaultValue());
    }

    @Test
    void rawLinesGiveTheWholeAuditEventAtItsOffset(@TempDir Path dir) throws Exception {
        String first = "type=SYSCALL msg=audit(1795876851.261:100): syscall=2 exe=\"/usr/bin/cp\"\n"
                + "type=PATH msg=audit(1795876851.261:100): item=0 name=\"/srv/a\"\n";
        String second = "type=SYSCALL msg=audit(1795876851.300:101): syscall=82 exe=\"/tmp/enc\"\n"
                + "type=CWD msg=audit(1795876851.300:101): cwd=\"/srv\"\n"
                + "type=PATH msg=audit(1795876851.300:101): item=0 name=\"/srv/a.locked\"\n";
        String third = "type=SYSCALL msg=audit(1795876851.400:102): syscall=87\n";
        Path log = Files.writeString(dir.resolve("audit.log"), first + second + third, StandardCharsets.UTF_8);
        List<String> lines = RawLines.read(log, first.getBytes(StandardCharsets.UTF_8).length);
        assertThat(lines).hasSize(3).allMatch(l -> l.contains("audit(1795876851.300:101)"));
        assertThat(RawLines.read(log, 10_000)).singleElement().asString().contains("beyond the end");
        assertThat(RawLines.read(dir.resolve("gone.log"), 0)).singleElement().asString().contains("no longer there");
        Path gz = Files.write(dir.resolve("audit.log.1.gz"), new byte[]{31, -117});
        assertThat(RawLines.read(gz, 0)).singleElement().asString().contains("compressed");
    }
}
