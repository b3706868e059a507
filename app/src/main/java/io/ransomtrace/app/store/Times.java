package io.ransomtrace.app.store;

import java.time.Instant;

/** Event times are stored as epoch microseconds: the finest resolution any supported log format carries. */
final class Times {
    private Times() {
    }

    static long toMicros(Instant t) {
        if (t == null) {
            return 0;
        }
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
