package io.ransomtrace.app.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The live-process map of an import holds at most two generations, keeping what is in use and forgetting the rest. */
class RecentLongMapTest {

    @Test
    void holdsAtMostTwoGenerationsWhateverIsPutIntoIt() {
        RecentLongMap<String> map = new RecentLongMap<>(1_000);
        for (long pid = 0; pid < 1_000_000; pid++) {
            map.put(pid, "p" + pid);
            assertThat(map.size()).isLessThanOrEqualTo(2_000);
        }
        assertThat(map.forgotten()).isGreaterThan(990_000);
        assertThat(map.get(999_999)).isEqualTo("p999999");
        assertThat(map.get(5)).isNull();
    }

    @Test
    void anEntryInUseSurvivesEveryGenerationAndARemovedOneIsGone() {
        RecentLongMap<String> map = new RecentLongMap<>(100);
        map.put(1, "sshd");
        map.put(2, "cron");
        for (long pid = 10; pid < 100_000; pid++) {
            map.put(pid, "job");
            if (pid % 50 == 0) {
                assertThat(map.get(1)).isEqualTo("sshd"); // a daemon whose children keep asking for it
            }
        }
        assertThat(map.get(1)).isEqualTo("sshd");
        assertThat(map.get(2)).as("not used for many generations").isNull();

        map.put(7, "a");
        assertThat(map.remove(7)).isEqualTo("a");
        assertThat(map.get(7)).isNull();
        map.put(8, "b");
        for (long pid = 200_000; pid < 200_099; pid++) {
            map.put(pid, "x"); // 8 moves to the old generation
        }
        map.put(8, "c"); // replaced, not duplicated across the generations
        assertThat(map.remove(8)).isEqualTo("c");
        assertThat(map.get(8)).isNull();
    }
}
