package io.ransomtrace.fleet.job;

/**
 * One message of the input topic: an audit line (raw or enriched auditd, or one ECS NDJSON document) of one host.
 * A Flink POJO (public fields, no-argument constructor): it crosses the shuffle by host.
 */
public final class AuditMessage {
    /** The message key: the host stream it belongs to. */
    public String host;
    /** The line as shipped, UTF-8, without line break. */
    public byte[] line;
    /** Event time read from the line (audit stamp or {@code @timestamp}), or {@link Long#MIN_VALUE}. */
    public long eventMillis;
    /** When Kafka took the message (its record timestamp). */
    public long ingestMillis;
    public int partition;
    public long offset;
    /** The file the shipper read the line from (header {@value FleetHeaders#SOURCE}), or null: the one before. */
    public String source;

    public AuditMessage() {
    }

    public AuditMessage(String host, byte[] line, long eventMillis, long ingestMillis, int partition, long offset,
                        String source) {
        this.host = host;
        this.line = line;
        this.eventMillis = eventMillis;
        this.ingestMillis = ingestMillis;
        this.partition = partition;
        this.offset = offset;
        this.source = source;
    }
}
