package io.ransomtrace.app.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entries beyond a fixed size, so interning stays bounded. */
final class LruCache<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    LruCache(int capacity) {
        super(Math.min(capacity, 1 << 16), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
