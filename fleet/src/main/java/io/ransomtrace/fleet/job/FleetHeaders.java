package io.ransomtrace.fleet.job;

/** Kafka record headers the fleet tools set and read. */
public final class FleetHeaders {
    /**
     * On input records: the file the line was read from. {@code fleet ship} sets it on a host's first line of each
     * file only: a host's records without it continue the file named last (decoding it on every line cost the job
     * a tenth of its time). Other shippers may omit it.
     */
    public static final String SOURCE = "ransomtrace.source";
    /**
     * On finding records: when Kafka took the input record whose processing closed the finding (epoch ms), so the
     * end-to-end latency from event to finding can be measured.
     */
    public static final String TRIGGER_INGEST = "ransomtrace.trigger-ingest-ms";
    /** On status records: {@code error} (a line that could not be read), {@code host-end} or {@code restarted}. */
    public static final String STATUS_TYPE = "ransomtrace.status";

    private FleetHeaders() {
    }
}
