package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Gives every process instance a stable key, so a pid that the kernel reuses later is a different process.
 *
 * <p>A process instance is (host, pid, start): every exec starts one; an exit ends it, after which the pid
 * maps to nothing until the next exec. A process seen only through the file operations it did (it started
 * before the log begins) gets a key too, with no start time; so does one whose executable suddenly differs
 * from what we knew under that pid (its exec was not logged). Parents are found by the live process under
 * the parent pid, or by the EDR entity id when one is given.
 *
 * <p>Memory is bounded by the number of live processes, not by the log size.
 */
final class ProcessTracker {

    /** What the tracker tells the store to write. */
    interface Rows {
        void insert(ProcessRow row);

        void exited(long key, long exitMicros, Integer exitCode);
    }

    /** A process row as first written. */
    record ProcessRow(long key, Integer hostId, int pid, int ppid, Long parentKey, Long startMicros,
                      long firstSeenMicros, Actor actor, ProcessExec exec, int sourceId) {
    }

    private record HostPid(Integer hostId, int pid) {
    }

    private record Live(long key, String exe) {
    }

    private final Rows rows;
    private final Map<HostPid, Live> live = new HashMap<>();
    private final Map<String, Long> byEntityId = new LruCache<>(100_000);
    private long nextKey;

    ProcessTracker(Rows rows, long firstFreeKey) {
        this.rows = rows;
        this.nextKey = firstFreeKey;
    }

    /** The process key for an event, creating the process row when this is the first we hear of it. */
    Long keyFor(Event event, Integer hostId, long timeMicros, int sourceId) {
        Actor actor = event.actor();
        if (event instanceof ProcessExec exec) {
            long key = nextKey++;
            rows.insert(new ProcessRow(key, hostId, actor.pid(), actor.ppid(), parentKey(hostId, actor,
                    exec.parentEntityId()), timeMicros, timeMicros, actor, exec, sourceId));
            if (exec.success()) {
                live.put(new HostPid(hostId, actor.pid()), new Live(key, actor.exe()));
                if (actor.entityId() != null) {
                    byEntityId.put(actor.entityId(), key);
                }
            }
            return key;
        }
        if (actor == null || actor.pid() < 0) {
            return null;
        }
        HostPid hp = new HostPid(hostId, actor.pid());
        if (event instanceof ProcessExit exit) {
            Live l = live.remove(hp);
            long key = l != null ? l.key() : insertUnstarted(hostId, actor, timeMicros, sourceId);
            rows.exited(key, timeMicros, exit.exitCode());
            return key;
        }
        Live l = live.get(hp);
        if (l != null && (actor.exe() == null || l.exe() == null || Objects.equals(actor.exe(), l.exe()))) {
            return l.key();
        }
        long key = insertUnstarted(hostId, actor, timeMicros, sourceId);
        live.put(hp, new Live(key, actor.exe()));
        return key;
    }

    private long insertUnstarted(Integer hostId, Actor actor, long timeMicros, int sourceId) {
        long key = nextKey++;
        rows.insert(new ProcessRow(key, hostId, actor.pid(), actor.ppid(), parentKey(hostId, actor, null), null,
                timeMicros, actor, null, sourceId));
        if (actor.entityId() != null) {
            byEntityId.put(actor.entityId(), key);
        }
        return key;
    }

    private Long parentKey(Integer hostId, Actor actor, String parentEntityId) {
        if (parentEntityId != null) {
            Long k = byEntityId.get(parentEntityId);
            if (k != null) {
                return k;
            }
        }
        if (actor.ppid() < 0) {
            return null;
        }
        Live parent = live.get(new HostPid(hostId, actor.ppid()));
        return parent == null ? null : parent.key();
    }

}
