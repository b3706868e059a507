package io.ransomtrace.views.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time range [from, to). */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }

    public long nanos() {
        return duration().toNanos();
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The instant at fraction {@code f} of the range (f may lie outside [0, 1]). */
    public Instant at(double f) {
        return from.plusNanos(Math.round(nanos() * f));
    }

    /** Where {@code t} lies in the range as a fraction: 0 at {@code from}, 1 at {@code to}. */
    public double fractionOf(Instant t) {
        long span = nanos();
        return span == 0 ? 0 : Duration.between(from, t).toNanos() / (double) span;
    }
}
