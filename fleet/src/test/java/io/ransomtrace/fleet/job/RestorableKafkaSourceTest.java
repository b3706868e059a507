package io.ransomtrace.fleet.job;

import io.ransomtrace.fleet.kafka.EmbeddedKafka;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded job ({@code --until-end}) resumed from a checkpoint ends: the restored Kafka enumerator, whose state
 * already holds every partition of the topic as assigned, still tells its readers that no more splits will come
 * (the connector alone never does, and the readers wait forever: seen on a standalone cluster with
 * {@code flink run -s}, bench/fleet-cluster.sh). Against a real broker, with the enumerator's asynchronous calls run
 * in order as Flink's coordinator thread would.
 */
class RestorableKafkaSourceTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(Map.of("audit", 2));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    private KafkaSource<AuditMessage> source(boolean bounded) {
        var b = KafkaSource.<AuditMessage>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setTopics("audit")
                .setGroupId("restore-test")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new AuditMessageDeserializer())
                .setProperty("partition.discovery.interval.ms", "-1");
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** What a checkpoint taken mid-run holds: both partitions assigned, the first discovery done. */
    private static KafkaSourceEnumState midRun() {
        return new KafkaSourceEnumState(List.of(new KafkaPartitionSplit(new TopicPartition("audit", 0), 10, 20),
                new KafkaPartitionSplit(new TopicPartition("audit", 1), 5, 20)), List.of(), true);
    }

    @Test
    void restoredBoundedSourceTellsEveryReaderThatNoMoreSplitsCome() throws Exception {
        Context context = new Context(2);
        context.register(0);
        SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                new RestorableKafkaSource<>(source(true)).restoreEnumerator(context, midRun());
        enumerator.start();
        enumerator.addReader(0);
        context.runCalls();
        assertThat(context.noMoreSplits).as("the reader registered before the discovery").containsExactly(0);
        context.register(1);
        enumerator.addReader(1);
        assertThat(context.noMoreSplits).as("and the one registered after it, each once").containsExactly(0, 1);
        assertThat(context.assigned).as("nothing assigned twice").isEmpty();
        enumerator.close();
    }

    @Test
    void theConnectorAloneLeavesRestoredReadersWaiting() throws Exception {
        // the reason for RestorableKafkaSource: if this starts failing, the connector has been fixed (FLINK-31006)
        Context context = new Context(2);
        context.register(0);
        context.register(1);
        SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator = source(true).restoreEnumerator(context, midRun());
        enumerator.start();
        enumerator.addReader(0);
        enumerator.addReader(1);
        context.runCalls();
        assertThat(context.noMoreSplits).isEmpty();
        enumerator.close();
    }

    @Test
    void unboundedSourceIsLeftAlone() throws Exception {
        Context context = new Context(2);
        context.register(0);
        SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                new RestorableKafkaSource<>(source(false)).restoreEnumerator(context, midRun());
        enumerator.start();
        enumerator.addReader(0);
        context.runCalls();
        assertThat(context.noMoreSplits).isEmpty();
        enumerator.close();
    }

    /** The coordinator's side of the enumerator: asynchronous calls queued and run in order, on this thread. */
    private static final class Context implements SplitEnumeratorContext<KafkaPartitionSplit> {
        private final int parallelism;
        private final Map<Integer, ReaderInfo> readers = new HashMap<>();
        private final List<Runnable> calls = new ArrayList<>();
        final List<Integer> noMoreSplits = new ArrayList<>();
        final List<KafkaPartitionSplit> assigned = new ArrayList<>();

        Context(int parallelism) {
            this.parallelism = parallelism;
        }

        void register(int subtask) {
            readers.put(subtask, new ReaderInfo(subtask, "localhost"));
        }

        void runCalls() {
            while (!calls.isEmpty()) {
                calls.remove(0).run();
            }
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            calls.add(() -> {
                T value;
                try {
                    value = callable.call();
                } catch (Exception e) {
                    handler.accept(null, e);
                    return;
                }
                handler.accept(value, null);
            });
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
            callAsync(callable, handler); // once is enough here
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return null;
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return readers;
        }

        @Override
        public void assignSplits(SplitsAssignment<KafkaPartitionSplit> assignment) {
            assignment.assignment().values().forEach(assigned::addAll);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            noMoreSplits.add(subtask);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            calls.add(runnable);
        }
    }
}
