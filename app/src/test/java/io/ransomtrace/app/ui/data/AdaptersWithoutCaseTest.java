package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.casefile.ProfileYaml;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.views.tuning.ThresholdSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptersWithoutCaseTest {

    @Test
    void tunedValuesRoundTripThroughTheStoredYaml() {
        Profile base = Profile.defaults();
        Map<String, Double> values = new java.util.LinkedHashMap<>(ProfileValues.values(base));
        values.put("signals.ransomNote.minDirectories", 16.0);
        values.put("signals.contentHint.entropyBitsPerByte", 7.5);
        Profile tuned = ProfileValues.apply(base, values);
        String yaml = ProfileYaml.write(tuned);
        assertThat(yaml).contains("signals.ransomNote.minDirectories: 16").contains("entropyBitsPerByte: 7.5")
                .doesNotContain("signals.massModification.threshold");
        assertThat(ProfileYaml.read(yaml)).isEqualTo(tuned);
        assertThat(ProfileYaml.read(ProfileYaml.write(base))).isEqualTo(base);
    }

    @Test
    void thresholdSpecsListSignalsFirstWithTheirDefaults() {
        List<ThresholdSpec> specs = ProfileValues.specs(Profile.defaults());
        assertThat(specs.get(0).key()).startsWith("signals.");
        assertThat(specs).allSatisfy(s -> assertThat(s.isDefault()).as(s.key()).isTrue());
        ThresholdSpec notes = specs.stream().filter(s -> s.key().equals("signals.ransomNote.minDirectories"))
                .findFirst().orElseThrow();
        // Listed under its signal's name, with its own name in full (never six rows of "Mass modification …").
        assertThat(notes.label()).isEqualTo("Min directories");
        assertThat(notes.group()).isEqualTo("Signal: Ransom note (ransom-note)");
        ThresholdSpec slow = specs.stream().filter(s -> s.key().equals("signals.massModification.slowWindowSeconds"))
                .findFirst().orElseThrow();
        assertThat(slow.label()).isEqualTo("Slow window (seconds)");
        assertThat(slow.group()).isEqualTo("Signal: Mass modification (mass-modification)");
        assertThat(specs.stream().filter(s -> s.group().startsWith("Signal: Mass modification")).map(ThresholdSpec::label))
                .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(6);
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
