package io.ransomtrace.views.timeline;

import java.time.Duration;
import java.time.Instant;

/** "Round" bucket widths from a millisecond to a month, so bucket edges fall on readable times. */
public final class BucketWidth {
    private static final long MS = 1_000_000L;
    private static final long S = 1000 * MS;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    private static final long D = 24 * H;
    static final long[] STEPS_NANOS = {
            MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS,
            S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
            MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN,
            H, 2 * H, 3 * H, 6 * H, 12 * H,
            D, 2 * D, 7 * D, 14 * D, 30 * D, 91 * D, 365 * D};

    private BucketWidth() {
    }

    /** The smallest round width that covers {@code span} in at most {@code maxBuckets} buckets. */
    public static Duration forRange(Duration span, int maxBuckets) {
        return Duration.ofNanos(roundUp(span.toNanos() / (double) Math.max(1, maxBuckets)));
    }

    /** The smallest round step not below {@code nanos} (at least a millisecond). */
    static long roundUp(double nanos) {
        for (long step : STEPS_NANOS) {
            if (step >= nanos) {
                return step;
            }
        }
        long year = STEPS_NANOS[STEPS_NANOS.length - 1];
        return (long) Math.ceil(nanos / year) * year;
    }

    /** The start of the bucket of width {@code width} that contains {@code t} (buckets aligned on the epoch). */
    public static Instant floor(Instant t, Duration width) {
        long w = width.toNanos();
        long sec = t.getEpochSecond();
        // Work in nanoseconds relative to a day boundary to avoid overflow for far dates.
        long dayStartSec = Math.floorDiv(sec, 86_400L) * 86_400L;
        if (w >= D) {
            long days = w / D;
            long epochDay = Math.floorDiv(sec, 86_400L);
            return Instant.ofEpochSecond(Math.floorDiv(epochDay, days) * days * 86_400L);
        }
        long inDay = (sec - dayStartSec) * 1_000_000_000L + t.getNano();
        long floored = Math.floorDiv(inDay, w) * w;
        return Instant.ofEpochSecond(dayStartSec).plusNanos(floored);
    }
}
