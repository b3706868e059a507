package io.ransomtrace.importers;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.importers.csv.CsvImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs from a compromised host, damaged in transit or crafted: every one is read as far as it can be, each bad
 * record costs only itself and is counted once, and nothing blocks or reads without bound.
 */
class HostileLogsTest {

    @TempDir
    Path dir;

    static List<String> ecsLines() throws IOException {
        try (InputStream in = HostileLogsTest.class.getResourceAsStream("/edr/ecs/elastic-defend-attack.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static ImportStats importAs(Path file, CollectingSink sink) throws IOException {
        Format format = Sniffer.sniff(file);
        ImportStats stats = Importers.importSource(new SourceFile(1, file, format), sink);
        assertThat(stats.invariantHolds()).as("records = in events + other + quarantined: %s", stats).isTrue();
        assertThat(sink.quarantined).hasSize((int) stats.recordsQuarantined());
        assertThat(sink.events).hasSize((int) stats.events());
        return stats;
    }

    @Test
    void ndjsonWithAByteOrderMarkIsReadWhole() throws IOException {
        List<String> lines = ecsLines();
        Path f = dir.resolve("bom.ndjson");
        Files.writeString(f, "\ufeff" + String.join("\n", lines) + "\n");
        assertThat(Sniffer.sniff(f)).isEqualTo(Format.ECS_NDJSON);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = importAs(f, sink);
        assertThat(stats.recordsRead()).isEqualTo(lines.size());
        assertThat(stats.recordsQuarantined()).isEqualTo(importAs(Files.write(dir.resolve("plain.ndjson"), lines),
                new CollectingSink()).recordsQuarantined());
    }

    @Test
    void aBadFirstLineOrAFileStartingMidLineCostsOneLine() throws IOException {
        List<String> lines = ecsLines();
        for (String first : List.of("{\"@timestamp\": \"2026-11-20T03:14:00Z\", \"event\": {broken",
                lines.get(0).substring(37))) {
            Path f = dir.resolve("cut.ndjson");
            List<String> content = new ArrayList<>(lines);
            content.set(0, first);
            Files.write(f, content);
            assertThat(Sniffer.sniff(f)).as(first).isEqualTo(Format.ECS_NDJSON);
            CollectingSink sink = new CollectingSink();
            ImportStats stats = importAs(f, sink);
            assertThat(stats.recordsRead()).isEqualTo(lines.size());
            assertThat(sink.quarantined).extracting(QuarantinedRecord::line).contains(1L);
        }
    }

    @Test
    void extremeTimestampsAreQuarantinedNotThrown() throws IOException {
        List<String> lines = new ArrayList<>(ecsLines());
        CollectingSink cleanSink = new CollectingSink();
        ImportStats clean = importAs(Files.write(dir.resolve("clean.ndjson"), lines), cleanSink);
        lines.set(3, lines.get(3).replaceFirst("\"@timestamp\":\"[^\"]+\"", "\"@timestamp\":\"+1000000000-01-01T00:00:00Z\""));
        lines.set(5, lines.get(5).replaceFirst("\"@timestamp\":\"[^\"]+\"", "\"@timestamp\":\"1312-01-01T00:00:00Z\""));
        Path ecs = Files.write(dir.resolve("far.ndjson"), lines);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = importAs(ecs, sink);
        assertThat(stats.recordsQuarantined()).isEqualTo(clean.recordsQuarantined() + 2);
        assertThat(sink.quarantined).filteredOn(q -> q.reason().contains("outside the range any real clock gives"))
                .extracting(QuarantinedRecord::line).containsExactly(4L, 6L);

        Path audit = Files.writeString(dir.resolve("audit.log"), """
                type=SYSCALL msg=audit(1763600000.100:10): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=2 auid=1000 uid=0 gid=0 euid=0 comm="sh" exe="/bin/sh"
                type=EOE msg=audit(1763600000.100:10):
                type=SYSCALL msg=audit(10000000000000000.100:11): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=3 auid=1000 uid=0 gid=0 euid=0 comm="sh" exe="/bin/sh"
                type=EOE msg=audit(10000000000000000.100:11):
                """);
        CollectingSink auditSink = new CollectingSink();
        ImportStats auditStats = importAs(audit, auditSink);
        assertThat(auditStats.recordsRead()).isEqualTo(4);
        assertThat(auditStats.recordsQuarantined()).isEqualTo(2);
        assertThat(auditSink.events).hasSize(1);
    }

    @Test
    void aCsvRowWithAnUnbalancedQuoteCostsOnlyItself() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/edr/csv/kibana-defend-export.csv")) {
            lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        assertThat(lines.size()).isGreaterThan(80);
        lines.set(5, lines.get(5).replace("/usr/bin/", "\"/usr/bin/"));
        Path f = Files.write(dir.resolve("quote.csv"), lines);
        CollectingSink clean = new CollectingSink();
        ImportStats before;
        try (InputStream in = getClass().getResourceAsStream("/edr/csv/kibana-defend-export.csv")) {
            Path original = dir.resolve("original.csv");
            Files.copy(in, original);
            before = new CsvImporter().importSource(new SourceFile(1, original, Format.CSV), clean);
        }
        CollectingSink sink = new CollectingSink();
        ImportStats stats = new CsvImporter().importSource(new SourceFile(1, f, Format.CSV), sink);
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(stats.recordsRead()).isEqualTo(before.recordsRead());
        assertThat(stats.recordsQuarantined()).isEqualTo(before.recordsQuarantined() + 1);
        assertThat(sink.quarantined).anySatisfy(q -> {
            assertThat(q.line()).isEqualTo(6);
            assertThat(q.reason()).contains("reading resumes at the next one");
        });
    }

    @Test
    void aFifoOrADeviceIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("audit.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        long start = System.nanoTime();
        assertThat(InputFileCheck.problem(fifo)).contains("not a regular file");
        assertThat(InputFileCheck.problem(Path.of("/dev/zero"))).contains("not a regular file");
        assertThat(InputFileCheck.problem(Path.of("/proc/self/status"))).contains("kernel pseudo-file");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sniffer.sniff(fifo)).hasMessageContaining("FIFO");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aGzipBombCostsTheSnifferItsSampleNotItsSize() throws IOException {
        Path bomb = dir.resolve("bomb.gz");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write("type=SYSCALL msg=audit(1763600000.100:10): syscall=59 ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 2048; i++) { // 2 GB of zeros in one line, 2 MB on disk
                out.write(zeros);
            }
        }
        long start = System.nanoTime();
        Format f = Sniffer.sniff(bomb);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(f).isIn(Format.AUDITD_RAW, Format.UNKNOWN);
    }

    @Test
    void aFolderOfOnlySubfoldersSaysSo() throws IOException {
        Files.createDirectories(dir.resolve("logs/host-a"));
        Files.createDirectories(dir.resolve("logs/host-b"));
        assertThat(InputFileCheck.emptyFolder(dir.resolve("logs"))).contains("only 2 subfolders (host-a, host-b)")
                .contains("name them");
        Files.writeString(dir.resolve("logs/audit.log"), "x");
        assertThat(InputFileCheck.emptyFolder(dir.resolve("logs"))).isNull();
    }

    @Test
    void everyRecordOfAnOversizedAuditEventIsCountedAndThoseBeyondTheCapSaySo() throws IOException {
        StringBuilder log = new StringBuilder();
        log.append("type=SYSCALL msg=audit(1763600000.100:10): arch=c000003e syscall=59 success=yes exit=0 ppid=1 "
                + "pid=2 auid=1000 uid=0 gid=0 euid=0 comm=\"sh\" exe=\"/bin/sh\"\n");
        for (int i = 0; i < 5000; i++) {
            log.append("type=PATH msg=audit(1763600000.100:10): item=").append(i).append(" name=\"/tmp/f").append(i)
                    .append("\" inode=1 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n");
        }
        Path f = Files.writeString(dir.resolve("huge-event.log"), log);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = importAs(f, sink);
        assertThat(stats.recordsRead()).isEqualTo(5001);
        assertThat(sink.events).hasSize(1);
        assertThat(stats.recordsQuarantined()).isEqualTo(5001 - 4096);
        assertThat(sink.quarantined.get(0).reason()).contains("more than 4096 records");
        Event e = sink.events.get(0);
        assertThat(e.provenance().line()).isEqualTo(1);
    }
}
