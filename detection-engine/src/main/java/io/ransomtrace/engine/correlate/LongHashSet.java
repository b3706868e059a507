package io.ransomtrace.engine.correlate;

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

    void clear() {
        Arrays.fill(slots, EMPTY);
        size = 0;
        hasZero = false;
    }
}
