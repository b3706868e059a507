package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.FileOpBucket;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.views.timeline.BucketSupplier;
import io.ransomtrace.views.timeline.BucketWidth;
import io.ransomtrace.views.timeline.TimeRange;
import io.ransomtrace.views.timeline.TimelineBucket;
import io.ransomtrace.views.timeline.TimelineData;
import io.ransomtrace.views.timeline.TimelineMarker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The rewrite timeline's counts from the case store, re-bucketed for every zoom level: successful file
 * operations of a lineage (or a whole host) per bucket, stacked by kind. Overwrites are writes and truncates
 * of existing files.
 */
public final class StoreBucketSupplier implements BucketSupplier {
    private final CaseQueries queries;
    private final Scope scope;
    private final List<TimelineMarker> markers;
    private final List<String> noteNames;

    public StoreBucketSupplier(CaseQueries queries, Scope scope, List<TimelineMarker> markers) {
        this(queries, scope, markers, List.of());
    }

    /** @param noteNames ransom-note file names: their creations are drawn in the note band, not as creates */
    public StoreBucketSupplier(CaseQueries queries, Scope scope, List<TimelineMarker> markers, List<String> noteNames) {
        this.queries = queries;
        this.scope = scope;
        this.markers = List.copyOf(markers);
        this.noteNames = List.copyOf(noteNames);
    }

    @Override
    public TimelineData bucketsFor(Instant from, Instant to, int maxBuckets) {
        Duration width = BucketWidth.forRange(Duration.between(from, to), Math.max(1, maxBuckets));
        Instant start = BucketWidth.floor(from, width);
        TreeMap<Instant, long[]> counts = new TreeMap<>();
        for (FileOpBucket b : queries.fileOpCounts(scope, start, to, width)) {
            long[] c = counts.computeIfAbsent(b.bucketStart(), k -> new long[4]);
            switch (b.kind()) {
                case WRITE, TRUNCATE -> c[0] += b.count();
                case CREATE -> c[1] += b.count();
                case RENAME -> c[2] += b.count();
                case DELETE -> c[3] += b.count();
                default -> {
                    // chmod, chown, links, directories: not part of a rewrite
                }
            }
        }
        TreeMap<Instant, Long> notes = new TreeMap<>();
        for (String name : noteNames) {
            for (FileOpBucket b : queries.fileOpCounts(scope, start, to, width, name)) {
                if (b.kind() == io.ransomtrace.engine.model.FileOpKind.CREATE) {
                    notes.merge(b.bucketStart(), b.count(), Long::sum);
                }
            }
        }
        List<TimelineBucket> buckets = new ArrayList<>(counts.size());
        counts.forEach((t, c) -> {
            long n = Math.min(c[1], notes.getOrDefault(t, 0L));
            buckets.add(new TimelineBucket(t, t.plus(width), c[0], c[1] - n, c[2], c[3], n));
        });
        TimeRange range = new TimeRange(from, to);
        List<TimelineMarker> shown = markers.stream().filter(m -> range.contains(m.time())).toList();
        return new TimelineData(range, width, buckets, shown);
    }
}
