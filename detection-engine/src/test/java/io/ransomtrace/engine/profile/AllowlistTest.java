package io.ransomtrace.engine.profile;

import io.ransomtrace.engine.finding.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowlistTest {

    private static Allowlist load(String yaml) {
        return Allowlist.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static AllowlistSubject subject(String exe, String cmd, List<String> dirs, Instant lastSeen) {
        return new AllowlistSubject("db01", exe, cmd, "backup", "/usr/sbin/cron", Set.of(exe), dirs, true, lastSeen);
    }

    private static final String BACKUP = """
            entries:
              - id: nightly-dumps
                reason: encrypted database dumps, OPS-123
                author: j.doe
                expires: 2026-06-30
                effect: cap
                capSeverity: low
                match:
                  commandLine: "*backup.sh*"
                  pathPrefix: /var/backups
              - id: lab-host
                reason: ransomware lab
                author: sec-team
                effect: suppress
                match:
                  host: "lab*"
            """;

    @Test
    void entriesMatchOnEveryConditionTheySet() {
        Allowlist a = load(BACKUP);
        Instant march = Instant.parse("2026-03-02T02:00:00Z");
        assertThat(a.match(subject("/bin/bash", "/bin/bash /usr/local/bin/backup.sh", List.of("/var/backups/db"), march)))
                .hasValueSatisfying(e -> {
                    assertThat(e.id()).isEqualTo("nightly-dumps");
                    assertThat(e.effect()).isEqualTo(AllowlistEffect.CAP_SEVERITY);
                    assertThat(e.cap()).isEqualTo(Severity.LOW);
                });
        // the same script touching /home is not covered by a /var/backups entry
        assertThat(a.match(subject("/bin/bash", "/bin/bash /usr/local/bin/backup.sh",
                List.of("/var/backups/db", "/home/alice"), march))).isEmpty();
        // prefix means a directory prefix, not a string prefix
        assertThat(a.match(subject("/bin/bash", "bash backup.sh", List.of("/var/backups-old"), march))).isEmpty();
    }

    @Test
    void expiredEntriesNoLongerApply() {
        Allowlist a = load(BACKUP);
        assertThat(a.match(subject("/bin/bash", "bash backup.sh", List.of("/var/backups"),
                Instant.parse("2026-07-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void executableEntriesMustCoverEveryActingProgram() {
        Allowlist a = load("""
                entries:
                  - reason: gpg archives
                    author: ops
                    effect: suppress
                    match:
                      exe: /usr/bin/gpg
                """);
        AllowlistSubject onlyGpg = new AllowlistSubject("h", "/usr/bin/bash", "bash x", "u", null,
                Set.of("/usr/bin/gpg"), List.of("/srv"), true, null);
        AllowlistSubject gpgAndLocker = new AllowlistSubject("h", "/usr/bin/bash", "bash x", "u", null,
                Set.of("/usr/bin/gpg", "/tmp/locker"), List.of("/srv"), true, null);
        assertThat(a.match(onlyGpg)).isPresent();
        assertThat(a.match(gpgAndLocker)).isEmpty();
    }

    @Test
    void invalidEntriesNameTheirKey() {
        assertThatThrownBy(() -> load("entries:\n  - author: x\n    effect: suppress\n    match: {host: a}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("entries[1].reason: is required");
        assertThatThrownBy(() -> load("entries:\n  - reason: r\n    author: x\n    effect: hide\n    match: {host: a}\n"))
                .hasMessageContaining("entries[1].effect").hasMessageContaining("'suppress' or 'cap'");
        assertThatThrownBy(() -> load("entries:\n  - reason: r\n    author: x\n    effect: cap\n    match: {host: a}\n"))
                .hasMessageContaining("entries[1].capSeverity: is required");
        assertThatThrownBy(() -> load("entries:\n  - reason: r\n    author: x\n    effect: suppress\n    match: {}\n"))
                .hasMessageContaining("entries[1].match").hasMessageContaining("at least one");
        assertThatThrownBy(() -> load("entries:\n  - reason: r\n    author: x\n    effect: suppress\n    match: {process: a}\n"))
                .hasMessageContaining("entries[1].match.process: unknown condition");
        assertThatThrownBy(() -> load("entries:\n  - reason: r\n    author: x\n    effect: suppress\n    expires: soon\n    match: {host: a}\n"))
                .hasMessageContaining("entries[1].expires");
    }
}
