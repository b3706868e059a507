package io.ransomtrace.importers;

import java.time.Instant;

/**
 * The times an event may carry. A log from a compromised host can hold any number where a time belongs
 * ({@code msg=audit(10000000000000000.000:1)}, an ECS {@code @timestamp} in the year one billion); such a record
 * is quarantined at the importer, where it is counted once, instead of breaking the case's microsecond times or the
 * detector's arithmetic further down. The range is wide enough for any real clock, however wrong.
 */
public final class EventTimeRange {

    /** 1970-01-01: no supported telemetry predates the Unix epoch; a time of 0 (a reset clock) is kept. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** 2200-01-01. */
    public static final Instant LATEST = Instant.ofEpochSecond(7_258_118_400L);

    private EventTimeRange() {
    }

    /** Null when the time can be stored; otherwise why not, in words for the import errors table. */
    public static String problem(Instant time) {
        if (time == null) {
            return "the record has no time";
        }
        if (time.isBefore(EARLIEST) || !time.isBefore(LATEST)) {
            return "time " + describe(time) + " is outside the range any real clock gives (1970 to 2200)";
        }
        return null;
    }

    private static String describe(Instant time) {
        long seconds = time.getEpochSecond();
        return Math.abs(seconds) < 1_000_000_000_000L ? time.toString() : seconds + " s after 1970";
    }
}
