package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.time.Duration;
import java.util.Properties;

/**
 * The fleet job: Kafka topic of audit lines (key = host) → one detector per host in managed state → findings topic,
 * exactly once (source offsets and detector state in the same checkpoints, findings written in Kafka transactions
 * committed with them). Event time comes from the lines; watermarks lag the newest time by the profile's reorder
 * window.
 */
public final class FleetJob {

    private FleetJob() {
    }

    /** Adds the job to {@code env}; the caller configures checkpointing and runs it. */
    public static void build(StreamExecutionEnvironment env, FleetJobOptions o, long reorderWindowMillis) {
        var source = KafkaSource.<AuditMessage>builder()
                .setBootstrapServers(o.bootstrap())
                .setTopics(o.inputTopic())
                .setGroupId(o.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new AuditMessageDeserializer())
                .setProperty("partition.discovery.interval.ms", o.bounded() ? "-1" : "60000");
        if (o.bounded()) {
            source.setBounded(OffsetsInitializer.latest());
        }
        WatermarkStrategy<AuditMessage> watermarks = WatermarkStrategy
                .<AuditMessage>forBoundedOutOfOrderness(Duration.ofMillis(reorderWindowMillis))
                .withTimestampAssigner((m, kafkaTime) -> m.eventMillis)
                // a partition without lines for a minute does not hold the fleet's clock back
                .withIdleness(Duration.ofMinutes(1));
        SingleOutputStreamOperator<FleetOutput> findings = env
                .fromSource(new RestorableKafkaSource<>(source.build()), watermarks, "audit lines: " + o.inputTopic())
                .uid("audit-lines")
                .transform("lines batched per host", new LineBatchType(), new LineBatcher())
                .uid("line-batches")
                .keyBy(b -> b.host)
                .process(new HostDetectorFunction(o))
                .uid("host-detectors")
                .name("detector per host");
        findings.sinkTo(sink(o, o.findingsTopic(), "findings")).uid("findings-sink").name("findings: " + o.findingsTopic());
        if (o.statusTopic() != null) {
            findings.getSideOutput(HostDetectorFunction.STATUS)
                    .sinkTo(sink(o, o.statusTopic(), "status")).uid("status-sink").name("status: " + o.statusTopic());
        }
    }

    private static KafkaSink<FleetOutput> sink(FleetJobOptions o, String topic, String what) {
        Properties producer = new Properties();
        // must not exceed the broker's transaction.max.timeout.ms (15 minutes by default)
        producer.setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(10).toMillis()));
        producer.setProperty("compression.type", "lz4");
        return KafkaSink.<FleetOutput>builder()
                .setBootstrapServers(o.bootstrap())
                .setRecordSerializer(new FleetOutputSerializer(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(o.transactionalIdPrefix() + "-" + what)
                .setKafkaProducerConfig(producer)
                .build();
    }
}
