package io.ransomtrace.engine.snapshot;

import io.ransomtrace.engine.model.Credentials;

import java.io.DataInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads what {@link SnapshotWriter} wrote, in the same order. Malformed input ends in a {@link SnapshotFormatException}. */
public final class SnapshotReader {
    /** No string, list or table in a detector's state comes near this; larger means a corrupt snapshot. */
    private static final int MAX_LENGTH = 1 << 26;

    private final DataInput in;
    private final List<String> strings = new ArrayList<>();
    private final List<Object> shared = new ArrayList<>();

    public SnapshotReader(DataInput in) {
        this.in = in;
    }

    public boolean readBoolean() throws IOException {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new SnapshotFormatException("corrupt snapshot: boolean byte " + b);
        }
        return b == 1;
    }

    public int readByte() throws IOException {
        return in.readUnsignedByte();
    }

    public int readInt() throws IOException {
        long v = readLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new SnapshotFormatException("corrupt snapshot: " + v + " where an int was expected");
        }
        return (int) v;
    }

    public long readLong() throws IOException {
        long z = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.readUnsignedByte();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new SnapshotFormatException("corrupt snapshot: variable-length number too long");
    }

    public long readFixedLong() throws IOException {
        return in.readLong();
    }

    public double readDouble() throws IOException {
        return in.readDouble();
    }

    /** A length or count: never negative, never absurd. */
    public int readLength() throws IOException {
        int n = readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new SnapshotFormatException("corrupt snapshot: length " + n);
        }
        return n;
    }

    public int[] readInts(int minCapacity) throws IOException {
        int n = readLength();
        int[] v = new int[Math.max(n, minCapacity)];
        for (int i = 0; i < n; i++) {
            v[i] = readInt();
        }
        return v;
    }

    public long[] readLongs(int minCapacity) throws IOException {
        int n = readLength();
        long[] v = new long[Math.max(n, minCapacity)];
        for (int i = 0; i < n; i++) {
            v[i] = readLong();
        }
        return v;
    }

    public byte[] readBytes() throws IOException {
        byte[] bytes = new byte[readLength()];
        in.readFully(bytes);
        return bytes;
    }

    public String readString() throws IOException {
        int tag = readInt();
        if (tag == 0) {
            return null;
        }
        if (tag == 1) {
            int n = readLength();
            byte[] bytes = new byte[n];
            in.readFully(bytes);
            String s = new String(bytes, StandardCharsets.UTF_8);
            strings.add(s);
            return s;
        }
        int index = tag - 2;
        if (index < 0 || index >= strings.size()) {
            throw new SnapshotFormatException("corrupt snapshot: string #" + index + " not defined");
        }
        return strings.get(index);
    }

    /** Reads a string collection into {@code target} and returns it. */
    public <C extends Collection<String>> C readStrings(C target) throws IOException {
        int n = readLength();
        for (int i = 0; i < n; i++) {
            target.add(readString());
        }
        return target;
    }

    public List<String> readStringList() throws IOException {
        return readStrings(new ArrayList<>());
    }

    public Instant readInstant() throws IOException {
        if (!readBoolean()) {
            return null;
        }
        long seconds = readLong();
        int nanos = readInt();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public <E extends Enum<E>> E readEnum(E[] values) throws IOException {
        int ordinal = readInt();
        if (ordinal == -1) {
            return null;
        }
        if (ordinal < 0 || ordinal >= values.length) {
            throw new SnapshotFormatException("corrupt snapshot: no " + values.getClass().getComponentType().getSimpleName()
                    + " number " + ordinal);
        }
        return values[ordinal];
    }

    public Credentials readCredentials() throws IOException {
        int tag = readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> Credentials.UNKNOWN;
            case 2 -> new Credentials(readLong(), readLong(), readLong(), readLong(), readLong(), readString(),
                    readString());
            default -> throw new SnapshotFormatException("corrupt snapshot: credentials tag " + tag);
        };
    }

    /** What {@link SnapshotWriter#writeReference} wrote: {@link #NULL}, {@link #NEW}, or the number of a known object. */
    public int readReference() throws IOException {
        int tag = readInt();
        if (tag == 0) {
            return NULL;
        }
        if (tag == 1) {
            return NEW;
        }
        int index = tag - 2;
        if (index < 0 || index >= shared.size()) {
            throw new SnapshotFormatException("corrupt snapshot: object #" + index + " not defined");
        }
        return index;
    }

    public static final int NULL = -1;
    public static final int NEW = -2;

    /** Registers a new shared object (before reading its content, so that it may refer to itself). */
    public void register(Object o) {
        shared.add(o);
    }

    /** A shared object read earlier, by the number {@link #readReference} returned. */
    public <T> T shared(int index, Class<T> type) throws SnapshotFormatException {
        Object o = shared.get(index);
        if (!type.isInstance(o)) {
            throw new SnapshotFormatException("corrupt snapshot: object #" + index + " is a "
                    + o.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(o);
    }
}
