package io.ransomtrace.app.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Recognising a file that is already in the case, by what it holds: the same log gzipped, or with Windows line
 * ends, is the same source. The full digest of a gigabyte costs about a second, so the import first compares a
 * cheap fingerprint (the digest of the first 64 KiB of content, decompressed, CRLF as LF): files with different
 * fingerprints certainly differ, and only on a fingerprint match is the full content digest computed to confirm.
 * Both digests of every imported file are still computed (alongside the import, in one pass) and stored:
 * {@code sha256} of the file as it is on disk (chain of custody) and {@code content_sha256} of its content.
 *
 * <p>Cases made before content digests existed hold {@link #legacy} fingerprints (size and the first and last
 * 64 KiB of the file's bytes) and file digests; those are still recognised.
 */
public final class SourceFingerprint {
    private static final int EDGE = 64 * 1024;
    private static final String CONTENT_PREFIX = "c1:";

    /** The digests of one file: of its bytes on disk, and of its content (decompressed, CRLF as LF). */
    public record Digests(String fileSha256, String contentSha256) {
    }

    private SourceFingerprint() {
    }

    /**
     * How much of a file's (decompressed) content {@link #of} needs: twice 64 KiB, since CRLF content is longer and
     * the same 64 KiB of normalised content must be compared.
     */
    public static final int HEAD_BYTES = 2 * EDGE;

    /**
     * The content fingerprint: {@code c1:} and the digest of the first 64 KiB of normalised content.
     *
     * @param head the first {@link #HEAD_BYTES} bytes of the file's content, decompressed (the importers' bounded
     *             head reader gives them)
     */
    public static String of(byte[] head) {
        byte[] normalised = new byte[head.length];
        int n = 0;
        for (int i = 0; i < head.length && n < EDGE; i++) {
            if (head[i] == '\r' && i + 1 < head.length && head[i + 1] == '\n') {
                continue;
            }
            normalised[n++] = head[i];
        }
        MessageDigest md = sha256();
        md.update(normalised, 0, n);
        return CONTENT_PREFIX + hex(md);
    }

    /** The fingerprint older cases hold: size and the digest of the first and last 64 KiB of the file's bytes. */
    public static String legacy(Path file) throws IOException {
        MessageDigest md = sha256();
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            digestRange(ch, 0, Math.min(EDGE, size), md);
            if (size > EDGE) {
                long start = Math.max(EDGE, size - EDGE);
                digestRange(ch, start, size - start, md);
            }
        }
        return size + ":" + HexFormat.of().formatHex(md.digest());
    }

    private static void digestRange(FileChannel ch, long position, long length, MessageDigest md) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        md.update(buf);
    }

    /**
     * Both digests in one read of the file; null when cancelled. For an uncompressed file without CRLF (the
     * common case) the content digest is the file digest and costs nothing more; a damaged gzip stream gives the
     * digest of what could be decompressed.
     */
    public static Digests digests(Path file, BooleanSupplier cancelled) throws IOException {
        MessageDigest raw = sha256();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                LineEnds content = new LineEnds(sha256());
                // The gzip stream must not close the file's: a damaged one leaves the rest of the file to digest.
                InputStream keptOpen = new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {
                    }
                };
                try (InputStream gz = new GZIPInputStream(new java.security.DigestInputStream(keptOpen, raw), 1 << 16)) {
                    int n;
                    while ((n = gz.read(buf)) > 0) {
                        if (cancelled.getAsBoolean()) {
                            return null;
                        }
                        content.update(buf, 0, n);
                    }
                } catch (IOException damaged) {
                    in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), raw));
                }
                return new Digests(hex(raw), content.hex());
            }
            LineEnds content = null;
            MessageDigest beforeTrailingCr = null;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                if (content != null) {
                    raw.update(buf, 0, n);
                    content.update(buf, 0, n);
                    continue;
                }
                // Until the first CRLF the content digest is the file digest; at it, it branches off (a copy of
                // the file digest's state) and leaves out the CRs of CRLF pairs from there on.
                int cr = beforeTrailingCr != null && buf[0] == '\n' ? 0 : firstCrlf(buf, n);
                if (cr == 0 && beforeTrailingCr != null) {
                    content = new LineEnds(beforeTrailingCr); // the previous read ended with the pair's CR
                } else if (cr >= 0) {
                    raw.update(buf, 0, cr);
                    content = new LineEnds(clone(raw));
                }
                beforeTrailingCr = null;
                if (content != null) {
                    raw.update(buf, cr, n - cr);
                    content.update(buf, cr, n - cr);
                } else if (buf[n - 1] == '\r') {
                    raw.update(buf, 0, n - 1);
                    beforeTrailingCr = clone(raw);
                    raw.update(buf, n - 1, 1);
                } else {
                    raw.update(buf, 0, n);
                }
            }
            String fileDigest = hex(raw);
            return new Digests(fileDigest, content == null ? fileDigest : content.hex());
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

    /**
     * The first CRLF in {@code buf[0, n)}, or -1. Runs on every byte of every imported file, so it skips eight bytes
     * at a time that hold no CR (the classic "has a zero byte" test on the bytes XOR CR).
     */
    static int firstCrlf(byte[] buf, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ CRS;
            if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0) {
                break; // a CR somewhere in these eight bytes: look byte by byte from here
            }
        }
        for (; i + 1 < n; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                return i;
            }
            if (buf[i] != '\r' && (i & 7) == 0 && i + 8 <= n) {
                long x = (long) LONGS.get(buf, i) ^ CRS;
                if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) == 0) {
                    i += 7; // no CR in the next eight bytes
                }
            }
        }
        return -1;
    }

    /** Feeds bytes to a digest with every CR that precedes an LF left out. */
    private static final class LineEnds {
        private final MessageDigest digest;
        private boolean pendingCr;

        LineEnds(MessageDigest digest) {
            this.digest = digest;
        }

        void update(byte[] b, int from, int length) {
            int start = from;
            int end = from + length;
            for (int i = from; i < end; i++) {
                byte c = b[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c != '\n') {
                        digest.update((byte) '\r');
                    }
                }
                if (c == '\r') {
                    digest.update(b, start, i - start);
                    pendingCr = true;
                    start = i + 1;
                }
            }
            digest.update(b, start, end - start);
        }

        /** The digest, with a CR that ended the content (not followed by LF) counted. */
        String hex() {
            if (pendingCr) {
                digest.update((byte) '\r');
                pendingCr = false;
            }
            return SourceFingerprint.hex(digest);
        }
    }

    private static MessageDigest clone(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    private static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
