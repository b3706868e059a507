package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Input records to {@link AuditMessage}s: the key names the host stream; a record without a value is skipped. */
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
        out.collect(new AuditMessage(host(record.key()), value, EventTimes.of(value), record.timestamp(),
                record.partition(), record.offset(), source(record.headers().lastHeader(FleetHeaders.SOURCE))));
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
