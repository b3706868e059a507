package io.ransomtrace.app.store;

import io.ransomtrace.app.importing.SourceResult;
import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same log is the same source however it travelled: gzipped, or with Windows line ends. */
class SourceFingerprintTest {

    @TempDir
    Path dir;

    private static String fingerprint(Path file) throws IOException {
        return SourceFingerprint.of(io.ransomtrace.importers.InputFileCheck.head(file, SourceFingerprint.HEAD_BYTES));
    }

    private Path gzip(Path plain) throws IOException {
        Path gz = dir.resolve(plain.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        return gz;
    }

    private Path crlf(Path plain) throws IOException {
        Path windows = dir.resolve("crlf-" + plain.getFileName());
        Files.writeString(windows, Files.readString(plain, StandardCharsets.ISO_8859_1).replace("\n", "\r\n"),
                StandardCharsets.ISO_8859_1);
        return windows;
    }

    @Test
    void gzipAndCrlfCopiesHaveTheSameContentDigestButTheirOwnFileDigest() throws IOException {
        Path plain = TinyLogWriter.campaign(dir.resolve("audit.log"), 30_000); // > 1 MiB: several reads
        SourceFingerprint.Digests d = SourceFingerprint.digests(plain, () -> false);
        assertThat(d.contentSha256()).isEqualTo(d.fileSha256());
        for (Path copy : new Path[]{gzip(plain), crlf(plain), gzip(crlf(plain))}) {
            SourceFingerprint.Digests c = SourceFingerprint.digests(copy, () -> false);
            assertThat(c.contentSha256()).as(copy.toString()).isEqualTo(d.contentSha256());
            assertThat(c.fileSha256()).as(copy.toString()).isNotEqualTo(d.fileSha256());
            assertThat(fingerprint(copy)).as(copy.toString()).isEqualTo(fingerprint(plain));
        }
    }

    @Test
    void aCrlfSplitAcrossReadsAndLoneCarriageReturnsAreHandled() throws IOException {
        byte[] content = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(content, (byte) 'a');
        content[(1 << 20) - 1] = '\r'; // the CR ends the first 1 MiB read, its LF starts the next
        content[1 << 20] = '\n';
        content[5] = '\r'; // a lone CR is content
        Path windows = Files.write(dir.resolve("split.log"), content);
        byte[] unix = new byte[content.length - 1];
        System.arraycopy(content, 0, unix, 0, (1 << 20) - 1);
        System.arraycopy(content, 1 << 20, unix, (1 << 20) - 1, content.length - (1 << 20));
        Path plain = Files.write(dir.resolve("plain.log"), unix);
        assertThat(SourceFingerprint.digests(windows, () -> false).contentSha256())
                .isEqualTo(SourceFingerprint.digests(plain, () -> false).contentSha256());
        Path loneCr = Files.writeString(dir.resolve("lone.log"), "a\rb\n");
        Path noCr = Files.writeString(dir.resolve("no.log"), "ab\n");
        assertThat(SourceFingerprint.digests(loneCr, () -> false).contentSha256())
                .isNotEqualTo(SourceFingerprint.digests(noCr, () -> false).contentSha256());
    }

    @Test
    void theWordAtATimeCrlfSearchFindsWhatAByteByByteSearchFinds() {
        java.util.Random r = new java.util.Random(5);
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[r.nextInt(64)];
            for (int i = 0; i < b.length; i++) {
                int k = r.nextInt(10);
                b[i] = (byte) (k == 0 ? '\r' : k == 1 ? '\n' : 'a' + k);
            }
            int expected = -1;
            for (int i = 0; i + 1 < b.length; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(SourceFingerprint.firstCrlf(b, b.length)).as(java.util.Arrays.toString(b)).isEqualTo(expected);
        }
    }

    @Test
    void theSameLogGzippedOrWithCrlfIsNotImportedTwice() throws IOException {
        Path plain = TinyLogWriter.campaign(dir.resolve("audit.log"), 2_000);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            assertThat(Imports.importFiles(store, plain).sources()).singleElement()
                    .extracting(SourceResult::outcome).isEqualTo(SourceResult.Outcome.IMPORTED);
            for (Path copy : new Path[]{gzip(plain), crlf(plain)}) {
                assertThat(Imports.importFiles(store, copy).sources()).singleElement().satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(SourceResult.Outcome.DUPLICATE);
                    assertThat(r.message()).contains("already in the case as source #1");
                });
            }
            assertThat(store.queries().sources()).singleElement().satisfies(s -> {
                assertThat(s.sha256()).isEqualTo(SourceFingerprint.digests(plain, () -> false).fileSha256());
            });
        }
    }
}
