package io.ransomtrace.importers.ecs;

import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.edr.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EcsImporterTest {

    @TempDir
    Path tmp;

    private static ImportStats read(Path file, CollectingSink sink) throws IOException {
        ImportStats stats = new EcsImporter().importSource(new SourceFile(7, file, Format.ECS_NDJSON), sink);
        assertThat(stats.invariantHolds()).as("count invariant %s", stats).isTrue();
        assertThat(stats.events()).isEqualTo(sink.events.size());
        assertThat(stats.recordsQuarantined()).isEqualTo(sink.quarantined.size());
        for (int i = 0; i < sink.events.size(); i++) {
            assertThat(sink.events.get(i).id()).isEqualTo(EventId.of(7, i));
            assertThat(sink.events.get(i).provenance().sourceId()).isEqualTo(7);
        }
        return stats;
    }

    @Test
    void elasticDefendNdjsonMapsEveryKindAndQuarantinesTheBrokenLines() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(TestFiles.resource("ecs/elastic-defend-attack.ndjson"), sink);

        assertThat(stats.recordsRead()).isEqualTo(321);
        assertThat(stats.recordsQuarantined()).isEqualTo(6);
        assertThat(stats.recordsOther()).isEqualTo(2);
        assertThat(stats.host()).isEqualTo("web-01");
        assertThat(sink.ofType(ProcessExec.class)).hasSize(91);
        assertThat(sink.ofType(ProcessExit.class)).hasSize(89);
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(46);
        assertThat(sink.fileOps(FileOpKind.WRITE)).hasSize(40);
        assertThat(sink.fileOps(FileOpKind.DELETE)).hasSize(41);
        assertThat(sink.fileOps(FileOpKind.RENAME)).hasSize(6);
        assertThat(sink.ofType(OtherRecord.class)).extracting(OtherRecord::type)
                .containsExactly("ecs:network/connection_accepted", "ecs:driver/raw_disk_read");

        ProcessExec openssl = sink.execsOf("/usr/bin/openssl").get(0);
        assertThat(openssl.actor().pid()).isEqualTo(3201);
        assertThat(openssl.actor().ppid()).isEqualTo(3100);
        assertThat(openssl.argv()).containsExactly("openssl", "enc", "-aes-256-cbc", "-salt", "-in",
                "/srv/data/finance/report_00.xlsx", "-out", "/srv/data/finance/report_00.xlsx.enc", "-pass",
                "file:/root/.cache/k.bin");
        assertThat(openssl.cwd()).isEqualTo("/root");
        assertThat(openssl.actor().entityId()).isEqualTo("ZDY1Nzc0ZGUt00003201");
        assertThat(openssl.parentEntityId()).isEqualTo("ZDY1Nzc0ZGUt00003100");
        assertThat(openssl.actor().credentials().user()).isEqualTo("root");
        assertThat(openssl.actor().credentials().uid()).isZero();
        assertThat(openssl.actor().credentials().euid()).isZero();

        FileOp overwrite = sink.fileOps(FileOpKind.WRITE).get(0);
        assertThat(overwrite.path()).isEqualTo("/srv/data/finance/report_00.xlsx.enc");
        assertThat(overwrite.contentHint().entropy()).isCloseTo(7.997, within(0.0015));
        assertThat(overwrite.contentHint().headerBytesHex()).isEqualTo("53616c7465645f5f");
        assertThat(overwrite.contentHint().originalExtension()).isEqualTo("xlsx");

        FileOp rename = sink.fileOps(FileOpKind.RENAME).get(0);
        assertThat(rename.path()).isEqualTo("/srv/data/archive/backup_0.tar");
        assertThat(rename.targetPath()).isEqualTo("/srv/data/archive/backup_0.tar.locked");
        assertThat(rename.actor().pid()).isEqualTo(3400);

        ProcessExec first = (ProcessExec) sink.events.get(0);
        assertThat(first.provenance().line()).isEqualTo(1);
        assertThat(first.provenance().byteOffset()).isZero();
        assertThat(first.provenance().nativeId()).isEqualTo("NkQ0000001");
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-20T03:14:00.037Z"));
        // Line 12 is blank, so the 12th document sits on line 13.
        assertThat(sink.events.get(11).provenance().line()).isEqualTo(13);

        List<QuarantinedRecord> q = sink.quarantined;
        assertThat(q).extracting(QuarantinedRecord::line).containsExactly(317L, 318L, 319L, 320L, 321L, 322L);
        assertThat(q.get(0).reason()).startsWith("not valid JSON");
        assertThat(q.get(1).reason()).contains("not an ECS document object");
        assertThat(q.get(2).reason()).contains("no readable @timestamp");
        assertThat(q.get(3).reason()).contains("process.pid");
        assertThat(q.get(4).reason()).contains("file.path");
        assertThat(q.get(5).reason()).startsWith("not valid JSON");
        assertThat(q.get(5).rawText()).contains("\\x00\\x01binary junk");
        assertThat(q).allSatisfy(r -> assertThat(r.byteOffset()).isPositive());
    }

    @Test
    void aJsonArrayIsStreamedWithTheLineEachElementStartsOn() throws IOException {
        CollectingSink array = new CollectingSink();
        ImportStats stats = read(TestFiles.resource("ecs/elastic-defend-array.json"), array);
        CollectingSink lines = new CollectingSink();
        read(TestFiles.resource("ecs/elastic-defend-attack.ndjson"), lines);

        assertThat(stats.recordsRead()).isEqualTo(12);
        assertThat(stats.recordsQuarantined()).isZero();
        assertThat(array.events.get(0).provenance().line()).isEqualTo(2);
        assertThat(array.events.get(1).provenance().line()).isGreaterThan(10);
        for (int i = 0; i < 12; i++) {
            assertThat(array.events.get(i)).usingRecursiveComparison().ignoringFields("provenance")
                    .isEqualTo(lines.events.get(i));
        }
    }

    @Test
    void auditbeatSyscallDocumentsGiveOpenFlagsRenamePathsAndTheLoginUser() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(TestFiles.resource("ecs/auditbeat-auditd.ndjson"), sink);

        assertThat(stats.recordsRead()).isEqualTo(28);
        assertThat(stats.recordsOther()).as("read-only opens change nothing").isEqualTo(6);
        List<FileOp> truncates = sink.fileOps(FileOpKind.TRUNCATE);
        assertThat(truncates).hasSize(6);
        assertThat(truncates.get(0).path()).isEqualTo("/srv/data/archive/photo_00.jpg");
        assertThat(truncates.get(0).openFlags()).isEqualTo(0x241);
        List<FileOp> renames = sink.fileOps(FileOpKind.RENAME);
        assertThat(renames).hasSize(6);
        assertThat(renames.get(1).path()).isEqualTo("/srv/data/archive/photo_01.jpg");
        assertThat(renames.get(1).targetPath()).isEqualTo("/srv/data/archive/photo_01.jpg.crypt");
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(6)
                .allSatisfy(f -> assertThat(f.path()).isEqualTo("/srv/data/archive/HOW_TO_DECRYPT.txt"));
        assertThat(sink.fileOps(FileOpKind.CHMOD)).hasSize(1);
        List<FileOp> deletes = sink.fileOps(FileOpKind.DELETE);
        assertThat(deletes).extracting(FileOp::success).containsExactly(true, false);
        assertThat(deletes.get(1).modifies()).isFalse();

        FileOp op = truncates.get(0);
        assertThat(op.actor().pid()).isEqualTo(5100);
        assertThat(op.actor().ppid()).isEqualTo(3100);
        assertThat(op.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(op.actor().credentials().loginUser()).isEqualTo("alice");
        assertThat(op.actor().credentials().user()).isEqualTo("root");
        assertThat(op.actor().credentials().session()).isEqualTo(7);
        assertThat(op.provenance().nativeId()).isEqualTo("9001");

        ProcessExec shred = sink.execsOf("/usr/bin/shred").get(0);
        assertThat(shred.argv()).containsExactly("shred", "-u", "/srv/data/archive/key.bin");
        assertThat(shred.actor().ppid()).isEqualTo(5100);
        assertThat(shred.tty()).isEqualTo("pts1");
    }

    @Test
    void aTenMegabyteLineIsQuarantinedCappedAndTheNextLineStillRead() throws IOException {
        Path file = tmp.resolve("huge.ndjson");
        String good = Files.readAllLines(TestFiles.resource("ecs/elastic-defend-attack.ndjson")).get(0);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"message\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "A".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 160; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
            out.write((good + "\n").getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(stats.recordsRead()).isEqualTo(2);
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(2);
        assertThat(sink.events.get(0).provenance().byteOffset()).isEqualTo(160L * 65536 + 15);
        QuarantinedRecord q = sink.quarantined.get(0);
        assertThat(q.reason()).contains("10485774 bytes").contains("limit");
        assertThat(q.rawText().length()).isLessThan(QuarantinedRecord.RAW_TEXT_CAP + 64);
    }

    @Test
    void aTruncatedGzipKeepsWhatCameBeforeTheCut() throws IOException {
        byte[] plain = Files.readAllBytes(TestFiles.resource("ecs/elastic-defend-attack.ndjson"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        Path file = tmp.resolve("cut.ndjson.gz");
        Files.write(file, cut);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(sink.events.size()).isGreaterThan(50).isLessThan(315);
        assertThat(sink.quarantined).anySatisfy(r -> {
            assertThat(r.line()).isZero();
            assertThat(r.reason()).contains("gzip data is damaged or truncated").contains("could not be read");
        });
        assertThat(stats.invariantHolds()).isTrue();
    }

    @Test
    void aJsonArrayCutShortKeepsTheWholeElementsAndQuarantinesTheRest() throws IOException {
        String text = Files.readString(TestFiles.resource("ecs/elastic-defend-array.json"));
        Path file = tmp.resolve("cut.json");
        Files.writeString(file, text.substring(0, text.length() * 2 / 3));
        CollectingSink sink = new CollectingSink();
        read(file, sink);

        assertThat(sink.events).hasSizeBetween(6, 8);
        assertThat(sink.quarantined).hasSize(1);
        assertThat(sink.quarantined.get(0).reason()).contains("JSON broken at line").contains("not read");
    }

    @Test
    void anEnormousDocumentInAnArrayIsSkippedAndTheNextOneRead() throws IOException {
        Path file = tmp.resolve("fat.json");
        String good = Files.readAllLines(TestFiles.resource("ecs/elastic-defend-attack.ndjson")).get(0);
        try (var w = Files.newBufferedWriter(file)) {
            w.write("[\n{\"@timestamp\":\"2026-11-20T03:14:00Z\",\"tags\":[");
            for (int i = 0; i < 300_000; i++) {
                w.write(i == 0 ? "1" : ",1");
            }
            w.write("]},\n" + good + "\n]\n");
        }
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(stats.recordsRead()).isEqualTo(2);
        assertThat(sink.quarantined.get(0).reason()).contains("more than 100000 JSON values");
        assertThat(sink.quarantined.get(0).line()).isEqualTo(2);
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(3);
    }

    @Test
    void elasticSearchHitsAndEventsWrappersAreUnwrapped() throws IOException {
        Path file = tmp.resolve("hits.ndjson");
        Files.writeString(file, "\ufeff" + """
                {"_index":".ds-logs-endpoint.events.file-default","_id":"abc123","_source":{"@timestamp":"2026-11-20T03:14:00Z","event":{"category":["file"],"type":["deletion"],"action":"deletion"},"file":{"path":"/srv/a"},"process":{"pid":10}}}
                {"events":[{"@timestamp":"2026-11-20T03:14:01Z","event":{"category":"process","type":"start"},"process":{"pid":11,"command_line":"sh -c 'a b'"}},{"@timestamp":"2026-11-20T03:14:02Z","event":{"category":"process","action":"fork","type":"start"},"process":{"pid":12}}]}
                """);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(stats.recordsRead()).isEqualTo(3);
        assertThat(((FileOp) sink.events.get(0)).provenance().nativeId()).isEqualTo("abc123");
        assertThat(((ProcessExec) sink.events.get(1)).argv()).containsExactly("sh", "-c", "a b");
        assertThat(((OtherRecord) sink.events.get(2)).type()).isEqualTo("ecs:process/fork");
        assertThat(sink.events.get(2).provenance().line()).isEqualTo(2);
    }

    @Test
    void auditbeatFileIntegrityActionsAndUnknownChangesAreNotTakenForWrites() throws IOException {
        Path file = tmp.resolve("fim.ndjson");
        Files.writeString(file, """
                {"@timestamp":"2026-11-20T03:14:00Z","event":{"module":"file_integrity","category":["file"],"type":["change"],"action":["updated"]},"file":{"path":"/etc/a"}}
                {"@timestamp":"2026-11-20T03:14:01Z","event":{"module":"file_integrity","category":["file"],"type":["change"],"action":["attributes_modified"]},"file":{"path":"/etc/b"}}
                {"@timestamp":"2026-11-20T03:14:02Z","event":{"category":["file"],"type":["change"],"action":"xattr-set"},"file":{"path":"/etc/c"}}
                {"@timestamp":"2026-11-20T03:14:03Z","event":{"category":["file"],"type":["change"]},"file":{"path":"/etc/d"}}
                {"@timestamp":"2026-11-20T03:14:04Z","event":{"category":["file"],"type":["deletion"],"action":"whatever"},"file":{"path":"/etc/e"}}
                {"@timestamp":"2024-05-07T07:51:49.381Z","event":{"category":["file"],"type":["creation"],"action":"linked"},"auditd":{"data":{"syscall":"linkat"},"paths":[]},"process":{"pid":4242}}
                """);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(stats.recordsOther()).isEqualTo(2);
        assertThat(sink.events).extracting(e -> e instanceof FileOp op ? op.kind() + " " + op.path()
                : ((OtherRecord) e).type()).containsExactly("WRITE /etc/a", "CHMOD /etc/b", "ecs:file/xattr-set",
                "WRITE /etc/d", "DELETE /etc/e", "ecs:file/linked");
    }

    @Test
    void sniffsEcsButNotTheOtherFormats() throws IOException {
        assertThat(EcsImporter.looksLike(head("ecs/elastic-defend-attack.ndjson"))).isTrue();
        assertThat(EcsImporter.looksLike(head("ecs/elastic-defend-array.json"))).isTrue();
        assertThat(EcsImporter.looksLike(head("ecs/auditbeat-auditd.ndjson"))).isTrue();
        assertThat(EcsImporter.looksLike(head("osquery/osqueryd.results.log"))).isFalse();
        assertThat(EcsImporter.looksLike(head("sysmon/syslog-sysmon.log"))).isFalse();
        assertThat(EcsImporter.looksLike(head("csv/kibana-defend-export.csv"))).isFalse();
        assertThat(EcsImporter.looksLike("type=SYSCALL msg=audit(1.2:3): pid=1".getBytes())).isFalse();
        assertThat(EcsImporter.looksLike(new byte[]{0, 1, 2, (byte) 0xff})).isFalse();
        assertThat(EcsImporter.looksLike(new byte[0])).isFalse();
    }

    static byte[] head(String resource) throws IOException {
        byte[] all = Files.readAllBytes(TestFiles.resource(resource));
        return java.util.Arrays.copyOf(all, Math.min(all.length, 8192));
    }
}
