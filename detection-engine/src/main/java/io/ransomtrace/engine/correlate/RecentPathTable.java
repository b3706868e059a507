package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

/**
 * A fixed-size, direct-mapped memory of recent (campaign, path) facts — "this campaign created X at t",
 * "deleted Y at t" — used to pair an encrypted copy with its deleted original and to tell in-place writes
 * from writes to the campaign's own new files. Constant memory and no allocation: a colliding newer entry
 * simply replaces an older one, which at worst loses one pairing. Key, time and value of a slot sit next to
 * each other so a lookup touches one cache line.
 */
final class RecentPathTable {
    /** Key, time, value, owning campaign. */
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

    /** @param owner the campaign the fact is about (its key already carries it; a snapshot keeps open campaigns' facts only) */
    void put(long key, long millis, long auxValue, long owner) {
        int i = slot(key);
        slots[i] = key;
        slots[i + 1] = millis;
        slots[i + 2] = auxValue;
        slots[i + 3] = owner;
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

    /**
     * The slots of open campaigns only: a closed campaign's facts can never be looked up again (every key carries its
     * campaign), so a restored table without them answers every lookup the same; most slots are empty or dead.
     */
    void writeState(SnapshotWriter w, java.util.function.LongPredicate open) throws IOException {
        int used = 0;
        for (int i = 0; i < slots.length; i += STRIDE) {
            if (slots[i] != 0 && open.test(slots[i + 3])) {
                used++;
            }
        }
        w.writeInt(slots.length / STRIDE);
        w.writeInt(used);
        int previous = 0;
        for (int i = 0; i < slots.length; i += STRIDE) {
            if (slots[i] != 0 && open.test(slots[i + 3])) {
                w.writeInt(i / STRIDE - previous); // slot numbers as gaps: small numbers, short encoding
                previous = i / STRIDE;
                w.writeFixedLong(slots[i]);
                w.writeLong(slots[i + 1]);
                w.writeLong(slots[i + 2]);
                w.writeLong(slots[i + 3]);
            }
        }
    }

    void readState(SnapshotReader r) throws IOException {
        int size = r.readLength();
        if (size != slots.length / STRIDE) {
            throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("snapshot has a path table of " + size
                    + " slots, this detector " + slots.length / STRIDE);
        }
        java.util.Arrays.fill(slots, 0);
        int used = r.readLength();
        int slot = 0;
        for (int n = 0; n < used; n++) {
            slot += r.readInt();
            if (slot < 0 || slot >= size) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: path slot " + slot);
            }
            int i = slot * STRIDE;
            slots[i] = r.readFixedLong();
            slots[i + 1] = r.readLong();
            slots[i + 2] = r.readLong();
            slots[i + 3] = r.readLong();
        }
    }

    void remove(int slot) {
        slots[slot] = 0;
    }
}
