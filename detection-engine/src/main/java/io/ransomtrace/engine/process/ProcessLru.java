package io.ransomtrace.engine.process;

import io.ransomtrace.engine.snapshot.SnapshotFormatException;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The hard cap on remembered processes, shared by every host's {@link ProcessTable}: a segmented
 * least-recently-used list threaded through the processes themselves (no allocation per touch). Processes that
 * matter for attribution — those that changed files, campaign roots, session starts — sit on the "kept" list
 * (at most three quarters of the cap); everything else (the {@code ls}, {@code date} and {@code grep} of a busy
 * host, placeholders of parents) on the "plain" list. Over the cap, the least recently used plain process goes;
 * when the kept list is over its share, its least recently used process moves back to the plain list (as its
 * youngest member), so a process that mattered long ago goes before a placeholder that is in use now.
 *
 * <p>Logs without exit records (most rule sets do not audit {@code exit_group}) never say a process ended:
 * without this cap the table would grow with every pid the host ever used.
 */
public final class ProcessLru {
    private final int capacity;
    private final int keptCapacity;
    private final Chain plain = new Chain();
    private final Chain kept = new Chain();
    private int size;
    private long evicted;
    private long evictedKept;

    /** @param capacity most processes remembered across the detector's hosts */
    public ProcessLru(int capacity) {
        this.capacity = Math.max(4, capacity);
        this.keptCapacity = this.capacity * 3 / 4;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Processes forgotten because the cap was reached (not because they exited or went idle). */
    public long evicted() {
        return evicted;
    }

    /** Of those, processes that had changed files, rooted a campaign or started a session. */
    public long evictedKept() {
        return evictedKept;
    }

    void add(ProcessInfo p) {
        if (p.lruTracked) {
            touch(p);
            return;
        }
        p.lruTracked = true;
        chainOf(p).append(p);
        size++;
    }

    /** Marks p as used now (moves it to the young end of its list). */
    void touch(ProcessInfo p) {
        if (!p.lruTracked) {
            return;
        }
        Chain c = chainOf(p);
        if (c.tail != p) {
            c.unlink(p);
            c.append(p);
        }
    }

    /** Moves p to the kept list (it changed a file, roots a campaign or started a session). */
    void keep(ProcessInfo p) {
        if (p.keep) {
            return;
        }
        if (p.lruTracked) {
            plain.unlink(p);
            p.keep = true;
            kept.append(p);
            while (kept.size > keptCapacity) {
                ProcessInfo old = kept.head;
                kept.unlink(old);
                old.keep = false;
                old.wasKept = true;
                plain.append(old);
            }
        } else {
            p.keep = true;
        }
    }

    void remove(ProcessInfo p) {
        if (!p.lruTracked) {
            return;
        }
        chainOf(p).unlink(p);
        p.lruTracked = false;
        size--;
    }

    /** Forgets least recently used processes until the cap holds. */
    void enforce() {
        while (size > capacity) {
            ProcessInfo victim = plain.head != null ? plain.head : kept.head;
            if (victim.keep || victim.wasKept) {
                evictedKept++;
            }
            evicted++;
            remove(victim);
            victim.table.forget(victim);
        }
    }

    /** Forgets every process (of any host) not seen since {@code cutoffMillis}; returns how many. */
    public int forgetIdle(long cutoffMillis) {
        return forgetIdle(plain, cutoffMillis) + forgetIdle(kept, cutoffMillis);
    }

    private int forgetIdle(Chain c, long cutoffMillis) {
        int n = 0;
        // the list is in touch order, which is time order up to the reorder window: stop at the first recent one
        while (c.head != null && c.head.lastSeenMillis() < cutoffMillis) {
            ProcessInfo p = c.head;
            remove(p);
            p.table.forget(p);
            n++;
        }
        return n;
    }

    /**
     * The LRU's state for a detector snapshot: the eviction counts and both lists in order, each process with
     * the index of its table in {@code tables} (the processes themselves are written by reference, so the tables,
     * campaigns and this list share them again on restore). Its capacity comes from the profile again.
     */
    public void writeState(SnapshotWriter w, Map<ProcessTable, Integer> tables) throws IOException {
        w.writeLong(evicted);
        w.writeLong(evictedKept);
        for (Chain c : new Chain[] {plain, kept}) {
            w.writeInt(c.size);
            for (ProcessInfo p = c.head; p != null; p = p.lruNext) {
                Integer t = tables.get(p.table);
                if (t == null) {
                    throw new IllegalStateException("a remembered process of no host's table: " + p);
                }
                w.writeInt(t);
                ProcessInfo.writeReference(w, p);
            }
        }
    }

    /** Restores what {@link #writeState} wrote into this empty LRU; {@code tables} in the order indexed then. */
    public void readState(SnapshotReader r, List<ProcessTable> tables) throws IOException {
        if (size != 0) {
            throw new IllegalStateException("restore into an empty LRU only");
        }
        evicted = r.readLong();
        evictedKept = r.readLong();
        for (Chain c : new Chain[] {plain, kept}) {
            int n = r.readLength();
            for (int i = 0; i < n; i++) {
                int t = r.readInt();
                if (t < 0 || t >= tables.size()) {
                    throw new SnapshotFormatException("corrupt snapshot: a process of table " + t + " of " + tables.size());
                }
                ProcessInfo p = ProcessInfo.readReference(r);
                if (p == null || p.lruTracked || p.keep != (c == kept)) {
                    throw new SnapshotFormatException("corrupt snapshot: a process listed twice or on the wrong list");
                }
                p.table = tables.get(t);
                p.lruTracked = true;
                c.append(p);
                size++;
            }
        }
    }

    private Chain chainOf(ProcessInfo p) {
        return p.keep ? kept : plain;
    }

    /** A doubly linked list through {@link ProcessInfo#lruPrev} / {@link ProcessInfo#lruNext}. */
    private static final class Chain {
        ProcessInfo head;
        ProcessInfo tail;
        int size;

        void append(ProcessInfo p) {
            size++;
            p.lruPrev = tail;
            p.lruNext = null;
            if (tail == null) {
                head = p;
            } else {
                tail.lruNext = p;
            }
            tail = p;
        }

        void unlink(ProcessInfo p) {
            size--;
            if (p.lruPrev == null) {
                head = p.lruNext;
            } else {
                p.lruPrev.lruNext = p.lruNext;
            }
            if (p.lruNext == null) {
                tail = p.lruPrev;
            } else {
                p.lruNext.lruPrev = p.lruPrev;
            }
            p.lruPrev = null;
            p.lruNext = null;
        }
    }
}
