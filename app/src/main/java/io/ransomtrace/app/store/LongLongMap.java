package io.ransomtrace.app.store;

import java.util.Arrays;

/**
 * A map from long to long without boxing (16 bytes an entry at most 0.6 full), used to know every path of a
 * case by its 64-bit hash without keeping the path texts in memory.
 */
final class LongLongMap {
    private static final long FREE = 0;
    private long[] keys;
    private long[] values;
    private int size;
    private boolean hasZeroKey;
    private long zeroValue;

    LongLongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) (expected / 0.6)) * 2 - 1);
        keys = new long[cap];
        values = new long[cap];
    }

    /** The value for {@code key}, or {@code missing}. */
    long get(long key, long missing) {
        if (key == FREE) {
            return hasZeroKey ? zeroValue : missing;
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == FREE) {
                return missing;
            }
        }
    }

    void put(long key, long value) {
        if (key == FREE) {
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        if (size + 1 > keys.length * 0.6) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    int size() {
        return size + (hasZeroKey ? 1 : 0);
    }

    /** Every key, in no particular order. */
    void forEachKey(java.util.function.LongConsumer action) {
        if (hasZeroKey) {
            action.accept(FREE);
        }
        for (long k : keys) {
            if (k != FREE) {
                action.accept(k);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, FREE);
        size = 0;
        hasZeroKey = false;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
