package io.ransomtrace.engine.process;

import java.util.function.Predicate;

/** Open-addressing map from pid to process, without boxing (the table is looked up on every event). */
final class PidMap {
    private static final int FREE = Integer.MIN_VALUE;

    private int[] keys;
    private ProcessInfo[] values;
    private int size;
    private int mask;

    PidMap() {
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        java.util.Arrays.fill(keys, FREE);
        values = new ProcessInfo[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    private static int slot(int pid, int mask) {
        int h = pid * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    ProcessInfo get(int pid) {
        int i = slot(pid, mask);
        while (true) {
            int k = keys[i];
            if (k == pid) {
                return values[i];
            }
            if (k == FREE) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    void put(int pid, ProcessInfo p) {
        if (pid == FREE) {
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int i = slot(pid, mask);
        while (true) {
            int k = keys[i];
            if (k == pid) {
                values[i] = p;
                return;
            }
            if (k == FREE) {
                keys[i] = pid;
                values[i] = p;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes pid only while it still maps to {@code expected} (a reused pid must not lose its new process). */
    boolean remove(int pid, ProcessInfo expected) {
        int i = slot(pid, mask);
        while (true) {
            int k = keys[i];
            if (k == FREE) {
                return false;
            }
            if (k == pid) {
                if (values[i] != expected) {
                    return false;
                }
                deleteAt(i);
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes every process the predicate selects; returns how many. */
    int removeIf(Predicate<ProcessInfo> doomed) {
        int before = size;
        int[] oldKeys = keys;
        ProcessInfo[] oldValues = values;
        int capacity = keys.length;
        while (capacity > 64 && size * 8 < capacity) {
            capacity >>= 1;
        }
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE && !doomed.test(oldValues[i])) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        return before - size;
    }

    /** Every process in the map (for a snapshot), in no particular order. */
    ProcessInfo[] values() {
        ProcessInfo[] out = new ProcessInfo[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                out[n++] = values[i];
            }
        }
        return out;
    }

    private void deleteAt(int i) {
        keys[i] = FREE;
        values[i] = null;
        size--;
        // Re-insert the rest of the cluster so lookups never stop at the hole.
        int j = (i + 1) & mask;
        while (keys[j] != FREE) {
            int k = keys[j];
            ProcessInfo v = values[j];
            keys[j] = FREE;
            values[j] = null;
            size--;
            put(k, v);
            j = (j + 1) & mask;
        }
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        ProcessInfo[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
