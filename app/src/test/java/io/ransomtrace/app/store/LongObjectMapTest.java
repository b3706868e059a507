package io.ransomtrace.app.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LongObjectMapTest {

    /** Random puts and removes over a small key range (many collisions and shifts) behave like a HashMap. */
    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = -40, max = 40) Integer> ops) {
        LongObjectMap<String> map = new LongObjectMap<>(4);
        Map<Long, String> reference = new HashMap<>();
        int step = 0;
        for (int op : ops) {
            // the key spreads over the high and low halves, as host and pid do
            long key = (long) (op % 7) << 32 | Math.abs(op) * 1021L;
            if (op % 3 == 0) {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key));
            } else {
                String value = "v" + step++;
                map.put(key, value);
                reference.put(key, value);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (int k = -40; k <= 40; k++) {
            long key = (long) (k % 7) << 32 | Math.abs(k) * 1021L;
            assertThat(map.get(key)).isEqualTo(reference.get(key));
        }
    }
}
