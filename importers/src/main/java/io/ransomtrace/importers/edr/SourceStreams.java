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

    /**
     * A stream over the file's content that also tells how many bytes of the file on disk were consumed. Damaged
     * or truncated gzip data ends the content where the damage starts instead of failing the read: what came
     * before it is read as usual, and {@link #damage()} says what happened (the importer quarantines it).
     */
    public static final class Opened extends FilterInputStream {
        private final io.ransomtrace.importers.CountingInputStream raw;
        private final long totalBytes;
        private final boolean gzip;
        private String damage;
        private long delivered;

        Opened(InputStream content, io.ransomtrace.importers.CountingInputStream raw, long totalBytes, boolean gzip,
               String damage) {
            super(content);
            this.raw = raw;
            this.totalBytes = totalBytes;
            this.gzip = gzip;
            this.damage = damage;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (damage != null) {
                return -1;
            }
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    delivered += n;
                }
                return n;
            } catch (IOException e) {
                if (!gzip) {
                    throw e; // a failing disk is not damaged data: the importer says the file could not be read
                }
                damage = "gzip data is damaged or truncated after " + delivered + " bytes of content ("
                        + e.getMessage() + "); the rest of the file could not be read";
                return -1;
            }
        }

        /** Why the content ended early (damaged gzip), or null when it was read to its end. */
        public String damage() {
            return damage;
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
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        String damage = null;
        if (gzip) {
            try {
                content = new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024), 64 * 1024);
            } catch (IOException e) {
                content = InputStream.nullInputStream();
                damage = "gzip header is damaged or truncated (" + e.getMessage() + "); nothing could be read";
            }
        }
        return new Opened(content, raw, size, gzip, damage);
    }

    /** The first {@code max} bytes of a file's (decompressed) content, for sniffing. */
    public static byte[] head(Path path, int max) throws IOException {
        try (Opened in = open(path)) {
            return in.readNBytes(max);
        }
    }
}
