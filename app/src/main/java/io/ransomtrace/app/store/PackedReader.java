package io.ransomtrace.app.store;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link PackedWriter} wrote; running past the end throws (the caller reports a damaged record). */
final class PackedReader {
    private final byte[] b;
    private int pos;

    PackedReader(byte[] b) {
        this.b = b;
    }

    boolean atEnd() {
        return pos == b.length;
    }

    int remaining() {
        return b.length - pos;
    }

    int get() {
        return b[pos++];
    }

    long varint() {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[pos++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalArgumentException("a varint longer than 64 bits");
            }
        }
    }

    long signed() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    long fixed64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (b[pos++] & 0xFFL) << (8 * i);
        }
        return v;
    }

    String string() {
        int len = (int) varint();
        String s = new String(b, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    String nullableString() {
        long len = varint();
        if (len == 0) {
            return null;
        }
        String s = new String(b, pos, (int) len - 1, StandardCharsets.UTF_8);
        pos += (int) len - 1;
        return s;
    }
}
