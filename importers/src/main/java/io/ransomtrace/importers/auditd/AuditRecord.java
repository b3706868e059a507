package io.ransomtrace.importers.auditd;

/**
 * One audit record (one line of audit.log), with its header decoded and its fields parsed lazily.
 *
 * <p>All records of one kernel event share node, time and serial; {@link EventAssembler} groups them by that
 * identity.
 *
 * @see AuditLineParser
 */
final class AuditRecord {
    final String type;
    /** node= value, or null. */
    final String node;
    /** hostname from a syslog header in front of the record, or null. */
    final String syslogHost;
    final long seconds;
    final int millis;
    final long serial;
    final long line;
    final long byteOffset;
    /** The whole line (needed again only if the event cannot be mapped and goes to quarantine). */
    final byte[] bytes;
    /** Where the key=value body starts in {@link #bytes}. */
    final int bodyStart;
    final boolean interpreted;
    /** Where "SEC.MMM:SERIAL" starts and ends in {@link #bytes} when it is written as {@link #nativeId} writes it; else -1. */
    private final int stampStart;
    private final int stampEnd;
    private AuditFields fields;

    AuditRecord(String type, String node, String syslogHost, long seconds, int millis, long serial, long line,
                long byteOffset, byte[] bytes, int bodyStart, boolean interpreted, int stampStart, int stampEnd) {
        this.type = type;
        this.node = node;
        this.syslogHost = syslogHost;
        this.seconds = seconds;
        this.millis = millis;
        this.serial = serial;
        this.line = line;
        this.byteOffset = byteOffset;
        this.bytes = bytes;
        this.bodyStart = bodyStart;
        this.interpreted = interpreted;
        this.stampStart = stampStart;
        this.stampEnd = stampEnd;
    }

    AuditFields fields() {
        if (fields == null) {
            fields = AuditFields.parse(bytes, bodyStart, bytes.length, interpreted, "PROCTITLE".equals(type),
                    "EXECVE".equals(type));
        }
        return fields;
    }

    /** Approximate heap bytes this record holds (line copy, parsed fields, object headers). */
    long memoryEstimate() {
        return 96L + bytes.length + (fields == null ? 0 : fields.memoryEstimate());
    }

    /** Same kernel event as the other record. */
    boolean sameEvent(AuditRecord o) {
        return serial == o.serial && seconds == o.seconds && millis == o.millis
                && (node == null ? o.node == null : node.equals(o.node));
    }

    /** The audit id as auditd writes it, e.g. {@code 1732788000.123:4567}. */
    String nativeId() {
        if (stampStart >= 0) {
            return new String(bytes, stampStart, stampEnd - stampStart, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(32).append(seconds).append('.');
        if (millis < 100) sb.append('0');
        if (millis < 10) sb.append('0');
        return sb.append(millis).append(':').append(serial).toString();
    }

    String host() {
        return node != null ? node : syslogHost;
    }

    String rawText() {
        return io.ransomtrace.importers.LineReader.escape(bytes, 0, bytes.length);
    }
}
