package io.ransomtrace.importers.auditd;

import io.ransomtrace.importers.Fixtures;
import io.ransomtrace.importers.QuarantinedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input never crashes the import and never loses what could be read. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void binaryJunkIsQuarantinedLineByLineWithEscapedText() throws IOException {
        byte[] junk = new byte[20_000];
        new Random(7).nextBytes(junk);
        Path f = dir.resolve("junk.bin");
        Files.write(f, junk);
        Imports r = Imports.of(f);
        assertThat(r.sink.events).isEmpty();
        assertThat(r.stats.recordsQuarantined()).isEqualTo(r.stats.recordsRead()).isPositive();
        QuarantinedRecord q = r.sink.quarantined.get(0);
        assertThat(q.reason()).contains("not an audit record");
        assertThat(q.rawText()).doesNotContain("\u0000");
    }

    @Test
    void aTenMegabyteLineIsQuarantinedWithCappedTextAndTheNeighboursAreImported() throws IOException {
        Path f = dir.resolve("audit.log");
        String before = Files.readString(Fixtures.auditd("otrf-security-datasets/sh_binary_padding_dd_2020-11-10081941.log"));
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(before.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            out.write("type=EXECVE msg=audit(1.0:1): a0=".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10; i++) out.write(chunk);
            out.write('\n');
            out.write(Files.readAllBytes(Fixtures.auditd("otrf-security-datasets/sh_arp_cache_2020-11-10074812.log")));
        }
        Imports r = Imports.of(f);
        assertThat(r.sink.quarantined).hasSize(1);
        QuarantinedRecord q = r.sink.quarantined.get(0);
        assertThat(q.line()).isEqualTo(7);
        assertThat(q.byteOffset()).isEqualTo(before.getBytes(StandardCharsets.UTF_8).length);
        assertThat(q.reason()).contains("10485793 bytes");
        assertThat(q.rawText().length()).isLessThan(QuarantinedRecord.RAW_TEXT_CAP + 32);
        assertThat(r.stats.events()).isEqualTo(3); // one before the monster line, two after it
    }

    @Test
    void aTruncatedGzipKeepsTheEventsBeforeTheCutAndSaysWhatHappened() throws IOException {
        byte[] log = Files.readAllBytes(Fixtures.laurel("laurel-testdata/shell-proc-trace-confusion.txt"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 20; i++) out.write(log); // big enough to span several deflate blocks
        }
        byte[] whole = gz.toByteArray();
        Path f = dir.resolve("audit.log.1.gz");
        Files.write(f, Arrays.copyOf(whole, whole.length * 2 / 3));
        Imports r = Imports.of(f);
        assertThat(r.stats.events()).isGreaterThan(100);
        QuarantinedRecord last = r.sink.quarantined.get(r.sink.quarantined.size() - 1);
        assertThat(last.line()).isZero();
        assertThat(last.reason()).contains("gzip data is damaged or truncated");
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        Path f = dir.resolve("audit.log");
        Files.write(f, new byte[0]);
        Imports r = Imports.of(f);
        assertThat(r.sink.events).isEmpty();
        assertThat(r.sink.quarantined).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("empty"));
    }

    @Test
    void cancellationStopsEarlyWithPartialStats() throws IOException {
        Path f = dir.resolve("audit.log");
        String one = Files.readString(Fixtures.laurel("laurel-testdata/shell-proc-trace.txt"));
        Files.writeString(f, one.repeat(200));
        io.ransomtrace.importers.CollectingSink sink = new io.ransomtrace.importers.CollectingSink() {
            @Override
            public boolean cancelled() {
                return events.size() > 50;
            }
        };
        var stats = new AuditdImporter(io.ransomtrace.importers.Format.AUDITD_RAW)
                .importSource(new io.ransomtrace.importers.SourceFile(1, f, io.ransomtrace.importers.Format.AUDITD_RAW), sink);
        assertThat(stats.cancelled()).isTrue();
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(stats.events()).isLessThan(200L * 9);
    }
}
