package io.ransomtrace.views.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the views write times: always UTC, always with the precision the analyst needs and no more. */
public final class TimeFormats {
    /** Full timestamp with milliseconds, e.g. {@code 2026-11-28 13:05:07.123}. */
    public static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    /** Timestamp to the second, for dense tables. */
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    /** {@link #FULL} or an empty string for null. */
    public static String full(Instant t) {
        return t == null ? "" : FULL.format(t);
    }

    /** {@link #SECONDS} or an empty string for null. */
    public static String seconds(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    /** A short human duration: {@code 850 ms}, {@code 12.5 s}, {@code 3 min 20 s}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format("%.1f", ms / 1000.0)) + " s";
        }
        long s = ms / 1000;
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + " min");
        }
        return (s / 86_400) + " d" + ((s % 86_400) / 3600 == 0 ? "" : " " + (s % 86_400) / 3600 + " h");
    }
}
