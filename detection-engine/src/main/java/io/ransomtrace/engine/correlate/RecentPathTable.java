package io.ransomtrace.engine.correlate;

/**
 * A fixed-size, direct-mapped memory of recent (campaign, path) facts — "this campaign created X at t",
 * "deleted Y at t" — used to pair an encrypted copy with its deleted original and to tell in-place writes
 * from writes to the campaign's own new files. Constant memory and no allocation: a colliding newer entry
 * simply replaces an older one, which at worst loses one pairing.
 */
final class RecentPathTable {
    private final long[] keys;
    private final long[] times;
    private final long[] aux;
    private final int mask;

    RecentPathTable(int bits) {
        int size = 1 << bits;
        keys = new long[size];
        times = new long[size];
        aux = new long[size];
        mask = size - 1;
    }

    static long key(long campaignSerial, long pathHash) {
        long k = pathHash ^ (campaignSerial * 0x9E3779B97F4A7C15L);
        return k == 0 ? 1 : k;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 29)) & mask;
    }

    void put(long key, long millis, long auxValue) {
        int i = slot(key);
        keys[i] = key;
        times[i] = millis;
        aux[i] = auxValue;
    }

    /** The slot holding key if it was recorded at or after {@code notBefore}, else -1. */
    int find(long key, long notBefore) {
        int i = slot(key);
        return keys[i] == key && times[i] >= notBefore ? i : -1;
    }

    long aux(int slot) {
        return aux[slot];
    }

    void remove(int slot) {
        keys[slot] = 0;
    }
}
