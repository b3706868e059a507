package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Input records to {@link AuditMessage}s: the key names the host stream; a record without a value is skipped. */
final class AuditMessageDeserializer implements KafkaRecordDeserializationSchema<AuditMessage> {
    private static final long serialVersionUID = 1L;
    static final String NO_KEY = "unknown";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<AuditMessage> out) {
        byte[] value = record.value();
        if (value == null) {
            return; // a tombstone: nothing was shipped
        }
        String host = record.key() == null || record.key().length == 0 ? NO_KEY
                : new String(record.key(), StandardCharsets.UTF_8);
        Header source = record.headers().lastHeader(FleetHeaders.SOURCE);
        out.collect(new AuditMessage(host, value, EventTimes.of(value), record.timestamp(), record.partition(),
                record.offset(), source == null ? null : new String(source.value(), StandardCharsets.UTF_8)));
    }

    @Override
    public TypeInformation<AuditMessage> getProducedType() {
        return TypeInformation.of(AuditMessage.class);
    }
}
