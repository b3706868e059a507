package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Input records to {@link AuditMessage}s: the key names the host stream; a record without a value is skipped. A
 * record holds one line (as audisp plugins, laurel and Auditbeat send them) or several separated by line breaks
 * ({@code fleet ship} sends a file's consecutive lines of a host together): each line becomes a message of its own,
 * with the record's offset and time; the record's source header goes with its first line. Empty lines are skipped.
 */
final class AuditMessageDeserializer implements KafkaRecordDeserializationSchema<AuditMessage> {
    private static final long serialVersionUID = 1L;
    static final String NO_KEY = "unknown";

    /*
     * A partition's records come in long runs of one host and one file: the key and the source header are decoded
     * once per run, not once per line (decoding them was a fifth of the job's time per line).
     */
    private transient byte[] lastKey;
    private transient String lastHost;
    private transient byte[] lastSource;
    private transient String lastSourceName;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<AuditMessage> out) {
        byte[] value = record.value();
        if (value == null) {
            return; // a tombstone: nothing was shipped
        }
        String host = host(record.key());
        String source = source(record.headers().lastHeader(FleetHeaders.SOURCE));
        int end = indexOfLineBreak(value, 0);
        if (end < 0) {
            out.collect(new AuditMessage(host, value, EventTimes.of(value), record.timestamp(), record.partition(),
                    record.offset(), source));
            return;
        }
        int start = 0;
        while (start <= value.length) {
            if (end < 0) {
                end = value.length;
            }
            if (end > start) {
                byte[] line = Arrays.copyOfRange(value, start, end);
                out.collect(new AuditMessage(host, line, EventTimes.of(line), record.timestamp(), record.partition(),
                        record.offset(), source));
                source = null; // the lines after the first continue its file
            }
            start = end + 1;
            end = indexOfLineBreak(value, start);
        }
    }

    private static int indexOfLineBreak(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String host(byte[] key) {
        if (key == null || key.length == 0) {
            return NO_KEY;
        }
        if (!Arrays.equals(key, lastKey)) {
            lastKey = key;
            lastHost = new String(key, StandardCharsets.UTF_8);
        }
        return lastHost;
    }

    private String source(Header header) {
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        if (!Arrays.equals(value, lastSource)) {
            lastSource = value;
            lastSourceName = new String(value, StandardCharsets.UTF_8);
        }
        return lastSourceName;
    }

    @Override
    public TypeInformation<AuditMessage> getProducedType() {
        return TypeInformation.of(AuditMessage.class);
    }
}
