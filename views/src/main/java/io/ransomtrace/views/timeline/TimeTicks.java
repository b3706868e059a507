package io.ransomtrace.views.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Tick positions and UTC labels for a time axis: round steps, labels as precise as the step needs. */
public final class TimeTicks {
    private static final DateTimeFormatter MILLIS = fmt("HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = fmt("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = fmt("HH:mm");
    private static final DateTimeFormatter DAYS = fmt("MM-dd");
    private static final DateTimeFormatter DAYS_HOURS = fmt("MM-dd HH:mm");

    public record Tick(Instant time, String label) {
    }

    private TimeTicks() {
    }

    /** Ticks inside {@code range} at least {@code minSpacingPx} apart on an axis {@code widthPx} wide. */
    public static List<Tick> compute(TimeRange range, double widthPx, double minSpacingPx) {
        List<Tick> ticks = new ArrayList<>();
        if (widthPx <= 0 || range.nanos() <= 0) {
            return ticks;
        }
        Duration step = Duration.ofNanos(BucketWidth.roundUp(range.nanos() * minSpacingPx / widthPx));
        DateTimeFormatter f = formatFor(step);
        Instant t = BucketWidth.floor(range.from(), step);
        if (t.isBefore(range.from())) {
            t = t.plus(step);
        }
        for (int i = 0; i < 1000 && !t.isAfter(range.to()); i++, t = t.plus(step)) {
            ticks.add(new Tick(t, f.format(t)));
        }
        return ticks;
    }

    static DateTimeFormatter formatFor(Duration step) {
        if (step.toMillis() < 1000) {
            return MILLIS;
        }
        if (step.toSeconds() < 60) {
            return SECONDS;
        }
        if (step.toHours() < 24) {
            return step.toHours() >= 1 ? DAYS_HOURS : MINUTES;
        }
        return DAYS;
    }

    private static DateTimeFormatter fmt(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }
}
