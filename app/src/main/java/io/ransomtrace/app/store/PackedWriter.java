package io.ransomtrace.app.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with LEB128 varint writes (signed values zig-zag encoded): the packing of the replay
 * chunks and of kept findings. {@link PackedReader} reads it back.
 */
final class PackedWriter {
    private byte[] b;
    private int size;

    PackedWriter(int capacity) {
        b = new byte[Math.max(16, capacity)];
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    int size() {
        return size;
    }

    private void room(int more) {
        if (size + more > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, size + more));
        }
    }

    void put(int v) {
        room(1);
        b[size++] = (byte) v;
    }

    void varint(long v) {
        room(10);
        while ((v & ~0x7FL) != 0) {
            b[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[size++] = (byte) v;
    }

    void signed(long v) {
        varint(zigzag(v));
    }

    void fixed64(long v) {
        room(8);
        for (int i = 0; i < 8; i++) {
            b[size++] = (byte) (v >>> (8 * i));
        }
    }

    /** Length and UTF-8 bytes. */
    void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        room(utf8.length);
        System.arraycopy(utf8, 0, b, size, utf8.length);
        size += utf8.length;
    }

    /** Like {@link #string} with null allowed: the length + 1, 0 for null. */
    void nullableString(String s) {
        if (s == null) {
            varint(0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length + 1L);
        room(utf8.length);
        System.arraycopy(utf8, 0, b, size, utf8.length);
        size += utf8.length;
    }

    void append(PackedWriter other) {
        room(other.size);
        System.arraycopy(other.b, 0, b, size, other.size);
        size += other.size;
    }

    byte[] toArray() {
        return Arrays.copyOf(b, size);
    }
}
