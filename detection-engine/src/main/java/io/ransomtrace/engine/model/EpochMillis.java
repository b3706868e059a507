package io.ransomtrace.engine.model;

import java.time.Instant;

/**
 * An event time as epoch milliseconds for the detector's arithmetic. {@link Instant#toEpochMilli()} throws for
 * times beyond about 292 million years; importers quarantine such times, but one hostile time slipping through
 * must not stop a whole run, so it is pinned far in the past or future instead (with room left for the
 * detector's window additions).
 */
public final class EpochMillis {

    /** Far beyond any real time, far below overflow when windows are added or subtracted. */
    static final long LIMIT = Long.MAX_VALUE / 4;

    private EpochMillis() {
    }

    public static long of(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds > LIMIT / 1000) {
            return LIMIT;
        }
        if (seconds < -LIMIT / 1000) {
            return -LIMIT;
        }
        return t.toEpochMilli();
    }
}
