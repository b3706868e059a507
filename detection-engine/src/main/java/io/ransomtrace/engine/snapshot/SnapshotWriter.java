package io.ransomtrace.engine.snapshot;

import io.ransomtrace.engine.model.Credentials;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The low-level half of a detector snapshot: compact numbers (variable-length), strings written once and then
 * referred to by number (host names, executables and directories repeat a lot), and shared objects (a process
 * is referred to by the process table, by campaigns and by caches) written once and then by number, so that
 * restoring rebuilds the same object graph. Paired with {@link SnapshotReader}, which reads in the same order.
 */
public final class SnapshotWriter {
    private final DataOutput out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Object, Integer> shared = new IdentityHashMap<>();

    public SnapshotWriter(DataOutput out) {
        this.out = out;
    }

    public void writeBoolean(boolean v) throws IOException {
        out.writeByte(v ? 1 : 0);
    }

    public void writeByte(int v) throws IOException {
        out.writeByte(v);
    }

    /** A zig-zag variable-length int: small values of either sign take one byte. */
    public void writeInt(int v) throws IOException {
        writeLong(v);
    }

    /** A zig-zag variable-length long. */
    public void writeLong(long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    /** A long written as its 8 bytes (hashes: a variable-length encoding would only make them longer). */
    public void writeFixedLong(long v) throws IOException {
        out.writeLong(v);
    }

    public void writeDouble(double v) throws IOException {
        out.writeDouble(v);
    }

    public void writeInts(int[] values, int count) throws IOException {
        writeInt(count);
        for (int i = 0; i < count; i++) {
            writeInt(values[i]);
        }
    }

    public void writeLongs(long[] values, int count) throws IOException {
        writeInt(count);
        for (int i = 0; i < count; i++) {
            writeLong(values[i]);
        }
    }

    /** A byte array (not null) with its length. */
    public void writeBytes(byte[] bytes) throws IOException {
        writeInt(bytes.length);
        out.write(bytes);
    }

    /** A string or null; a string already written is written as its number. */
    public void writeString(String s) throws IOException {
        if (s == null) {
            writeInt(0);
            return;
        }
        Integer known = strings.get(s);
        if (known != null) {
            writeInt(known + 2);
            return;
        }
        strings.put(s, strings.size());
        writeInt(1);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        out.write(bytes);
    }

    /** A collection of strings (null written as an empty one). */
    public void writeStrings(Collection<String> values) throws IOException {
        if (values == null) {
            writeInt(0);
            return;
        }
        writeInt(values.size());
        for (String s : values) {
            writeString(s);
        }
    }

    public void writeInstant(Instant t) throws IOException {
        writeBoolean(t != null);
        if (t != null) {
            writeLong(t.getEpochSecond());
            writeInt(t.getNano());
        }
    }

    /** An enum constant or null, by ordinal. */
    public void writeEnum(Enum<?> e) throws IOException {
        writeInt(e == null ? -1 : e.ordinal());
    }

    /**
     * Credentials, keeping {@link Credentials#UNKNOWN} apart from an equal-looking instance: the detector tests
     * for that constant by identity ("nothing is known of this process yet").
     */
    public void writeCredentials(Credentials c) throws IOException {
        if (c == null) {
            writeByte(0);
            return;
        }
        if (c == Credentials.UNKNOWN) {
            writeByte(1);
            return;
        }
        writeByte(2);
        writeLong(c.uid());
        writeLong(c.euid());
        writeLong(c.gid());
        writeLong(c.loginUid());
        writeLong(c.session());
        writeString(c.user());
        writeString(c.loginUser());
    }

    /**
     * Starts writing a reference to a shared object. Returns true when the object is new to this snapshot: the
     * caller must then write its content right away (the reader creates it, registers it, then reads the
     * content). Null and objects already written take a number only.
     */
    public boolean writeReference(Object o) throws IOException {
        if (o == null) {
            writeInt(0);
            return false;
        }
        Integer known = shared.get(o);
        if (known != null) {
            writeInt(known + 2);
            return false;
        }
        shared.put(o, shared.size());
        writeInt(1);
        return true;
    }
}
