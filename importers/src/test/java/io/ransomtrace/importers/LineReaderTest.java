package io.ransomtrace.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    @TempDir
    Path dir;

    record Line(long number, long offset, String text, boolean overlong, long fullLength) {
    }

    private static List<Line> readAll(LineReader r) {
        List<Line> out = new ArrayList<>();
        while (r.next()) {
            out.add(new Line(r.lineNumber(), r.byteOffset(), r.text(), r.overlong(), r.fullLength()));
        }
        return out;
    }

    @Test
    void givesLineNumbersAndByteOffsetsAcrossCrLfAndAMissingFinalNewline() throws IOException {
        Path f = dir.resolve("a.log");
        Files.write(f, "first\r\nsecond é\n\nlast".getBytes(StandardCharsets.UTF_8));
        try (LineReader r = LineReader.open(f)) {
            assertThat(readAll(r)).containsExactly(
                    new Line(1, 0, "first", false, 7 - 1),
                    new Line(2, 7, "second é", false, 9),
                    new Line(3, 17, "", false, 0),
                    new Line(4, 18, "last", false, 4));
            assertThat(r.inputError()).isNull();
        }
    }

    @Test
    void aTenMegabyteLineIsCappedNotReadWholeAndTheNextLineIsIntact() throws IOException {
        Path f = dir.resolve("huge.log");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("before\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (int i = 0; i < 10; i++) out.write(chunk);
            out.write("\nafter\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (LineReader r = LineReader.open(f, 64 * 1024)) {
            List<Line> lines = readAll(r);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1).overlong()).isTrue();
            assertThat(lines.get(1).fullLength()).isEqualTo(10L << 20);
            assertThat(lines.get(1).text()).hasSize(64 * 1024);
            assertThat(lines.get(2)).isEqualTo(new Line(3, 7 + (10L << 20) + 1, "after", false, 5));
            assertThat(r.buffer().length).isLessThan(256 * 1024); // never grew towards the line's size
        }
    }

    @Test
    void readsGzipTransparentlyAndReportsATruncatedGzipAfterDeliveringWhatWasThere() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 5000; i++) {
                gz.write(("line number " + i + " with some text to compress\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] whole = bytes.toByteArray();
        Path complete = dir.resolve("ok.log.gz");
        Files.write(complete, whole);
        try (LineReader r = LineReader.open(complete)) {
            assertThat(r.gzip()).isTrue();
            List<Line> lines = readAll(r);
            assertThat(lines).hasSize(5000);
            assertThat(lines.get(4999).text()).isEqualTo("line number 4999 with some text to compress");
            assertThat(r.inputError()).isNull();
        }
        Path truncated = dir.resolve("cut.log.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        try (LineReader r = LineReader.open(truncated)) {
            List<Line> lines = readAll(r);
            assertThat(lines.size()).isBetween(100, 4999);
            assertThat(lines.get(10).text()).isEqualTo("line number 10 with some text to compress");
            assertThat(r.inputError()).contains("gzip data is damaged or truncated");
        }
        Path header = dir.resolve("header.gz");
        Files.write(header, new byte[]{0x1f, (byte) 0x8b, 8});
        try (LineReader r = LineReader.open(header)) {
            assertThat(r.next()).isFalse();
            assertThat(r.inputError()).contains("gzip header");
        }
    }

    @Test
    void aLineExactlyAtTheCapIsNotOverlongAndOneByteMoreIs() throws IOException {
        int cap = 100_000;
        Path f = dir.resolve("edge.log");
        Files.writeString(f, "a".repeat(cap) + "\n" + "b".repeat(cap + 1) + "\nc\n");
        try (LineReader r = LineReader.open(f, cap)) {
            List<Line> lines = readAll(r);
            assertThat(lines).extracting(Line::overlong).containsExactly(false, true, false);
            assertThat(lines.get(0).text()).hasSize(cap);
            assertThat(lines.get(1).fullLength()).isEqualTo(cap + 1);
            assertThat(lines.get(2)).isEqualTo(new Line(3, 2L * cap + 3, "c", false, 1));
        }
    }

    @Test
    void escapesBinaryBytesForQuarantineText() {
        byte[] junk = {'o', 'k', 0, 1, (byte) 0xff, '\t', 0x1d, 'z'};
        assertThat(LineReader.escape(junk, 0, junk.length)).isEqualTo("ok\\x00\\x01\\ufffd\t\\x1dz");
    }

    @Test
    void emptyInputHasNoLines() throws IOException {
        Path f = dir.resolve("empty.log");
        Files.write(f, new byte[0]);
        try (LineReader r = LineReader.open(f)) {
            assertThat(r.next()).isFalse();
            assertThat(r.lineNumber()).isZero();
        }
    }

    @Test
    void findsTheFirstNewlineWhereverItIsAmongBytesThatDifferFromItByOneBit() {
        // bytes next to '\n' (0x0A) in value or in its high bit are where a word-at-a-time search can go wrong
        byte[] near = {0x0B, 0x09, 0x08, 0x0E, (byte) 0x8A, 0x00, (byte) 0xFF, 0x1A, 0x2A, 0x0A};
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = near[random.nextInt(near.length)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(LineReader.indexOfNewline(b, from, to)).as(Arrays.toString(b) + " from " + from + " to " + to)
                    .isEqualTo(expected);
        }
    }
}
