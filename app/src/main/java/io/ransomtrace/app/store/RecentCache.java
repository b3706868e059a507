package io.ransomtrace.app.store;

/**
 * A fixed-size, direct-mapped cache: each key has one slot, chosen by its hash, and a newer key in the same slot
 * replaces the older. Used for interning during an import instead of an LRU map: a lookup allocates nothing,
 * and the cache never holds more than its slots, where an LRU's entries each live long enough to be promoted to
 * the old generation and die there (the cause of most full collections on a busy log).
 */
final class RecentCache<K> {
    private final Object[] keys;
    private final long[] values;
    private final int mask;

    /** {@code slots} is rounded up to a power of two. */
    RecentCache(int slots) {
        int n = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        keys = new Object[n];
        values = new long[n];
        mask = n - 1;
    }

    /** The value cached for {@code key}, or {@code absent}; {@code hash} is the caller's hash of the key. */
    long get(K key, long hash, long absent) {
        int slot = slot(hash);
        Object k = keys[slot];
        return k != null && k.equals(key) ? values[slot] : absent;
    }

    void put(K key, long hash, long value) {
        int slot = slot(hash);
        keys[slot] = key;
        values[slot] = value;
    }

    private int slot(long hash) {
        return (int) (hash ^ hash >>> 32) & mask;
    }
}
