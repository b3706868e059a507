package io.ransomtrace.app.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entries beyond a fixed size, so interning stays bounded. */
final class LruCache<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;
    private boolean evicted;

    LruCache(int capacity) {
        super(Math.min(capacity, 1 << 16), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > capacity) {
            evicted = true;
            return true;
        }
        return false;
    }

    /** True once an entry has been forgotten: from then on a miss does not mean "never seen". */
    boolean hasEvicted() {
        return evicted;
    }
}
