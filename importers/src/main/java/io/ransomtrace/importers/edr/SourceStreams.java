package io.ransomtrace.importers.edr;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens an import source, decompressing gzip transparently, and counts the compressed bytes consumed for progress. */
public final class SourceStreams {

    private SourceStreams() {
    }

    /** A stream over the file's content that also tells how many bytes of the file on disk were consumed. */
    public static final class Opened extends FilterInputStream {
        private final io.ransomtrace.importers.CountingInputStream raw;
        private final long totalBytes;

        Opened(InputStream content, io.ransomtrace.importers.CountingInputStream raw, long totalBytes) {
            super(content);
            this.raw = raw;
            this.totalBytes = totalBytes;
        }

        public long compressedBytesRead() {
            return raw.count();
        }

        public long totalBytes() {
            return totalBytes;
        }
    }

    public static Opened open(Path path) throws IOException {
        long size = Files.size(path);
        io.ransomtrace.importers.CountingInputStream raw = new io.ransomtrace.importers.CountingInputStream(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(raw, 64 * 1024);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream content = buffered;
        if (b1 == 0x1f && b2 == 0x8b) {
            content = new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024), 64 * 1024);
        }
        return new Opened(content, raw, size);
    }

    /** The first {@code max} bytes of a file's (decompressed) content, for sniffing. */
    public static byte[] head(Path path, int max) throws IOException {
        try (Opened in = open(path)) {
            return in.readNBytes(max);
        }
    }
}
