package io.ransomtrace.fleet.job;

import java.util.Arrays;

/**
 * Consecutive lines of one host stream, from one partition and one shipped file, as they cross the keyed exchange
 * to the host's detector: the exchange (serialization, network buffers, a state lookup) is paid once per batch
 * instead of once per audit line. Built by {@link LineBatcher}; written by {@link LineBatchSerializer}.
 */
public final class LineBatch {
    /** The host stream (the Kafka key). */
    final String host;
    final int partition;
    /** The file the shipper read the lines from (header {@value FleetHeaders#SOURCE}), or null: the one before. */
    final String source;
    private int size;
    private byte[][] lines;
    private long[] eventMillis;
    private long[] ingestMillis;
    private long[] offsets;
    private int bytes;

    LineBatch(String host, int partition, String source, int capacity) {
        this.host = host;
        this.partition = partition;
        this.source = source;
        int c = Math.max(1, capacity);
        lines = new byte[c][];
        eventMillis = new long[c];
        ingestMillis = new long[c];
        offsets = new long[c];
    }

    void add(byte[] line, long eventMillis, long ingestMillis, long offset) {
        if (size == lines.length) {
            int c = size * 2;
            lines = Arrays.copyOf(lines, c);
            this.eventMillis = Arrays.copyOf(this.eventMillis, c);
            this.ingestMillis = Arrays.copyOf(this.ingestMillis, c);
            offsets = Arrays.copyOf(offsets, c);
        }
        lines[size] = line;
        this.eventMillis[size] = eventMillis;
        this.ingestMillis[size] = ingestMillis;
        offsets[size] = offset;
        size++;
        bytes += line.length;
    }

    /**
     * Whether a line of this host from {@code partition} continues this batch: same partition, and either no
     * source (a line without one continues the file named last) or the batch's own.
     */
    boolean continues(int partition, String source) {
        return this.partition == partition && (source == null || source.equals(this.source));
    }

    int size() {
        return size;
    }

    /** Bytes of line text held. */
    int bytes() {
        return bytes;
    }

    byte[] line(int i) {
        return lines[i];
    }

    /** Event time read from line {@code i}, or {@link EventTimes#UNKNOWN}. */
    long eventMillis(int i) {
        return eventMillis[i];
    }

    /** When Kafka took line {@code i} (its record timestamp). */
    long ingestMillis(int i) {
        return ingestMillis[i];
    }

    /** Offset of line {@code i} in its partition. */
    long offset(int i) {
        return offsets[i];
    }
}
