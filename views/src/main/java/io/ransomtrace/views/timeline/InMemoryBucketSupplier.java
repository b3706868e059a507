package io.ransomtrace.views.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Buckets counted from operations held in memory: for small cases, tests and demos. Times are kept as sorted
 * epoch nanoseconds, so each call costs a binary search plus the operations in range.
 */
public final class InMemoryBucketSupplier implements BucketSupplier {
    private final long[] nanos;
    private final OpKind[] kinds;
    private final List<TimelineMarker> markers;

    /** One operation: when and what kind. */
    public record Op(Instant time, OpKind kind) {
    }

    public InMemoryBucketSupplier(List<Op> ops, List<TimelineMarker> markers) {
        Op[] sorted = ops.toArray(new Op[0]);
        Arrays.sort(sorted, (a, b) -> a.time().compareTo(b.time()));
        nanos = new long[sorted.length];
        kinds = new OpKind[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            nanos[i] = toNanos(sorted[i].time());
            kinds[i] = sorted[i].kind();
        }
        this.markers = List.copyOf(markers);
    }

    @Override
    public TimelineData bucketsFor(Instant from, Instant to, int maxBuckets) {
        Duration width = BucketWidth.forRange(Duration.between(from, to), maxBuckets);
        Instant first = BucketWidth.floor(from, width);
        long w = width.toNanos();
        long base = toNanos(first);
        long end = toNanos(to);
        int nBuckets = (int) Math.max(1, Math.min(100_000, (end - base + w - 1) / w));
        long[][] counts = new long[nBuckets][OpKind.values().length];
        int i = lowerBound(toNanos(from));
        for (; i < nanos.length && nanos[i] < end; i++) {
            int b = (int) ((nanos[i] - base) / w);
            if (b >= 0 && b < nBuckets) {
                counts[b][kinds[i].ordinal()]++;
            }
        }
        List<TimelineBucket> buckets = new ArrayList<>();
        for (int b = 0; b < nBuckets; b++) {
            long[] c = counts[b];
            if (c[0] + c[1] + c[2] + c[3] + c[4] == 0) {
                continue;
            }
            Instant start = first.plusNanos(b * w);
            buckets.add(new TimelineBucket(start, start.plusNanos(w), c[OpKind.WRITE.ordinal()],
                    c[OpKind.CREATE.ordinal()], c[OpKind.RENAME.ordinal()], c[OpKind.DELETE.ordinal()],
                    c[OpKind.NOTE.ordinal()]));
        }
        List<TimelineMarker> inRange = markers.stream()
                .filter(m -> !m.time().isBefore(from) && m.time().isBefore(to)).toList();
        return new TimelineData(new TimeRange(from, to), width, buckets, inRange);
    }

    private int lowerBound(long t) {
        int lo = 0;
        int hi = nanos.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nanos[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long toNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
