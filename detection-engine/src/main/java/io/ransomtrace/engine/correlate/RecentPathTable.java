package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.snapshot.SnapshotFormatException;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A direct-mapped memory of recent (campaign, path) facts — "this campaign created X at t", "deleted Y at t" — used
 * to pair an encrypted copy with its deleted original and to tell in-place writes from writes to the campaign's own
 * new files. Bounded memory: a key has exactly one home among the table's {@code 2^bits} slots, and a colliding newer
 * entry simply replaces an older one, which at worst loses one pairing. Key, time and value of a slot sit next to
 * each other so a lookup touches one cache line.
 *
 * <p>Most detectors touch few of those slots (fleet mode holds one detector per host, and most hosts never start a
 * campaign), so the table does not allocate them all up front. It starts <em>sparse</em>: a small open-addressing
 * map from slot number to slot contents, doubled when half full, which holds exactly the slots the full table would
 * have non-empty. A put to an occupied slot number replaces it, as in the full table, so every lookup answers what the
 * full table would answer: collisions, and therefore findings, are the same whatever the current size. Once the
 * map would reach {@link #DENSE_FRACTION} of the slots it becomes the full array (today's memory, and its
 * one-probe lookup) for good.
 *
 * <p>A slot handle returned by {@link #find} is valid until the next {@link #put} on this table (a put may grow it).
 */
final class RecentPathTable {
    /** Key, time, value, owning campaign. */
    private static final int STRIDE = 4;
    private static final int FIRST_CAPACITY = 16;
    /** A map this full (in slot numbers it holds room for) is as big as the full array: switch to it. */
    private static final int DENSE_FRACTION = 4;

    /** Slot number mask of the full table: the hash of a key picks its slot in it, sparse or not. */
    private final int mask;
    /** Dense: the full table, slot n at {@code n * STRIDE}. Sparse: the map's entries, entry j at {@code j * STRIDE}. */
    private long[] slots;
    /** Sparse only: slot number + 1 of map entry j (0: free); null once dense. */
    private int[] slotNumbers;
    /** Sparse only: map entries in use, live or removed (a removed slot keeps its entry until the map grows). */
    private int entries;

    RecentPathTable(int bits) {
        mask = (1 << bits) - 1;
        sparse(FIRST_CAPACITY);
    }

    private void sparse(int capacity) {
        slots = new long[capacity * STRIDE];
        slotNumbers = new int[capacity];
        entries = 0;
    }

    private void dense() {
        slots = new long[(mask + 1) * STRIDE];
        slotNumbers = null;
        entries = 0;
    }

    static long key(long campaignSerial, long pathHash) {
        long k = pathHash ^ (campaignSerial * 0x9E3779B97F4A7C15L);
        return k == 0 ? 1 : k;
    }

    private int slotNumber(long key) {
        return (int) (key ^ (key >>> 29)) & mask;
    }

    /** The map entry holding a slot number, or -(insertion point + 1) when none does. */
    private int entry(int slotNumber) {
        int m = slotNumbers.length - 1;
        int h = slotNumber * 0x9E3779B9;
        int j = (h ^ (h >>> 16)) & m;
        while (true) {
            int n = slotNumbers[j];
            if (n == slotNumber + 1) {
                return j;
            }
            if (n == 0) {
                return -(j + 1);
            }
            j = (j + 1) & m;
        }
    }

    /** Where a slot's contents live, made room for when absent. */
    private int index(int slotNumber) {
        if (slotNumbers == null) {
            return slotNumber * STRIDE;
        }
        int j = entry(slotNumber);
        if (j >= 0) {
            return j * STRIDE;
        }
        if ((entries + 1) * 2 > slotNumbers.length) {
            grow();
            return index(slotNumber);
        }
        j = -j - 1;
        slotNumbers[j] = slotNumber + 1;
        entries++;
        return j * STRIDE;
    }

    /** Doubles the map (dropping removed slots: an empty slot answers no lookup), or turns it into the full table. */
    private void grow() {
        long[] oldSlots = slots;
        int[] oldNumbers = slotNumbers;
        int live = 0;
        for (int j = 0; j < oldNumbers.length; j++) {
            if (oldNumbers[j] != 0 && oldSlots[j * STRIDE] != 0) {
                live++;
            }
        }
        int capacity = oldNumbers.length;
        while ((live + 1) * 2 > capacity) {
            capacity *= 2;
        }
        if (capacity * DENSE_FRACTION > mask + 1) {
            dense();
        } else {
            sparse(capacity);
        }
        for (int j = 0; j < oldNumbers.length; j++) {
            if (oldNumbers[j] != 0 && oldSlots[j * STRIDE] != 0) {
                System.arraycopy(oldSlots, j * STRIDE, slots, index(oldNumbers[j] - 1), STRIDE);
            }
        }
    }

    /** @param owner the campaign the fact is about (its key already carries it; a snapshot keeps open campaigns' facts only) */
    void put(long key, long millis, long auxValue, long owner) {
        int i = index(slotNumber(key));
        slots[i] = key;
        slots[i + 1] = millis;
        slots[i + 2] = auxValue;
        slots[i + 3] = owner;
    }

    /** The slot holding key if it was recorded at or after {@code notBefore}, else -1. */
    int find(long key, long notBefore) {
        int i;
        if (slotNumbers == null) {
            i = slotNumber(key) * STRIDE;
        } else {
            int j = entry(slotNumber(key));
            if (j < 0) {
                return -1;
            }
            i = j * STRIDE;
        }
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

    /** Bytes held by the table's arrays (what a quiet detector costs; tests and the fleet benchmark read it). */
    long bytesHeld() {
        return (long) slots.length * Long.BYTES + (slotNumbers == null ? 0 : (long) slotNumbers.length * Integer.BYTES);
    }

    boolean isDense() {
        return slotNumbers == null;
    }

    /**
     * The slots of open campaigns only: a closed campaign's facts can never be looked up again (every key carries its
     * campaign), so a restored table without them answers every lookup the same; most slots are empty or dead. The
     * format does not depend on sparse or dense: slot numbers of the full table, in order.
     */
    void writeState(SnapshotWriter w, LongPredicate open) throws IOException {
        int[] kept = keptSlots(open);
        w.writeInt(mask + 1);
        w.writeInt(kept.length);
        int previous = 0;
        for (int slotNumber : kept) {
            int i = slotNumbers == null ? slotNumber * STRIDE : entry(slotNumber) * STRIDE; // present: it was just listed
            w.writeInt(slotNumber - previous); // slot numbers as gaps: small numbers, short encoding
            previous = slotNumber;
            w.writeFixedLong(slots[i]);
            w.writeLong(slots[i + 1]);
            w.writeLong(slots[i + 2]);
            w.writeLong(slots[i + 3]);
        }
    }

    /** Slot numbers holding a fact of an open campaign, ascending. */
    private int[] keptSlots(LongPredicate open) {
        int[] kept = new int[16];
        int n = 0;
        if (slotNumbers == null) {
            for (int s = 0; s <= mask; s++) {
                int i = s * STRIDE;
                if (slots[i] != 0 && open.test(slots[i + 3])) {
                    kept = n == kept.length ? Arrays.copyOf(kept, n * 2) : kept;
                    kept[n++] = s;
                }
            }
            return Arrays.copyOf(kept, n);
        }
        for (int j = 0; j < slotNumbers.length; j++) {
            int i = j * STRIDE;
            if (slotNumbers[j] != 0 && slots[i] != 0 && open.test(slots[i + 3])) {
                kept = n == kept.length ? Arrays.copyOf(kept, n * 2) : kept;
                kept[n++] = slotNumbers[j] - 1;
            }
        }
        kept = Arrays.copyOf(kept, n);
        Arrays.sort(kept);
        return kept;
    }

    void readState(SnapshotReader r) throws IOException {
        int size = r.readLength();
        if (size != mask + 1) {
            throw new SnapshotFormatException("snapshot has a path table of " + size + " slots, this detector " + (mask + 1));
        }
        int used = r.readLength();
        if (used > size) {
            throw new SnapshotFormatException("corrupt snapshot: " + used + " facts in a path table of " + size + " slots");
        }
        int capacity = FIRST_CAPACITY;
        while ((used + 1) * 2 > capacity) {
            capacity *= 2;
        }
        if (capacity * DENSE_FRACTION > size) {
            dense();
        } else {
            sparse(capacity);
        }
        int slot = 0;
        for (int n = 0; n < used; n++) {
            slot += r.readInt();
            if (slot < 0 || slot >= size) {
                throw new SnapshotFormatException("corrupt snapshot: path slot " + slot);
            }
            int i = index(slot);
            slots[i] = r.readFixedLong();
            slots[i + 1] = r.readLong();
            slots[i + 2] = r.readLong();
            slots[i + 3] = r.readLong();
        }
    }
}
