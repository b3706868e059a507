package io.ransomtrace.importers;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams the lines of a (possibly gzip-compressed) file with their line numbers and byte offsets, without
 * ever holding more than one bounded line in memory.
 *
 * <p>A line longer than {@code maxLineBytes} is not read whole: {@link #overlong()} is true, the current line
 * holds only its first {@code maxLineBytes} bytes, the rest is skipped up to the next newline and
 * {@link #fullLength()} tells how long it really was. A damaged or truncated gzip stream ends the input early
 * instead of throwing: {@link #inputError()} then says what happened (the partial last line, if any, is still
 * delivered).
 *
 * <p>The current line is exposed as a slice of an internal buffer ({@link #buffer()}, {@link #start()},
 * {@link #length()}), valid until the next call to {@link #next()}; {@link #text()} copies it into a String.
 */
public final class LineReader implements Closeable {

    /** Enough for any audit record (the kernel caps them below 9 KB) and for long JSON events. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final CountingInputStream counter;
    private final long totalBytes;
    private final int maxLineBytes;
    private final boolean gzip;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] carry;
    private int carryLen;

    private int lineStart;
    private int lineLength;
    private long lineNumber;
    private long lineOffset;
    private long nextOffset;
    private boolean overlong;
    private long fullLength;
    private String inputError;

    private LineReader(InputStream raw, CountingInputStream counter, long totalBytes, boolean gzip,
                       int maxLineBytes) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes too small: " + maxLineBytes);
        }
        this.in = raw;
        this.counter = counter;
        this.totalBytes = totalBytes;
        this.gzip = gzip;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.min(CHUNK, maxLineBytes) + CHUNK];
    }

    /** Opens a file, decompressing it when it starts with the gzip magic bytes. */
    public static LineReader open(Path path) throws IOException {
        return open(path, DEFAULT_MAX_LINE_BYTES);
    }

    public static LineReader open(Path path, int maxLineBytes) throws IOException {
        long size = Files.size(path);
        CountingInputStream counting = new CountingInputStream(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(counting, CHUNK);
        try {
            if (startsWithGzipMagic(buffered)) {
                InputStream gz;
                try {
                    gz = new GZIPInputStream(buffered, CHUNK);
                } catch (IOException e) {
                    // A gzip header cut short: nothing to read, but say so instead of failing the import.
                    LineReader empty = new LineReader(InputStream.nullInputStream(), counting, size, true, maxLineBytes);
                    empty.inputError = "gzip header is damaged or truncated: " + e.getMessage();
                    buffered.close();
                    return empty;
                }
                return new LineReader(gz, counting, size, true, maxLineBytes);
            }
            return new LineReader(buffered, counting, size, false, maxLineBytes);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    /** Reads lines from an already decompressed stream (the caller closes it through this reader). */
    public static LineReader of(InputStream in, int maxLineBytes) {
        CountingInputStream counting = new CountingInputStream(in);
        return new LineReader(counting, counting, -1, false, maxLineBytes);
    }

    /** True when the file starts with the two gzip magic bytes. */
    public static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** Advances to the next line; false at the end of the input (or where a damaged input stopped). */
    public boolean next() {
        if (carry != null) {
            System.arraycopy(carry, 0, buf, 0, carryLen);
            pos = 0;
            limit = carryLen;
            carry = null;
        }
        overlong = false;
        int scanFrom = pos;
        while (true) {
            int nl = indexOfNewline(buf, scanFrom, limit);
            if (nl >= 0) {
                int len = nl - pos;
                if (len > maxLineBytes) {
                    // Found the end, but it is already past the cap (the buffer grew for an earlier line).
                    deliver(pos, maxLineBytes, len, 1);
                    pos = nl + 1;
                    overlong = true;
                    return true;
                }
                deliver(pos, len, len, 1);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    int len = limit - pos;
                    deliver(pos, Math.min(len, maxLineBytes), len, 0);
                    overlong = len > maxLineBytes;
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (limit - pos > maxLineBytes) {
                skipRestOfOverlongLine();
                return true;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                scanFrom -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                int newSize = (int) Math.min((long) buf.length * 2, (long) maxLineBytes + CHUNK);
                byte[] bigger = new byte[newSize];
                System.arraycopy(buf, 0, bigger, 0, limit);
                buf = bigger;
            }
            scanFrom = limit;
            fill();
        }
    }

    private void fill() {
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            eof = true;
            inputError = describe(e);
        }
    }

    private String describe(IOException e) {
        String what = gzip ? "gzip data is damaged or truncated" : "read error";
        return what + " after line " + lineNumber + " (" + nextOffset + " bytes decompressed): " + e.getMessage();
    }

    /** The current line is longer than the cap: keep its first maxLineBytes, drop the rest up to the newline. */
    private void skipRestOfOverlongLine() {
        long skipped = (long) (limit - pos) - maxLineBytes;
        byte[] scratch = new byte[CHUNK];
        int terminator = 0;
        while (true) {
            int n;
            try {
                n = in.read(scratch, 0, scratch.length);
            } catch (IOException e) {
                eof = true;
                inputError = describe(e);
                break;
            }
            if (n < 0) {
                eof = true;
                break;
            }
            int nl = indexOfNewline(scratch, 0, n);
            if (nl >= 0) {
                skipped += nl;
                terminator = 1;
                carryLen = n - nl - 1;
                carry = new byte[Math.max(carryLen, 1)];
                System.arraycopy(scratch, nl + 1, carry, 0, carryLen);
                break;
            }
            skipped += n;
        }
        deliver(pos, maxLineBytes, (long) maxLineBytes + skipped, terminator);
        overlong = true;
        pos = limit;
        if (carry == null) {
            // no more data after this line: make the next call see an empty buffer at eof
            carry = new byte[1];
            carryLen = 0;
        }
    }

    private void deliver(int start, int length, long full, int terminatorBytes) {
        int len = length;
        if (full == length && len > 0 && buf[start + len - 1] == '\r') {
            len--;
        }
        lineStart = start;
        lineLength = len;
        lineNumber++;
        lineOffset = nextOffset;
        fullLength = full;
        nextOffset += full + terminatorBytes;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Eight bytes at a time (the JIT does not vectorise a search loop, and this looks at every byte of the input):
     * XOR with newlines turns a newline into a zero byte, and {@code (w - 0x01..) & ~w & 0x80..} marks the lowest
     * zero byte exactly (a borrow can only mark bytes above it).
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return lineStart;
    }

    /** Bytes of the current line as delivered (without the line terminator, capped for overlong lines). */
    public int length() {
        return lineLength;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Offset of the current line's first byte in the decompressed input. */
    public long byteOffset() {
        return lineOffset;
    }

    /** True when the current line was longer than the cap and only its beginning is available. */
    public boolean overlong() {
        return overlong;
    }

    /** The real length of the current line in bytes, even when it was overlong. */
    public long fullLength() {
        return fullLength;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** True when the current line has no non-whitespace byte. */
    public boolean isBlank() {
        for (int i = lineStart, end = lineStart + lineLength; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The current line decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String text() {
        return new String(buf, lineStart, lineLength, StandardCharsets.UTF_8);
    }

    /** The current line as safe, capped text for a quarantine entry. */
    public String quarantineText() {
        return escape(buf, lineStart, Math.min(lineLength, QuarantinedRecord.RAW_TEXT_CAP * 2));
    }

    /** What stopped the input early (damaged gzip, read error), or null when it was read to its end. */
    public String inputError() {
        return inputError;
    }

    public boolean gzip() {
        return gzip;
    }

    /** Bytes of the file on disk consumed so far (compressed bytes for gzip input). */
    public long fileBytesRead() {
        return counter.count();
    }

    /** Size of the file on disk, or -1 when reading a stream. */
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Renders bytes as readable text: valid UTF-8 stays as is, control characters and invalid bytes become
     * {@code \xNN} escapes (tab is kept), so binary junk in a quarantine entry cannot corrupt a view or a report.
     */
    public static String escape(byte[] b, int start, int length) {
        String decoded = new String(b, start, length, StandardCharsets.UTF_8);
        StringBuilder sb = null;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || c == '\uFFFD';
            if (bad && sb == null) {
                sb = new StringBuilder(decoded.length() + 16);
                sb.append(decoded, 0, i);
            }
            if (sb != null) {
                if (bad) {
                    sb.append(c == '\uFFFD' ? "\\ufffd" : String.format("\\x%02x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? decoded : sb.toString();
    }
}
