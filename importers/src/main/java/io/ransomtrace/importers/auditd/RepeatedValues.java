package io.ransomtrace.importers.auditd;

import java.util.Arrays;

/**
 * Strings for the field values that repeat from record to record (exe, comm, cwd, user names, nametype, dev),
 * found by their bytes as logged: a value seen recently is neither copied, hex-decoded nor allocated again, and
 * equal values come out as one String, so that later equality checks (the case writer's actor and path caches,
 * the detector's process table) stop at identity. Direct-mapped with a fixed number of slots: memory is bounded,
 * and a value that meets another in its slot simply replaces it. Not thread-safe: one per mapper.
 */
final class RepeatedValues {
    private static final int SLOTS = 4096;
    /** Longer values are rare and seldom repeat: they are decoded every time. */
    static final int MAX_BYTES = 256;

    private final byte[][] logged = new byte[SLOTS][];
    private final byte[] kinds = new byte[SLOTS];
    private final String[] values = new String[SLOTS];

    private int lastSlot = -1;

    /**
     * The value cached for the logged bytes {@code b[from, to)} read as {@code kind} (a caller's constant telling
     * apart readings of the same bytes, such as quoted text and hex-decoded text), or null; a null is followed by
     * {@link #put} of the same bytes once the caller has worked the value out.
     */
    String find(byte[] b, int from, int to, int kind) {
        int len = to - from;
        if (len > MAX_BYTES) {
            lastSlot = -1;
            return null;
        }
        int h = kind;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ h >>> 15) & (SLOTS - 1);
        byte[] k = logged[slot];
        if (k != null && kinds[slot] == kind && k.length == len && Arrays.equals(k, 0, len, b, from, to)) {
            return values[slot];
        }
        lastSlot = slot;
        return null;
    }

    /** Caches {@code value} for the bytes of the {@link #find} just before, which found nothing. */
    void put(byte[] b, int from, int to, int kind, String value) {
        if (lastSlot < 0 || value == null) {
            return;
        }
        logged[lastSlot] = Arrays.copyOfRange(b, from, to);
        kinds[lastSlot] = (byte) kind;
        values[lastSlot] = value;
        lastSlot = -1;
    }
}
