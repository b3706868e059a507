package io.ransomtrace.app.importing;

import io.ransomtrace.app.store.CaseWriter;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The hand-off between the parser thread and the writer thread. Events and quarantined records are packed
 * into batches (a per-event hand-off would cost more than parsing a line), and at most a fixed number of
 * batches wait in the queue: when the writer falls behind, the parser waits, so memory stays bounded.
 */
final class BatchQueueSink implements ImportSink {

    /** Events and quarantined records in source order, and how far into the file the parser was. */
    record Batch(Object[] items, int size, long bytesRead, End end) {
    }

    /** The parser finished: with its stats, or with the failure that stopped it. */
    record End(ImportStats stats, Throwable failure) {
    }

    private final BlockingQueue<Batch> queue;
    private final int batchSize;
    private final BooleanSupplier cancelled;
    private final BooleanSupplier writerGone;
    private Object[] items;
    private int size;
    private volatile long bytesRead;
    private volatile long totalBytes;

    /**
     * @param cancelled  the analyst asked to stop: the importer winds down, everything it read is still stored
     * @param writerGone the writer stopped (the case could not be written): batches are dropped
     */
    BatchQueueSink(int batchSize, int queuedBatches, BooleanSupplier cancelled, BooleanSupplier writerGone) {
        this.queue = new ArrayBlockingQueue<>(queuedBatches);
        this.batchSize = batchSize;
        this.cancelled = cancelled;
        this.writerGone = writerGone;
        this.items = new Object[batchSize];
    }

    @Override
    public void event(Event event) {
        add(CaseWriter.prepare(event)); // on the importer's thread: the writer's is the busier one
    }

    @Override
    public void quarantined(QuarantinedRecord record) {
        add(record);
    }

    private void add(Object item) {
        items[size++] = item;
        if (size == batchSize) {
            hand(null);
        }
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean() || writerGone.getAsBoolean();
    }

    /** Called by the parser thread last, whatever happened. */
    void finish(ImportStats stats, Throwable failure) {
        hand(new End(stats, failure));
    }

    long bytesRead() {
        return bytesRead;
    }

    private void hand(End end) {
        Batch b = new Batch(items, size, bytesRead, end);
        items = new Object[batchSize];
        size = 0;
        try {
            // Never drop a batch while the writer drains the queue: a gap would make "how far it got" a lie.
            // Once the writer has stopped nobody drains it, so give up instead of blocking forever.
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (writerGone.getAsBoolean()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer side: the next batch, or null after {@code timeoutMillis} without one. */
    Batch next(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
