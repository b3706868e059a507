package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link Detector} on a thread of its own, fed in batches: the thread that parses a log hands events over and
 * goes on parsing while the detector works, so a scan uses two cores where parsing alone would use one. Events
 * reach the detector in the order they were accepted; the queue is bounded ({@value #QUEUED_BATCHES} batches of
 * {@value #BATCH} events), so memory stays bounded too. The detector's alert listener is called on the
 * detector's thread.
 *
 * <p>Not thread-safe on the feeding side: one thread calls {@link #accept} and then {@link #finish()}. A failure
 * of the detector is rethrown to that thread by the next call.
 */
public final class DetectorThread implements Consumer<Event>, AutoCloseable {
    static final int BATCH = 1024;
    static final int QUEUED_BATCHES = 16;
    private static final List<Event> END = List.of();

    private final Detector detector;
    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private List<Event> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private List<Finding> findings;

    public DetectorThread(Detector detector, String name) {
        this.detector = detector;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (true) {
                List<Event> b = queue.take();
                if (b == END) {
                    return;
                }
                if (b instanceof Barrier barrier) {
                    barrier.reached.countDown();
                    continue;
                }
                for (Event e : b) {
                    detector.accept(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear(); // unblock a feeder waiting for room
        }
    }

    @Override
    public void accept(Event e) {
        batch.add(e);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void hand(List<Event> b) {
        rethrow();
        waitWhileAlive(() -> queue.offer(b, 100, TimeUnit.MILLISECONDS));
    }

    /** One bounded wait of the feeding thread: true once what it waits for happened. */
    private interface BoundedWait {
        boolean done() throws InterruptedException;
    }

    /**
     * Repeats {@code wait} until it is done, rethrowing the detector's failure and giving up when its thread has
     * stopped; an interrupt of the feeding thread cancels the run (and stops the detector's thread too).
     */
    private void waitWhileAlive(BoundedWait wait) {
        try {
            while (!wait.done()) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the detector thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new DetectionCancelledException(detector.eventsProcessed());
        }
    }

    /** Hands over the batch being filled, if it holds anything. */
    private void handBatch() {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
    }

    /**
     * Hands over what is batched and waits until the detector has processed every event accepted so far: what its
     * alert listener has been told is then up to date (a re-run's partial results).
     */
    public void sync() {
        handBatch();
        Barrier barrier = new Barrier();
        hand(barrier);
        waitWhileAlive(() -> barrier.reached.await(100, TimeUnit.MILLISECONDS));
    }

    /** A mark in the queue: the detector thread lets {@link #sync()} go on when it gets there. */
    private static final class Barrier extends java.util.AbstractList<Event> {
        final java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);

        @Override
        public Event get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }

    /** Hands over what is left, waits for the detector and returns its findings (see {@link Detector#finish()}). */
    public List<Finding> finish() {
        if (findings == null) {
            handBatch();
            hand(END);
            waitWhileAlive(() -> {
                thread.join(100);
                return !thread.isAlive();
            });
            rethrow();
            findings = detector.finish();
        }
        return findings;
    }

    /** The detector behind the thread (read its counters after {@link #finish()}). */
    public Detector detector() {
        return detector;
    }

    /** Stops the thread without waiting for the events still queued (after a failure of the feeding side). */
    @Override
    public void close() {
        if (findings == null && thread.isAlive()) {
            thread.interrupt();
        }
    }
}
