package io.ransomtrace.views.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the timeline draws for a range: buckets in time order (absent buckets mean zero) and markers.
 *
 * @param range       the range these buckets cover
 * @param bucketWidth width of every bucket (the last may be cut by the range end)
 */
public record TimelineData(TimeRange range, Duration bucketWidth, List<TimelineBucket> buckets,
                           List<TimelineMarker> markers) {
    public TimelineData {
        buckets = List.copyOf(buckets);
        markers = List.copyOf(markers);
    }

    public static TimelineData empty(Instant from, Instant to) {
        return new TimelineData(new TimeRange(from, to), Duration.between(from, to), List.of(), List.of());
    }

    public long maxTotal() {
        long max = 0;
        for (TimelineBucket b : buckets) {
            max = Math.max(max, b.total());
        }
        return max;
    }
}
