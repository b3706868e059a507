package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path table starts small and grows, yet must answer every lookup exactly as the full-size direct-mapped table
 * it replaced (same collisions, so the same pairings and findings), and write the same snapshot bytes.
 */
class RecentPathTableTest {
    private static final int BITS = 12;

    /** Today's table before growth on demand: all 2^bits slots up front, one probe, newer entry wins. */
    private static final class FullTable {
        final long[] slots = new long[(1 << BITS) * 4];

        int slot(long key) {
            return ((int) (key ^ (key >>> 29)) & ((1 << BITS) - 1)) * 4;
        }

        void put(long key, long millis, long aux, long owner) {
            int i = slot(key);
            slots[i] = key;
            slots[i + 1] = millis;
            slots[i + 2] = aux;
            slots[i + 3] = owner;
        }

        int find(long key, long notBefore) {
            int i = slot(key);
            return slots[i] == key && slots[i + 1] >= notBefore ? i : -1;
        }

        void writeState(SnapshotWriter w, LongPredicate open) throws IOException {
            int used = 0;
            for (int i = 0; i < slots.length; i += 4) {
                if (slots[i] != 0 && open.test(slots[i + 3])) {
                    used++;
                }
            }
            w.writeInt(slots.length / 4);
            w.writeInt(used);
            int previous = 0;
            for (int i = 0; i < slots.length; i += 4) {
                if (slots[i] != 0 && open.test(slots[i + 3])) {
                    w.writeInt(i / 4 - previous);
                    previous = i / 4;
                    w.writeFixedLong(slots[i]);
                    w.writeLong(slots[i + 1]);
                    w.writeLong(slots[i + 2]);
                    w.writeLong(slots[i + 3]);
                }
            }
        }
    }

    private static final LongPredicate EVEN_OPEN = owner -> owner % 2 == 0;

    @Test
    void aQuietTableHoldsKilobytesNotTheFullTable() {
        RecentPathTable table = new RecentPathTable(16);
        for (int i = 0; i < 5; i++) {
            table.put(RecentPathTable.key(1, i * 7919L), 1000 + i, i, 1);
        }
        assertThat(table.isDense()).isFalse();
        assertThat(table.bytesHeld()).isLessThan(1024);
        assertThat(table.find(RecentPathTable.key(1, 3 * 7919L), 0)).isNotNegative();
        assertThat(table.find(RecentPathTable.key(2, 3 * 7919L), 0)).isEqualTo(-1);
    }

    @Test
    void growingKeepsEveryFactAndEveryCollisionOfTheFullTable() throws IOException {
        SplittableRandom random = new SplittableRandom(19);
        RecentPathTable table = new RecentPathTable(BITS);
        FullTable full = new FullTable();
        boolean sawSparseBytesMatch = false;
        // up to 3x more keys than slots: the table goes from sparse through growth to dense, with many collisions
        for (int step = 0; step < 3 * (1 << BITS); step++) {
            long key = RecentPathTable.key(random.nextInt(6), random.nextInt(1 << (BITS + 1)));
            long millis = step;
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    long aux = random.nextLong();
                    long owner = random.nextInt(6);
                    table.put(key, millis, aux, owner);
                    full.put(key, millis, aux, owner);
                }
                case 2 -> {
                    int slot = table.find(key, millis - 500);
                    int expected = full.find(key, millis - 500);
                    assertThat(slot < 0).isEqualTo(expected < 0);
                    if (slot >= 0) {
                        assertThat(table.millis(slot)).isEqualTo(full.slots[expected + 1]);
                        assertThat(table.aux(slot)).isEqualTo(full.slots[expected + 2]);
                        table.remove(slot);
                        full.slots[expected] = 0;
                    }
                }
                default -> assertThat(table.find(key, Long.MIN_VALUE) < 0).isEqualTo(full.find(key, Long.MIN_VALUE) < 0);
            }
            if (step % 257 == 0) {
                sawSparseBytesMatch |= !table.isDense();
                assertThat(snapshot(table::writeState)).as("snapshot at step " + step).isEqualTo(snapshot(full::writeState));
            }
        }
        assertThat(sawSparseBytesMatch).isTrue();
        assertThat(table.isDense()).isTrue();
        for (long path = 0; path < 1 << (BITS + 1); path++) {
            for (int campaign = 0; campaign < 6; campaign++) {
                long key = RecentPathTable.key(campaign, path);
                int slot = table.find(key, Long.MIN_VALUE);
                int expected = full.find(key, Long.MIN_VALUE);
                assertThat(slot < 0).isEqualTo(expected < 0);
                if (slot >= 0) {
                    assertThat(table.aux(slot)).isEqualTo(full.slots[expected + 2]);
                }
            }
        }
    }

    @Test
    void aRestoredTableAnswersTheSameSparseOrDense() throws IOException {
        for (int facts : new int[] {3, 200, 3000}) {
            SplittableRandom random = new SplittableRandom(facts);
            RecentPathTable table = new RecentPathTable(BITS);
            for (int n = 0; n < facts; n++) {
                table.put(RecentPathTable.key(random.nextInt(4), random.nextLong()), n, random.nextLong(), random.nextInt(4));
            }
            byte[] written = snapshot(w -> table.writeState(w, EVEN_OPEN));
            RecentPathTable restored = new RecentPathTable(BITS);
            restored.readState(new SnapshotReader(new DataInputStream(new ByteArrayInputStream(written))));
            assertThat(snapshot(w -> restored.writeState(w, EVEN_OPEN))).as(facts + " facts").isEqualTo(written);
            random = new SplittableRandom(facts);
            for (int n = 0; n < facts; n++) {
                long owner;
                long key = RecentPathTable.key(random.nextInt(4), random.nextLong());
                random.nextLong();
                owner = random.nextInt(4);
                int before = table.find(key, Long.MIN_VALUE);
                int after = restored.find(key, Long.MIN_VALUE);
                if (owner % 2 == 0) { // open campaigns' facts come back, closed ones' are left out
                    assertThat(after < 0).isEqualTo(before < 0);
                    if (after >= 0) {
                        assertThat(restored.millis(after)).isEqualTo(table.millis(before));
                        assertThat(restored.aux(after)).isEqualTo(table.aux(before));
                    }
                } else {
                    assertThat(after).isEqualTo(-1);
                }
            }
        }
    }

    private interface StateWriter {
        void write(SnapshotWriter w) throws IOException;
    }

    private interface OpenStateWriter {
        void write(SnapshotWriter w, LongPredicate open) throws IOException;
    }

    private static byte[] snapshot(StateWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new SnapshotWriter(new DataOutputStream(bytes)));
        return bytes.toByteArray();
    }

    private static byte[] snapshot(OpenStateWriter writer) throws IOException {
        return snapshot(w -> writer.write(w, EVEN_OPEN));
    }
}
