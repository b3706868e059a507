package io.ransomtrace.views.timeline;

import java.time.Instant;

/**
 * Where the timeline gets its counts: called (off the JavaFX thread) whenever the visible range or the
 * chart's width changes, so zooming in re-buckets from the case store instead of stretching coarse bars.
 * {@link BucketWidth#forRange} gives the bucket width to use for a range and a bucket budget.
 */
@FunctionalInterface
public interface BucketSupplier {
    /**
     * @param maxBuckets the most buckets the chart can show legibly; return at most that many
     * @return buckets covering [from, to) plus the markers that fall in it
     */
    TimelineData bucketsFor(Instant from, Instant to, int maxBuckets);
}
