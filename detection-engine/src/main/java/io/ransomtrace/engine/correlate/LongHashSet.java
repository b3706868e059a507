package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * A set of 64-bit hashes (paths, directories) with open addressing, no boxing, and a hard cap: once full,
 * {@link #add} refuses new members and {@link #full()} says so, so a campaign's memory stays bounded.
 */
final class LongHashSet {
    private static final long EMPTY = 0L;

    private long[] slots;
    private int size;
    private boolean hasZero;
    private final int cap;

    LongHashSet(int initialCapacity, int cap) {
        int c = Integer.highestOneBit(Math.max(4, initialCapacity - 1)) << 1;
        slots = new long[c];
        this.cap = cap;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= cap;
    }

    boolean contains(long h) {
        if (h == EMPTY) {
            return hasZero;
        }
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long s = slots[i];
            if (s == h) {
                return true;
            }
            if (s == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds h; true when it was not there before and there was room. */
    boolean add(long h) {
        if (h == EMPTY) {
            if (hasZero || size >= cap) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long s = slots[i];
            if (s == h) {
                return false;
            }
            if (s == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        if (size >= cap) {
            return false;
        }
        slots[i] = h;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h != EMPTY) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
    }

    /** The members (not the slot layout: a restored set answers the same, wherever its members sit). */
    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(size);
        w.writeBoolean(hasZero);
        for (long h : slots) {
            if (h != EMPTY) {
                w.writeFixedLong(h);
            }
        }
    }

    void readState(SnapshotReader r) throws IOException {
        clear();
        int n = r.readLength();
        boolean zero = r.readBoolean();
        int stored = zero ? n - 1 : n;
        if (stored < 0) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: hash set of " + n);
        }
        for (int i = 0; i < stored; i++) {
            insert(r.readFixedLong());
        }
        if (zero) {
            hasZero = true;
            size++;
        }
    }

    /** Adds a member read from a snapshot, whatever the cap (the set held it when the snapshot was taken). */
    private void insert(long h) {
        int mask = slots.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == h) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = h;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
    }

    void clear() {
        Arrays.fill(slots, EMPTY);
        size = 0;
        hasZero = false;
    }
}
