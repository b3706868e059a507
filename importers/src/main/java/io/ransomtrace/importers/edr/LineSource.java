package io.ransomtrace.importers.edr;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads text lines from a byte stream with a hard cap on how much of one line is kept in memory. A line longer
 * than the cap is still consumed to its end (so the next line starts in the right place) but only its first
 * {@code maxLineBytes} bytes are kept, and {@link Line#overLong()} says so: a 10 MB line costs at most the cap.
 *
 * <p>Line numbers are 1-based; byte offsets count from the start of the (decompressed) stream. Both LF and CRLF
 * endings are accepted; the CR is dropped.
 */
public final class LineSource implements Closeable {

    /** One line as read: the kept text, where it started, and its full length in bytes. */
    public record Line(long number, long byteOffset, String text, long lengthBytes, boolean overLong) {
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private long bufferStartOffset;
    private long lineNumber;
    private boolean eof;
    private byte[] lineBytes = new byte[256];

    public LineSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes consumed so far. */
    public long position() {
        return bufferStartOffset + pos;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (eof && pos >= limit) {
            return null;
        }
        long start = position();
        int kept = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int from = pos;
            int newline = -1;
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline >= 0 ? newline : limit;
            int chunk = end - from;
            total += chunk;
            int room = maxLineBytes - kept;
            if (room > 0) {
                int copy = Math.min(room, chunk);
                ensureCapacity(kept + copy);
                System.arraycopy(buffer, from, lineBytes, kept, copy);
                kept += copy;
            }
            if (newline >= 0) {
                pos = newline + 1;
                break;
            }
            pos = limit;
        }
        lineNumber++;
        boolean overLong = total > maxLineBytes;
        int textLen = kept;
        if (!overLong && textLen > 0 && lineBytes[textLen - 1] == '\r') {
            textLen--;
            total--;
        }
        String text = new String(lineBytes, 0, textLen, StandardCharsets.UTF_8);
        if (lineBytes.length > 1 << 20 && !overLong) {
            lineBytes = new byte[256]; // do not keep a huge buffer alive after one long line
        }
        return new Line(lineNumber, start, text, total, overLong);
    }

    private void ensureCapacity(int needed) {
        if (needed > lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, Math.max(needed, Math.min(maxLineBytes, lineBytes.length * 2)));
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        bufferStartOffset += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buffer, 0, BUFFER);
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
