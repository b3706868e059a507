package io.ransomtrace.engine.profile;

import io.ransomtrace.engine.finding.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileTest {

    private static Profile load(String yaml) {
        return Profile.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void defaultProfileShipsInTheJarWithEveryKey() {
        Profile p = Profile.defaults();
        List<Parameter> params = p.parameters();
        assertThat(params).hasSize(ProfileSchema.SPECS.size());
        assertThat(params).allSatisfy(param -> {
            assertThat(param.current()).isNotNull();
            assertThat(param.current()).isEqualTo(param.defaultValue());
            assertThat(param.description()).isNotBlank();
        });
        assertThat(p.integer("signals.ransomNote.minDirectories")).isEqualTo(3);
        assertThat(p.severity("alert.minimumSeverity")).isEqualTo(Severity.MEDIUM);
        assertThat(p.list("lists.knownRansomwareExtensions")).contains("locked", "akira");
    }

    @Test
    void parametersExposeRangesForATuningUi() {
        Parameter threshold = Profile.defaults().parameters().stream()
                .filter(x -> x.key().equals("signals.massModification.threshold")).findFirst().orElseThrow();
        assertThat(threshold.type()).isEqualTo(ParameterType.INTEGER);
        assertThat(threshold.min()).isEqualTo(1L);
        assertThat(threshold.max()).isEqualTo(10_000_000L);
        assertThat(threshold.defaultValue()).isEqualTo(50L);
    }

    @Test
    void aPartialProfileOverridesOnlyWhatItSets() {
        Profile p = load("signals:\n  ransomNote:\n    minDirectories: 5\nalert:\n  minimumSeverity: high\n");
        assertThat(p.integer("signals.ransomNote.minDirectories")).isEqualTo(5);
        assertThat(p.severity("alert.minimumSeverity")).isEqualTo(Severity.HIGH);
        assertThat(p.integer("signals.massModification.threshold")).isEqualTo(50);
    }

    @Test
    void outOfRangeValuesNameTheKeyAndTheRange() {
        assertThatThrownBy(() -> load("signals:\n  massModification:\n    threshold: 0\n"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("signals.massModification.threshold")
                .hasMessageContaining("allowed 1 to 10000000")
                .satisfies(e -> assertThat(((ProfileException) e).key()).isEqualTo("signals.massModification.threshold"));
        assertThatThrownBy(() -> load("signals:\n  contentHint:\n    entropyBitsPerByte: 9.5\n"))
                .hasMessageContaining("signals.contentHint.entropyBitsPerByte").hasMessageContaining("0.0 to 8.0");
    }

    @Test
    void wrongTypesAndUnknownKeysAreRefused() {
        assertThatThrownBy(() -> load("signals:\n  ransomNote:\n    minDirectories: many\n"))
                .hasMessageContaining("signals.ransomNote.minDirectories").hasMessageContaining("whole number");
        assertThatThrownBy(() -> load("signals:\n  ransomNote:\n    minDirs: 4\n"))
                .hasMessageContaining("signals.ransomNote.minDirs: unknown key")
                .hasMessageContaining("did you mean");
        assertThatThrownBy(() -> load("alert:\n  minimumSeverity: urgent\n"))
                .hasMessageContaining("alert.minimumSeverity").hasMessageContaining("info, low, medium, high, critical");
        assertThatThrownBy(() -> load("lists:\n  benignSuffixes: gz\n"))
                .hasMessageContaining("lists.benignSuffixes").hasMessageContaining("list of strings");
    }

    @Test
    void brokenYamlIsAClearError() {
        assertThatThrownBy(() -> load("signals: [unclosed\n")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> load("- just\n- a list\n")).hasMessageContaining("mapping");
        assertThat(load("")).isEqualTo(Profile.defaults());
    }

    @Test
    void severityBandsMustBeOrdered() {
        assertThatThrownBy(() -> load("severity:\n  high: 20\n"))
                .hasMessageContaining("severity.high").hasMessageContaining("greater than severity.medium");
    }

    @Test
    void withChangesOneKeyForLiveTuning() {
        Profile tuned = Profile.defaults().with("signals.extensionChange.threshold", 25);
        assertThat(tuned.integer("signals.extensionChange.threshold")).isEqualTo(25);
        assertThat(Profile.defaults().integer("signals.extensionChange.threshold")).isEqualTo(10);
        assertThatThrownBy(() -> Profile.defaults().with("signals.extensionChange.threshold", -1))
                .hasMessageContaining("signals.extensionChange.threshold");
        assertThat(Profile.defaults().with("alert.minimumSeverity", "critical").severity("alert.minimumSeverity"))
                .isEqualTo(Severity.CRITICAL);
    }
}
