package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * The Kafka source, such that a bounded run ({@code --until-end}) resumed from a checkpoint or savepoint
 * ({@code flink run -s}, or {@code fleet job} resuming its checkpoint folder) still ends.
 *
 * <p>Why: the Kafka connector's enumerator (5.0.0-2.2) tells its readers "no more splits" only after a partition
 * discovery that found new partitions. A restored enumerator's one discovery finds every partition already assigned
 * (they are in its state) and returns early, so the readers read to their stopping offsets and then wait forever:
 * the job never finishes and the detectors never reach the end of their input (FLINK-31006, FLINK-33466; seen on a
 * standalone cluster by bench/fleet-cluster.sh). This wrapper watches that discovery through the enumerator's
 * context: when it ends without starting the split initialisation that follows a change, nothing new will come,
 * and every reader, registered now or later, is told so once per registration, as the enumerator itself does after
 * a fresh start. Everything else is the Kafka source's own.
 */
public final class RestorableKafkaSource<T>
        implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final KafkaSource<T> kafka;

    public RestorableKafkaSource(KafkaSource<T> kafka) {
        this.kafka = kafka;
    }

    @Override
    public Boundedness getBoundedness() {
        return kafka.getBoundedness();
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context) throws Exception {
        return kafka.createReader(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) {
        return kafka.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state) throws IOException {
        if (kafka.getBoundedness() != Boundedness.BOUNDED) {
            return kafka.restoreEnumerator(context, state);
        }
        WatchedContext watched = new WatchedContext(context);
        return new EndingEnumerator(kafka.restoreEnumerator(watched, state), watched);
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return kafka.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return kafka.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return kafka.getProducedType();
    }

    /**
     * The enumerator's context, with its first asynchronous call (the partition discovery) watched: if that call's
     * handler returns without starting another call (the split initialisation after a change), the discovery found
     * nothing new, and the readers are told there are no more splits.
     */
    static final class WatchedContext implements SplitEnumeratorContext<KafkaPartitionSplit> {
        private final SplitEnumeratorContext<KafkaPartitionSplit> context;
        private int calls;
        private boolean noMoreSplits;

        WatchedContext(SplitEnumeratorContext<KafkaPartitionSplit> context) {
            this.context = context;
        }

        /** True once the restored enumerator's discovery ended with nothing new to assign. */
        boolean noMoreSplits() {
            return noMoreSplits;
        }

        @Override
        public <V> void callAsync(Callable<V> callable, BiConsumer<V, Throwable> handler) {
            boolean discovery = calls++ == 0;
            if (!discovery) {
                context.callAsync(callable, handler);
                return;
            }
            context.callAsync(callable, (value, failure) -> {
                int before = calls;
                handler.accept(value, failure); // throws if the discovery failed: nothing is signalled then
                if (calls == before) {
                    noMoreSplits = true;
                    context.registeredReaders().keySet().forEach(context::signalNoMoreSplits);
                }
            });
        }

        @Override
        public <V> void callAsync(Callable<V> callable, BiConsumer<V, Throwable> handler, long initialDelay, long period) {
            calls++; // periodic discovery: an unbounded source, never watched
            context.callAsync(callable, handler, initialDelay, period);
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return context.metricGroup();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            context.sendEventToSourceReader(subtaskId, event);
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, int attemptNumber, SourceEvent event) {
            context.sendEventToSourceReader(subtaskId, attemptNumber, event);
        }

        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return context.registeredReaders();
        }

        @Override
        public Map<Integer, Map<Integer, ReaderInfo>> registeredReadersOfAttempts() {
            return context.registeredReadersOfAttempts();
        }

        @Override
        public void assignSplits(SplitsAssignment<KafkaPartitionSplit> assignment) {
            context.assignSplits(assignment);
        }

        @Override
        public void assignSplit(KafkaPartitionSplit split, int subtask) {
            context.assignSplit(split, subtask);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            context.signalNoMoreSplits(subtask);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            context.runInCoordinatorThread(runnable);
        }

        @Override
        public void setIsProcessingBacklog(boolean isProcessingBacklog) {
            context.setIsProcessingBacklog(isProcessingBacklog);
        }
    }

    /** The restored Kafka enumerator; a reader that registers after its discovery found nothing new is told so. */
    static final class EndingEnumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
        private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator;
        private final WatchedContext context;

        EndingEnumerator(SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator, WatchedContext context) {
            this.enumerator = enumerator;
            this.context = context;
        }

        @Override
        public void start() {
            enumerator.start();
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            enumerator.handleSplitRequest(subtaskId, requesterHostname);
        }

        @Override
        public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
            enumerator.addSplitsBack(splits, subtaskId);
        }

        @Override
        public void addReader(int subtaskId) {
            enumerator.addReader(subtaskId);
            if (context.noMoreSplits()) {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
            return enumerator.snapshotState(checkpointId);
        }

        @Override
        public void close() throws IOException {
            enumerator.close();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            enumerator.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
            enumerator.handleSourceEvent(subtaskId, sourceEvent);
        }
    }
}
