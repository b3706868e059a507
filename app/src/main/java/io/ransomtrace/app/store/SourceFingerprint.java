package io.ransomtrace.app.store;

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

/**
 * Recognising a file that is already in the case. The full SHA-256 of a gigabyte costs about a second, so the
 * import first compares a cheap fingerprint (size and the digest of the first and last 64 KiB): files with
 * different fingerprints are certainly different, and only on a fingerprint match is the full digest computed
 * to confirm. The full digest of every imported file is still computed (alongside the import) and stored.
 */
public final class SourceFingerprint {
    private static final int EDGE = 64 * 1024;

    private SourceFingerprint() {
    }

    public static String of(Path file) throws IOException {
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

    /** The SHA-256 of the whole file, hex; {@code cancelled} is polled so a long digest can be abandoned. */
    public static String sha256(Path file, java.util.function.BooleanSupplier cancelled) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                md.update(buf, 0, n);
            }
        }
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
