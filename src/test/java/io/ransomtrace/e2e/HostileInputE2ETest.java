package io.ransomtrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against hostile input, as an attacker would try it: a crafted case, outputs aimed at evidence,
 * a FIFO, a time no clock gives, terminal escapes in names. Every command answers with a message and exit 3 (or
 * does its job), never a trace, a hang or a destroyed file.
 */
class HostileInputE2ETest {

    @TempDir
    Path dir;

    private Path importedCase() {
        Path caseFile = dir.resolve("fs01.rtcase");
        CliRun run = CliRun.of("import", "--quiet", "--case", caseFile.toString(),
                SampleCases.of("attack-openssl-find").resolve("audit.log").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return caseFile;
    }

    @Test
    void aCaseWithATriggerIsRefusedByEveryCommandAndRepairedIntoAFreshOne() throws Exception {
        Path caseFile = importedCase();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER eat AFTER INSERT ON events BEGIN DELETE FROM events WHERE id = NEW.id; END");
        }
        Map<String, String> before = folder();
        Path log = SampleCases.of("benign-rsync").resolve("audit.log");
        for (CliRun run : List.of(
                CliRun.of("import", "--case", caseFile.toString(), log.toString()),
                CliRun.of("coverage", "--case", caseFile.toString()),
                CliRun.of("report", "--case", caseFile.toString(), "--format", "json", "--out",
                        dir.resolve("r.json").toString()))) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.err()).contains("changed outside Ransomtrace").contains("trigger eat on events")
                    .doesNotContain("at io.ransomtrace");
        }
        assertThat(folder()).as("the refused case and its folder are left byte for byte").isEqualTo(before);

        Path repaired = dir.resolve("repaired.rtcase");
        CliRun repair = CliRun.of("repair", "--case", caseFile.toString(), "--out", repaired.toString());
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).containsPattern("events +1,270 +0");
        CliRun coverage = CliRun.of("coverage", "--case", repaired.toString());
        assertThat(coverage.exitCode()).as(coverage.err()).isZero();
        assertThat(coverage.out()).contains("fs01.corp.example");
    }

    @Test
    void noOutputIsWrittenOverTheCaseADeviceOrThroughALink() throws Exception {
        Path caseFile = importedCase();
        String caseDigest = sha256(caseFile);
        CliRun onCase = CliRun.of("report", "--case", caseFile.toString(), "--format", "json", "--out",
                caseFile.toString(), "--force");
        assertThat(onCase.exitCode()).isEqualTo(3);
        assertThat(onCase.err()).contains("input of this run");
        assertThat(sha256(caseFile)).isEqualTo(caseDigest);

        CliRun onDevice = CliRun.of("report", "--case", caseFile.toString(), "--format", "json", "--out", "/dev/null");
        assertThat(onDevice.exitCode()).isEqualTo(3);
        assertThat(onDevice.err()).contains("not a regular file");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();

        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("findings.json"), precious);
        CliRun throughLink = CliRun.of("scan", "-q", SampleCases.of("benign-rsync").toString(), "--json", link.toString());
        assertThat(throughLink.exitCode()).isEqualTo(3);
        assertThat(throughLink.err()).contains("symbolic link");
        assertThat(precious).hasContent("keep me");

        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        assertThat(CliRun.of("report", "--case", caseFile.toString(), "--format", "json", "--out", existing.toString())
                .err()).contains("--force");
        assertThat(CliRun.of("report", "--case", caseFile.toString(), "--format", "json", "--out", existing.toString(),
                "--force").exitCode()).isZero();
        assertThat(Files.size(existing)).isGreaterThan(100);
    }

    @Test
    void aFifoIsRefusedWithinASecond() throws Exception {
        Path fifo = dir.resolve("audit.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        long start = System.nanoTime();
        CliRun scan = CliRun.of("scan", fifo.toString());
        CliRun imp = CliRun.of("import", "--case", dir.resolve("c.rtcase").toString(), fifo.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(scan.exitCode()).isEqualTo(3);
        assertThat(scan.out()).contains("not a regular file");
        assertThat(imp.exitCode()).isEqualTo(3);
        assertThat(imp.out()).contains("not a regular file");
    }

    @Test
    void aTimeNoClockGivesIsQuarantinedTheScanJsonIsWrittenAndScanAndImportAgree() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                SampleCases.of("attack-openssl-find").resolve("audit.log"), StandardCharsets.UTF_8));
        lines.add(40, "type=SYSCALL msg=audit(10000000000000000.123:999999): arch=c000003e syscall=59 success=yes "
                + "exit=0 ppid=1 pid=31337 auid=0 uid=0 gid=0 euid=0 comm=\"x\" exe=\"/tmp/x\"");
        Path log = Files.write(dir.resolve("audit.log"), lines, StandardCharsets.UTF_8);
        Path json = dir.resolve("findings.json");

        CliRun scan = CliRun.of("scan", log.toString(), "--json", json.toString(), "--fail-on", "high");
        assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1); // the attack is still found
        JsonNode input = new ObjectMapper().readTree(json.toFile()).at("/summary/inputs/0");
        assertThat(input.get("errors").asLong()).isEqualTo(1);

        Path caseFile = dir.resolve("case.rtcase");
        CliRun imp = CliRun.of("import", "--quiet", "--case", caseFile.toString(), log.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        Path reportJson = dir.resolve("report.json");
        assertThat(CliRun.of("report", "--case", caseFile.toString(), "--format", "json", "--out",
                reportJson.toString()).exitCode()).isZero();
        JsonNode fromCase = new ObjectMapper().readTree(reportJson.toFile()).at("/summary/inputs/0");
        for (String field : List.of("records", "events", "errors", "format")) {
            assertThat(fromCase.get(field)).as(field).isEqualTo(input.get(field));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT records_read, records_in_events, records_other, errors FROM sources")) {
            assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2) + rs.getLong(3) + rs.getLong(4));
        }
    }

    @Test
    void terminalEscapesAndBidiControlsInNamesAreShownNotObeyed() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.copy(SampleCases.of("benign-rsync").resolve("audit.log"), logs.resolve("x\u001b[2J\u001b]0;owned\u0007.log"));
        Files.copy(SampleCases.of("benign-rsync").resolve("audit.log"), logs.resolve("invoice\u202Egol.pdf"));
        CliRun scan = CliRun.of("scan", logs.toString());
        assertThat(scan.out() + scan.err()).doesNotContain("\u001b").doesNotContain("\u202E").doesNotContain("\u0007")
                .contains("[U+001B][2J").contains("invoice[U+202E]gol.pdf");
        CliRun imp = CliRun.of("import", "--case", dir.resolve("c.rtcase").toString(), logs.toString());
        assertThat(imp.out() + imp.err()).doesNotContain("\u001b").doesNotContain("\u202E").contains("[U+202E]");
    }

    @Test
    void aFolderOfOnlySubfoldersSaysSo() throws Exception {
        Files.createDirectories(dir.resolve("evidence/host-a"));
        Files.copy(SampleCases.of("benign-rsync").resolve("audit.log"), dir.resolve("evidence/host-a/audit.log"));
        CliRun scan = CliRun.of("scan", dir.resolve("evidence").toString());
        assertThat(scan.exitCode()).isEqualTo(3);
        assertThat(scan.out()).contains("only 1 subfolder (host-a)");
        CliRun imp = CliRun.of("import", "--case", dir.resolve("c.rtcase").toString(), dir.resolve("evidence").toString());
        assertThat(imp.exitCode()).isEqualTo(3);
        assertThat(imp.out()).contains("only 1 subfolder (host-a)");
    }

    @Test
    void aFailureOutsideTheCommandsOwnChecksIsOneMessageWithExitThree() throws Exception {
        Path caseFile = importedCase();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            st.execute("UPDATE meta SET value = 'not a time' WHERE key = 'created_at'");
            st.execute("UPDATE events SET native_id = zeroblob(20000000) WHERE id = (SELECT MIN(id) FROM events)");
            // whole-case replays read the replay table, not the events table: the same there
            st.execute("UPDATE replay_chunks SET data = zeroblob(20000000) WHERE id = (SELECT MIN(id) FROM replay_chunks)");
        }
        CliRun coverage = CliRun.of("coverage", "--case", caseFile.toString());
        assertThat(coverage.exitCode()).isEqualTo(3);
        assertThat(coverage.err()).contains("larger than Ransomtrace ever writes").contains("--debug")
                .doesNotContain("\tat ");
        CliRun debug = CliRun.of("coverage", "--debug", "--case", caseFile.toString());
        assertThat(debug.exitCode()).isEqualTo(3);
        assertThat(debug.err()).contains("\tat ");
    }

    private Map<String, String> folder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), sha256(p));
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
