package io.ransomtrace.app.store;

/**
 * A {@link LongObjectMap} that forgets what has not been used for a long while, so that its memory is bounded by
 * {@code 2 × generation} entries whatever the input: entries live in a young and an old generation; a lookup that
 * finds one in the old generation moves it back to the young one, and when the young generation is full the old one
 * is dropped and the young one becomes old. What was neither written nor read during the last full generation is
 * forgotten (a least-recently-used bound, without a linked list per entry).
 *
 * <p>Why: an import keeps the process alive under every (host, pid). Most rule sets do not audit exit_group, so on a
 * busy host's log every pid ever seen stays "alive" until pid_max wraps (4 M on 64-bit): a 10 GB log with 1.3 M pids
 * held 2 M entries, over 100 MB, and ran an import out of its 256 MB heap.
 */
final class RecentLongMap<V> {
    private final int generation;
    private LongObjectMap<V> young = new LongObjectMap<>(1024);
    private LongObjectMap<V> old = new LongObjectMap<>(16);
    private long forgotten;

    /** @param generation entries per generation; at most twice as many are held */
    RecentLongMap(int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be positive");
        }
        this.generation = generation;
    }

    V get(long key) {
        V v = young.get(key);
        if (v != null) {
            return v;
        }
        v = old.remove(key);
        if (v != null) {
            putYoung(key, v);
        }
        return v;
    }

    void put(long key, V value) {
        old.remove(key);
        putYoung(key, value);
    }

    /** Removes the key's entry and returns its value, or null when there was none (or it was forgotten). */
    V remove(long key) {
        V v = young.remove(key);
        V o = old.remove(key);
        return v != null ? v : o;
    }

    int size() {
        return young.size() + old.size();
    }

    /** Entries dropped with an old generation so far. */
    long forgotten() {
        return forgotten;
    }

    private void putYoung(long key, V value) {
        young.put(key, value);
        if (young.size() >= generation) {
            forgotten += old.size();
            old = young;
            young = new LongObjectMap<>(1024);
        }
    }
}
