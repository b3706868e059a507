package io.ransomtrace.engine.correlate;

/**
 * A fixed-size, direct-mapped memory of recent (campaign, path) facts — "this campaign created X at t",
 * "deleted Y at t" — used to pair an encrypted copy with its deleted original and to tell in-place writes
 * from writes to the campaign's own new files. Constant memory and no allocation: a colliding newer entry
 * simply replaces an older one, which at worst loses one pairing. Key, time and value of a slot sit next to
 * each other so a lookup touches one cache line.
 */
final class RecentPathTable {
    private static final int STRIDE = 4;

    private final long[] slots;
    private final int mask;

    RecentPathTable(int bits) {
        slots = new long[(1 << bits) * STRIDE];
        mask = (1 << bits) - 1;
    }

    static long key(long campaignSerial, long pathHash) {
        long k = pathHash ^ (campaignSerial * 0x9E3779B97F4A7C15L);
        return k == 0 ? 1 : k;
    }

    private int slot(long key) {
        return ((int) (key ^ (key >>> 29)) & mask) * STRIDE;
    }

    void put(long key, long millis, long auxValue) {
        int i = slot(key);
        slots[i] = key;
        slots[i + 1] = millis;
        slots[i + 2] = auxValue;
    }

    /** The slot holding key if it was recorded at or after {@code notBefore}, else -1. */
    int find(long key, long notBefore) {
        int i = slot(key);
        return slots[i] == key && slots[i + 1] >= notBefore ? i : -1;
    }

    long millis(int slot) {
        return slots[slot + 1];
    }

    long aux(int slot) {
        return slots[slot + 2];
    }

    void remove(int slot) {
        slots[slot] = 0;
    }
}
