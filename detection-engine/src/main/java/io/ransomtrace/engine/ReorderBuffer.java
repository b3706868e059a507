package io.ransomtrace.engine;

import io.ransomtrace.engine.model.EpochMillis;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.snapshot.EventCodec;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts slightly out-of-order events back in time order. Events are held until the newest time seen is
 * {@code window} past them, or until the buffer is full. In-order input (the common case) goes through a
 * plain FIFO; only events that arrive late use the heap.
 */
final class ReorderBuffer {
    static final Comparator<Event> ORDER = ReorderBuffer::compare;

    static int compare(Event a, Event b) {
        int c = a.time().compareTo(b.time());
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    private final long windowMillis;
    private final int capacity;
    private final ArrayDeque<Event> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Event> late = new PriorityQueue<>(ORDER);
    private Event newest;
    private long newestMillis = Long.MIN_VALUE;
    private Event lastReleased;
    private long outOfOrderReleased;

    ReorderBuffer(long windowMillis, int capacity) {
        this.windowMillis = windowMillis;
        this.capacity = capacity;
    }

    void add(Event e, Consumer<Event> sink) {
        if (newest == null || compare(e, newest) >= 0) {
            inOrder.addLast(e);
            newest = e;
            newestMillis = EpochMillis.of(e.time());
        } else {
            late.add(e);
        }
        long releaseBefore = newestMillis - windowMillis;
        while (true) {
            Event head = head();
            if (head == null) {
                break;
            }
            boolean full = inOrder.size() + late.size() > capacity;
            if (!full && EpochMillis.of(head.time()) > releaseBefore) {
                break;
            }
            release(sink);
        }
    }

    /** Releases what an event at {@code nowMillis} would release, without that event (a quiet stream's clock). */
    void releaseUpTo(long nowMillis, Consumer<Event> sink) {
        long releaseBefore = nowMillis - windowMillis;
        Event head;
        while ((head = head()) != null && head.time().toEpochMilli() <= releaseBefore) {
            release(sink);
        }
    }

    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(inOrder.size());
        for (Event e : inOrder) {
            EventCodec.write(w, e);
        }
        w.writeInt(late.size());
        for (Event e : late) {
            EventCodec.write(w, e);
        }
        writeOptional(w, newest);
        w.writeLong(newestMillis);
        writeOptional(w, lastReleased);
        w.writeLong(outOfOrderReleased);
    }

    void readState(SnapshotReader r) throws IOException {
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            inOrder.addLast(EventCodec.read(r));
        }
        n = r.readLength();
        for (int i = 0; i < n; i++) {
            late.add(EventCodec.read(r));
        }
        newest = readOptional(r);
        newestMillis = r.readLong();
        lastReleased = readOptional(r);
        outOfOrderReleased = r.readLong();
    }

    private static void writeOptional(SnapshotWriter w, Event e) throws IOException {
        w.writeBoolean(e != null);
        if (e != null) {
            EventCodec.write(w, e); // only its time and id matter: a copy compares the same
        }
    }

    private static Event readOptional(SnapshotReader r) throws IOException {
        return r.readBoolean() ? EventCodec.read(r) : null;
    }

    void flush(Consumer<Event> sink) {
        while (head() != null) {
            release(sink);
        }
    }

    /** Events that were released after a later one (too late for the window): processed, but out of order. */
    long outOfOrderReleased() {
        return outOfOrderReleased;
    }

    private Event head() {
        Event a = inOrder.peekFirst();
        if (late.isEmpty()) {
            return a;
        }
        Event b = late.peek();
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compare(b, a) < 0 ? b : a;
    }

    private void release(Consumer<Event> sink) {
        Event a = inOrder.peekFirst();
        Event b = late.peek();
        Event e = (a == null || (b != null && compare(b, a) < 0)) ? late.poll() : inOrder.pollFirst();
        if (lastReleased != null && compare(e, lastReleased) < 0) {
            outOfOrderReleased++;
        } else {
            lastReleased = e;
        }
        sink.accept(e);
    }
}
