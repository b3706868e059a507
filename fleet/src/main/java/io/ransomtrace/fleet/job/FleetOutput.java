package io.ransomtrace.fleet.job;

/**
 * A record the job writes: a finding (to the findings topic) or a status line (to the status topic). A Flink POJO.
 */
public final class FleetOutput {
    /** The host stream, used as the Kafka key. */
    public String key;
    /** The JSON value. */
    public String json;
    /** For findings: when Kafka took the input record that closed it; for status: {@link FleetHeaders#STATUS_TYPE}'s value in {@link #status}. */
    public long triggerIngestMillis;
    /** For status records: {@code error} or {@code host-end}; null for findings. */
    public String status;

    public FleetOutput() {
    }

    public FleetOutput(String key, String json, long triggerIngestMillis, String status) {
        this.key = key;
        this.json = json;
        this.triggerIngestMillis = triggerIngestMillis;
        this.status = status;
    }
}
