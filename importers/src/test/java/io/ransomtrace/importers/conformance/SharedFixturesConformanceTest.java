package io.ransomtrace.importers.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.edr.TestFiles;
import io.ransomtrace.importers.osquery.OsqueryImporter;
import io.ransomtrace.importers.sysmon.SysmonImporter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The EDR importers against the real public samples in the test fixtures (see fixtures/SOURCES.md). */
class SharedFixturesConformanceTest {

    private static CollectingSink importEcs(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = new EcsImporter().importSource(new SourceFile(1, file, Format.ECS_NDJSON), sink);
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(stats.recordsQuarantined()).as("quarantined: %s", sink.quarantined).isZero();
        return sink;
    }

    @Test
    void auditbeatCoalescedExecveBecomesTheSameExecAsTheRawRecordsSay() throws IOException {
        Path file = TestFiles.fixture("ecs-auditbeat/elastic-integrations-auditd/test-coalesced-syscall-execve-events.json");
        assertThat(EcsImporter.looksLike(Files.readAllBytes(file))).isTrue();
        CollectingSink sink = importEcs(file);

        assertThat(sink.events).hasSize(1);
        ProcessExec exec = (ProcessExec) sink.events.get(0);
        // Values as in the document's own raw SYSCALL/EXECVE/CWD records (auditd.messages).
        assertThat(exec.time()).isEqualTo(Instant.parse("2016-12-07T02:20:31.371Z"));
        assertThat(exec.actor().pid()).isEqualTo(1360);
        assertThat(exec.actor().ppid()).isEqualTo(1299);
        assertThat(exec.actor().exe()).isEqualTo("/sbin/auditctl");
        assertThat(exec.argv()).containsExactly("auditctl", "-a", "exit,always", "-F", "arch=b32", "-S", "execve");
        assertThat(exec.argvTruncated()).isFalse();
        assertThat(exec.cwd()).isEqualTo("/home/some_user");
        assertThat(exec.tty()).isEqualTo("pts0");
        assertThat(exec.success()).isTrue();
        assertThat(exec.actor().credentials().uid()).isZero();
        assertThat(exec.actor().credentials().euid()).isZero();
        assertThat(exec.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(exec.actor().credentials().session()).isEqualTo(1);
        assertThat(exec.actor().credentials().user()).isEqualTo("root");
        assertThat(exec.actor().credentials().loginUser()).isEqualTo("alice");
        assertThat(exec.provenance().nativeId()).isEqualTo("479");
        assertThat(exec.provenance().line()).as("the document starts on line 3 of the pipeline-test file").isEqualTo(3);
    }

    @Test
    void auditdManagerChownBecomesAChownOfThePathResolvedAgainstTheCwd() throws IOException {
        Path file = TestFiles.fixture("ecs-auditbeat/elastic-integrations-auditd_manager/test-chown-events.json");
        assertThat(EcsImporter.looksLike(Files.readAllBytes(file))).isTrue();
        CollectingSink sink = importEcs(file);

        FileOp op = (FileOp) sink.events.get(0);
        assertThat(op.kind()).isEqualTo(FileOpKind.CHOWN);
        assertThat(op.path()).isEqualTo("/home/vagrant/test");
        // No @timestamp in this pipeline input: the time comes from the audit stamp of event.original.
        assertThat(op.time()).isEqualTo(Instant.parse("2021-01-19T21:24:24.740Z"));
        assertThat(op.actor().pid()).isEqualTo(9494);
        assertThat(op.actor().ppid()).isEqualTo(9492);
        assertThat(op.actor().exe()).isEqualTo("/usr/bin/chown");
        assertThat(op.actor().credentials().loginUser()).isEqualTo("vagrant");
        assertThat(op.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(op.inode()).isEqualTo(921833);
        assertThat(op.modifies()).isFalse();
    }

    @Test
    void sysmonWinlogDocumentsMatchElasticsExpectedEcs() throws IOException {
        Path input = TestFiles.fixture("sysmon-linux/elastic-integrations/test-sysmon.json");
        Path expectedFile = TestFiles.fixture("sysmon-linux/elastic-integrations/test-sysmon.json-expected.json");
        assertThat(EcsImporter.looksLike(Files.readAllBytes(input))).isTrue();
        CollectingSink sink = importEcs(input);
        JsonNode expected = new ObjectMapper().readTree(expectedFile.toFile()).get("expected");

        assertThat(sink.events).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            assertThat(want.at("/event/type/0").asText()).isEqualTo("end");
            ProcessExit exit = (ProcessExit) sink.events.get(i);
            assertThat(exit.actor().pid()).isEqualTo(want.at("/process/pid").asInt());
            assertThat(exit.actor().entityId()).isEqualTo(want.at("/process/entity_id").asText());
            assertThat(exit.host()).isEqualTo(want.at("/host/hostname").asText());
            assertThat(exit.provenance().nativeId()).isEqualTo(want.at("/winlog/record_id").asText());
            String exe = want.at("/process/executable").asText();
            // Sysmon writes "(null)" when it could not read the image path; we keep that as unknown.
            assertThat(exit.actor().exe()).isEqualTo(exe.equals("(null)") ? null : exe);
            assertThat(exit.actor().credentials().user()).isEqualTo("root");
        }
        // Elastic takes event.created from time_created; the event's own UtcTime is a few ms later.
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.parse("2022-10-24T17:06:14.200Z"));
    }

    @Test
    void everyFixtureFileReadAsTheWrongFormatIsReportedNeverThrown() throws IOException {
        Path root = TestFiles.fixture("SOURCES.md").getParent();
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        List<io.ransomtrace.importers.Importer> importers = List.of(new EcsImporter(), new SysmonImporter(),
                new OsqueryImporter(), new CsvImporter());
        for (Path file : files) {
            for (io.ransomtrace.importers.Importer importer : importers) {
                CollectingSink sink = new CollectingSink();
                ImportStats stats = importer.importSource(new SourceFile(1, file, importer.format()), sink);
                assertThat(stats.invariantHolds()).as("%s as %s", file, importer.format()).isTrue();
                assertThat(sink.quarantined).allSatisfy(q -> assertThat(q.reason()).isNotBlank());
            }
            byte[] head = Files.readAllBytes(file);
            head = java.util.Arrays.copyOf(head, Math.min(head.length, 8192));
            if (file.toString().contains("/auditd/") || file.toString().contains("/laurel/")) {
                // Raw audit logs, their YAML/golden companions aside, are no EDR export.
                if (!file.toString().endsWith(".json") && !file.toString().endsWith(".yaml")) {
                    assertThat(EcsImporter.looksLike(head)).as("ECS sniff on %s", file).isFalse();
                    assertThat(SysmonImporter.looksLike(head)).as("Sysmon sniff on %s", file).isFalse();
                    assertThat(OsqueryImporter.looksLike(head)).as("osquery sniff on %s", file).isFalse();
                    assertThat(CsvImporter.looksLike(head)).as("CSV sniff on %s", file).isFalse();
                }
            }
        }
    }

    @Test
    void falcoAlertsAreNotClaimedByAnyEdrImporter() throws IOException {
        Path file = TestFiles.fixture("falco/wazuh/falco.ini");
        List<String> alerts = Files.readAllLines(file).stream().filter(l -> l.startsWith("log 1 pass = "))
                .map(l -> l.substring("log 1 pass = ".length())).toList();
        assertThat(alerts).hasSize(3);
        String syslogFile = String.join("\n", alerts) + "\n";
        String jsonOnly = String.join("\n", alerts.stream().map(a -> a.substring(a.indexOf('{'))).toList()) + "\n";
        for (String text : List.of(syslogFile, jsonOnly)) {
            byte[] head = text.getBytes(StandardCharsets.UTF_8);
            assertThat(EcsImporter.looksLike(head)).as("ECS on %s", text).isFalse();
            assertThat(SysmonImporter.looksLike(head)).isFalse();
            assertThat(OsqueryImporter.looksLike(head)).isFalse();
            assertThat(CsvImporter.looksLike(head)).isFalse();
        }
    }
}
