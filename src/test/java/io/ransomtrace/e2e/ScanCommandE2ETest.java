package io.ransomtrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ransomtrace scan} on real recordings, through the CLI as automation uses it. */
class ScanCommandE2ETest {

    @Test
    void anAttackIsReportedInTheJsonContractAndFailsTheBuild(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("out.json");
        CliRun run = CliRun.of("scan", SampleCases.of("attack-openssl-find").toString(), "--json", json.toString(),
                "--fail-on", "high");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("CRITICAL", "README_RESTORE.txt");

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode input = doc.at("/summary/inputs/0");
        assertThat(input.get("path").asText()).endsWith("audit.log");
        assertThat(input.get("format").asText()).isEqualTo("auditd_raw");
        assertThat(input.get("records").asLong()).isGreaterThan(input.get("events").asLong()).isPositive();
        assertThat(doc.at("/summary/hosts/0").asText()).isEqualTo("fs01.corp.example");
        assertThat(doc.at("/summary/evictions/processes").asLong()).as("nothing evicted on a small log").isZero();
        assertThat(doc.at("/summary/evictions/closedEarly").isNumber()).isTrue();

        JsonNode f = doc.at("/findings/0");
        for (String field : new String[]{"id", "severity", "score", "host", "title", "rootProcess", "tools", "firstSeen",
                "lastSeen", "firstAlert", "filesAffected", "directoriesAffected", "extensions", "overwrite", "notes",
                "signals", "filesBeforeFirstHighAlert", "suppressed", "evidence"}) {
            assertThat(f.has(field)).as(field).isTrue();
        }
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.at("/rootProcess/commandLine").asText()).contains("enc.sh");
        assertThat(f.at("/rootProcess/pid").isNumber()).isTrue();
        assertThat(f.at("/rootProcess/loginUid").asLong()).isEqualTo(1101);
        assertThat(f.get("overwrite").asText()).isEqualTo("new-file-then-delete");
        assertThat(f.at("/notes/names/0").asText()).isEqualTo("README_RESTORE.txt");
        assertThat(Instant.parse(f.get("firstAlert").asText())).isAfterOrEqualTo(Instant.parse(f.get("firstSeen").asText()));
        assertThat(f.at("/signals/0/description").asText()).isNotBlank();
        assertThat(f.at("/evidence/0/line").asLong()).isPositive();
    }

    @Test
    void rotatedLogsNamedAsTheShellExpandsThemGiveTheSameFinding(@TempDir Path tmp) throws IOException {
        // scan /var/log/audit/audit.log* names audit.log before audit.log.1: newest first
        java.util.List<String> lines = Files.readAllLines(SampleCases.of("attack-openssl-find").resolve("audit.log"));
        Path older = Files.write(tmp.resolve("audit.log.1"), lines.subList(0, lines.size() / 2));
        Path live = Files.write(tmp.resolve("audit.log"), lines.subList(lines.size() / 2, lines.size()));
        Path json = tmp.resolve("out.json");
        CliRun run = CliRun.of("scan", live.toString(), older.toString(), "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.at("/summary/inputs/0/path").asText()).as("read oldest first").endsWith("audit.log.1");
        JsonNode f = doc.at("/findings/0");
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.at("/rootProcess/commandLine").asText()).contains("enc.sh");
        assertThat(f.at("/rootProcess/loginUid").asLong()).isEqualTo(1101);
    }

    @Test
    void edrExportsWithoutHostFieldsAreOneHostPerFileInOneRun(@TempDir Path tmp) throws IOException {
        // an ECS export whose documents carry no host fields names its host as an audit.log without node= does
        String exec = "{\"@timestamp\":\"2026-03-02T09:14:05.250Z\",\"event\":{\"category\":[\"process\"],"
                + "\"type\":[\"start\"],\"action\":\"exec\"},\"process\":{\"pid\":%d,\"executable\":\"/usr/bin/tar\","
                + "\"args\":[\"tar\",\"czf\",\"/tmp/x.tgz\",\"/etc\"],\"parent\":{\"pid\":1}}}";
        Files.writeString(tmp.resolve("fs01.ndjson"), String.format(exec, 4410) + "\n");
        Files.writeString(tmp.resolve("web05.ndjson"), String.format(exec, 4410) + "\n");
        Path json = tmp.resolve("out.json");
        CliRun run = CliRun.of("scan", tmp.resolve("fs01.ndjson").toString(), tmp.resolve("web05.ndjson").toString(),
                "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.at("/summary/hosts").toString()).contains("\"fs01\"", "\"web05\"").doesNotContain("unknown");
    }

    @Test
    void twoHostsLogsWithoutNodeNamesAreTwoHostsNamedAfterTheirFolders(@TempDir Path tmp) throws IOException {
        // auditd writes node= only when name_format is set; by default a host's audit.log names no host
        Path fs01 = Files.createDirectories(tmp.resolve("fs01"));
        Path web05 = Files.createDirectories(tmp.resolve("web05"));
        Files.write(fs01.resolve("audit.log"), Files.readAllLines(SampleCases.of("attack-openssl-find").resolve("audit.log"))
                .stream().map(l -> l.replaceFirst("^node=\\S+ ", "")).toList());
        Files.write(web05.resolve("audit.log"), Files.readAllLines(SampleCases.of("benign-rsync").resolve("audit.log"))
                .stream().map(l -> l.replaceFirst("^node=\\S+ ", "")).toList());
        Path json = tmp.resolve("out.json");
        CliRun run = CliRun.of("scan", fs01.resolve("audit.log").toString(), web05.resolve("audit.log").toString(),
                "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.at("/summary/hosts").toString()).contains("\"fs01\"", "\"web05\"");
        JsonNode f = doc.at("/findings/0");
        assertThat(f.get("host").asText()).isEqualTo("fs01");
        assertThat(f.get("severity").asText()).isEqualTo("critical");
    }

    @Test
    void aBenignCaseDoesNotFailTheBuildAtHigh() {
        CliRun run = CliRun.of("scan", "-q", SampleCases.of("benign-rsync").toString(), "--fail-on", "high");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
    }

    @Test
    void aMissingInputIsAnInputErrorWithAClearMessage() {
        CliRun run = CliRun.of("scan", "/no/such/audit.log");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no such file or directory: /no/such/audit.log").doesNotContain("Exception");
    }

    @Test
    void binaryJunkIsReportedNotFatal(@TempDir Path tmp) throws IOException {
        Path junk = tmp.resolve("junk.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        CliRun run = CliRun.of("scan", junk.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("not a format Ransomtrace recognises");
        assertThat(run.err()).contains("no input could be read").doesNotContain("Exception");
    }

    @Test
    void aBadFailOnLevelIsAUsageError() {
        CliRun run = CliRun.of("scan", SampleCases.of("benign-rsync").toString(), "--fail-on", "severe");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-on must be one of");
    }

    /**
     * A QLocker run recorded on a host whose rule set hides nothing (sshd, the harness): the finding names the
     * human who logged in over ssh, the script, and says the originals were archived and deleted.
     */
    @Test
    void anArchiveAndDeleteAttackOverSshNamesTheSessionsUser(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("q.json");
        CliRun run = CliRun.of("scan", "-q", SampleCases.of("attack-qlocker-ssh").toString(), "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(json.toFile()).at("/findings/0");
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.get("overwrite").asText()).isEqualTo("archived-then-deleted");
        assertThat(f.at("/rootProcess/commandLine").asText()).contains("qsync.sh");
        assertThat(f.at("/rootProcess/loginUid").asLong()).isEqualTo(1105);
        assertThat(f.get("title").asText()).contains("(erin)");
    }
}
