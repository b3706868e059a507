package io.ransomtrace.importers.edr;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void parsesTheTimestampSpellingsExportersUse() {
        Instant t = Instant.parse("2026-11-20T03:14:00.037Z");
        assertThat(Texts.parseTime("2026-11-20T03:14:00.037Z")).isEqualTo(t);
        assertThat(Texts.parseTime("2026-11-20 03:14:00.037")).isEqualTo(t);
        assertThat(Texts.parseTime("2026-11-20T03:14:00.037000000Z")).isEqualTo(t);
        assertThat(Texts.parseTime("2026-11-20T05:14:00.037+02:00")).isEqualTo(t);
        assertThat(Texts.parseTime("2026-11-20T01:14:00.037-0200")).isEqualTo(t);
        assertThat(Texts.parseTime("2026-11-20T03:14:00.037")).isEqualTo(t);
        assertThat(Texts.parseTime("1795144440.037")).isEqualTo(t);
        assertThat(Texts.parseTime("1795144440037")).isEqualTo(t);
        assertThat(Texts.parseTime("1795144440")).isEqualTo(Instant.parse("2026-11-20T03:14:00Z"));
        assertThat(Texts.parseTime("2026-13-20T03:14:00Z")).isNull();
        assertThat(Texts.parseTime("yesterday")).isNull();
        assertThat(Texts.parseTime("")).isNull();
    }

    @Test
    void splitsCommandLinesHonouringQuotes() {
        assertThat(Texts.splitCommandLine("sh -c \"echo a  b\" 'x y' z")).containsExactly("sh", "-c", "echo a  b", "x y", "z");
        assertThat(Texts.splitCommandLine("  ")).isEmpty();
        assertThat(Texts.resolve("a.txt", "/home/u")).isEqualTo("/home/u/a.txt");
        assertThat(Texts.resolve("./a.txt", "/home/u/")).isEqualTo("/home/u/a.txt");
        assertThat(Texts.resolve("/abs", "/home/u")).isEqualTo("/abs");
    }
}
