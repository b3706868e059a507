package io.ransomtrace.importers.auditd;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link RecordBatcher} on its own thread, handing full batches over a small bounded queue (memory stays
 * bounded: a few batches of at most {@link RecordBatcher#BATCH} records each). Used batches come back for
 * reuse. Always {@link #close()}d by the importer, which stops and joins the thread.
 */
final class ReaderThread implements AutoCloseable {
    private static final int DEPTH = 8;

    private final BlockingQueue<RecordBatcher.Batch> full = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<RecordBatcher.Batch> empty = new ArrayBlockingQueue<>(DEPTH + 2);
    private final Thread thread;
    private volatile boolean stop;
    private volatile Throwable failure;

    ReaderThread(RecordBatcher batcher, String name) {
        for (int i = 0; i < DEPTH + 2; i++) {
            empty.add(new RecordBatcher.Batch());
        }
        thread = new Thread(() -> {
            try {
                while (!stop) {
                    RecordBatcher.Batch b = empty.take();
                    batcher.fill(b);
                    full.put(b);
                    if (b.last) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
                RecordBatcher.Batch end = new RecordBatcher.Batch();
                end.last = true;
                end.inputError = "reading stopped by an internal error: " + e;
                full.offer(end);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next full batch (blocks while the reader works). */
    RecordBatcher.Batch next() throws InterruptedException {
        while (true) {
            RecordBatcher.Batch b = full.poll(100, TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
            if (!thread.isAlive() && full.isEmpty()) {
                RecordBatcher.Batch end = new RecordBatcher.Batch();
                end.last = true;
                end.inputError = failure == null ? "reader stopped unexpectedly" : "reader failed: " + failure;
                return end;
            }
        }
    }

    /** Gives a consumed batch back for reuse. */
    void recycle(RecordBatcher.Batch b) {
        java.util.Arrays.fill(b.items, 0, b.size, null);
        b.size = 0;
        b.last = false;
        b.inputError = null;
        empty.offer(b);
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
