package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy host's log without exit records (most rule sets do not audit exit_group) names a new pid for nearly every
 * job: the import keeps a bounded number of them alive, and the daemon that starts them all stays the parent of each.
 */
class ProcessTrackerBoundTest {

    @Test
    void aMillionPidsWithoutExitsKeepABoundedLiveTableAndTheirDaemonAsParent() {
        Map<Long, Long> parentOf = new HashMap<>();
        ProcessTracker tracker = new ProcessTracker(new ProcessTracker.Rows() {
            @Override
            public void insert(ProcessTracker.ProcessRow row) {
                if (row.pid() % 1000 == 7) {
                    parentOf.put(row.key(), row.parentKey());
                }
            }

            @Override
            public void identified(long key, Actor actor, Long parentKey) {
            }

            @Override
            public void exited(long key, long exitMicros, Integer exitCode) {
            }
        }, 1);
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        Long cron = tracker.keyFor(exec(1, 900, 1, "/usr/sbin/cron", t), 1, 0, 1);
        for (int pid = 1_000; pid < 1_001_000; pid++) {
            tracker.keyFor(exec(pid + 1, pid, 900, "/usr/bin/php", t), 1, pid, 1);
        }
        assertThat(tracker.liveProcesses()).isLessThanOrEqualTo(2 * ProcessTracker.LIVE_GENERATION);
        assertThat(parentOf).hasSize(1_000);
        assertThat(parentOf.values()).as("every job under cron's row").containsOnly(cron);
    }

    private static ProcessExec exec(long id, int pid, int ppid, String exe, Instant t) {
        Actor actor = new Actor(pid, ppid, exe, exe.substring(exe.lastIndexOf('/') + 1), Credentials.UNKNOWN, null);
        return new ProcessExec(id, t, "web01", actor, List.of(exe), false, "/", null, null, true,
                new Provenance(1, id, id, null));
    }
}
