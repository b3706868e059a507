package io.ransomtrace.engine.model;

/**
 * Builds event ids from (source id, ordinal of the event in that source). The upper 24 bits carry the
 * source, the lower 40 the ordinal: a case can hold 16 million sources of a trillion events each.
 */
public final class EventId {
    private static final int ORDINAL_BITS = 40;
    private static final long ORDINAL_MASK = (1L << ORDINAL_BITS) - 1;

    private EventId() {
    }

    public static long of(int sourceId, long ordinal) {
        if (sourceId < 0 || sourceId >= (1 << 23)) {
            throw new IllegalArgumentException("source id out of range: " + sourceId);
        }
        if (ordinal < 0 || ordinal > ORDINAL_MASK) {
            throw new IllegalArgumentException("ordinal out of range: " + ordinal);
        }
        return ((long) sourceId << ORDINAL_BITS) | ordinal;
    }

    public static int sourceOf(long eventId) {
        return (int) (eventId >>> ORDINAL_BITS);
    }

    public static long ordinalOf(long eventId) {
        return eventId & ORDINAL_MASK;
    }
}
