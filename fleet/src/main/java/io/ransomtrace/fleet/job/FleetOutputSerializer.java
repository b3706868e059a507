package io.ransomtrace.fleet.job;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Findings and status records to Kafka: key = host stream, value = JSON, with the fleet headers. */
final class FleetOutputSerializer implements KafkaRecordSerializationSchema<FleetOutput> {
    private static final long serialVersionUID = 1L;
    private final String topic;

    FleetOutputSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(FleetOutput o, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        if (o.status == null) {
            headers.add(FleetHeaders.TRIGGER_INGEST, ByteBuffer.allocate(8).putLong(o.triggerIngestMillis).array());
        } else {
            headers.add(FleetHeaders.STATUS_TYPE, o.status.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, null, o.key.getBytes(StandardCharsets.UTF_8),
                o.json.getBytes(StandardCharsets.UTF_8), headers);
    }
}
