package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

/**
 * Counts occurrences in a sliding time window with fixed buckets: O(1) per add, no allocation, and a
 * remembered peak. Slightly late times land in their bucket; times older than the window are ignored.
 */
public final class SlidingCounter {
    private static final int BUCKETS = 60;

    private final long bucketMillis;
    private final int[] buckets = new int[BUCKETS];
    private long currentBucket = Long.MIN_VALUE;
    private int total;
    private int peak;
    private long peakAtMillis = -1;

    public SlidingCounter(long windowMillis) {
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS);
    }

    public void add(long millis) {
        long b = millis >= 0 ? millis / bucketMillis : Math.floorDiv(millis, bucketMillis);
        if (currentBucket == Long.MIN_VALUE) {
            currentBucket = b;
        }
        if (b > currentBucket) {
            long steps = Math.min(BUCKETS, b - currentBucket);
            for (long s = 1; s <= steps; s++) {
                int idx = bucketIndex(currentBucket + s);
                total -= buckets[idx];
                buckets[idx] = 0;
            }
            currentBucket = b;
        } else if (b <= currentBucket - BUCKETS) {
            return;
        }
        buckets[bucketIndex(b)]++;
        total++;
        if (total > peak) {
            peak = total;
            peakAtMillis = millis;
        }
    }

    private static int bucketIndex(long bucket) {
        return (int) (bucket >= 0 ? bucket % BUCKETS : Math.floorMod(bucket, (long) BUCKETS));
    }

    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInts(buckets, BUCKETS);
        w.writeLong(currentBucket);
        w.writeInt(total);
        w.writeInt(peak);
        w.writeLong(peakAtMillis);
    }

    public void readState(SnapshotReader r) throws IOException {
        int[] read = r.readInts(BUCKETS);
        if (read.length != BUCKETS) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: " + read.length
                    + " counter buckets, expected " + BUCKETS);
        }
        System.arraycopy(read, 0, buckets, 0, BUCKETS);
        currentBucket = r.readLong();
        total = r.readInt();
        peak = r.readInt();
        peakAtMillis = r.readLong();
    }

    /** The highest count seen in any window so far. */
    public int peak() {
        return peak;
    }

    /** Time of the event that set the peak, or -1. */
    public long peakAtMillis() {
        return peakAtMillis;
    }
}
