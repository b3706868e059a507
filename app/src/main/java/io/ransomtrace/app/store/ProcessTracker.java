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
 * maps to nothing until the next exec. An exec in a process that is already running (same pid, same parent)
 * replaces its program: the new image gets its own row, placed under the image it replaced, so that a
 * process's lineage covers everything it did under every program it ran. A process seen only through the file operations it did (it started
 * before the log begins) gets a key too, with no start time; so does one whose executable suddenly differs
 * from what we knew under that pid (its exec was not logged). Parents are found by the live process under
 * the parent pid, or by the EDR entity id when one is given. A parent that never appears itself (the shell
 * that was already running when the log starts) gets a key as well, known only by its pid until an event of
 * its own tells its executable: so the children of one shell stay together under it in the tree.
 *
 * <p>Memory is bounded by the number of live processes, not by the log size.
 */
final class ProcessTracker {

    /** What the tracker tells the store to write. */
    interface Rows {
        void insert(ProcessRow row);

        /** A process known only by its pid (as somebody's parent) did something: now we know who it is. */
        void identified(long key, Actor actor, Long parentKey);

        void exited(long key, long exitMicros, Integer exitCode);
    }

    /** A process row as first written. */
    record ProcessRow(long key, Integer hostId, int pid, int ppid, Long parentKey, Long startMicros,
                      long firstSeenMicros, Actor actor, ProcessExec exec, int sourceId) {
    }

    private record Live(long key, String exe, int ppid, boolean knownOnlyAsParent) {
    }

    private final Rows rows;
    /** The process alive under each (host, pid), by {@link #hostPid}. */
    private final LongObjectMap<Live> live = new LongObjectMap<>(1024);
    private final Map<String, Long> byEntityId = new LruCache<>(100_000);
    /**
     * One copy of each executable path for the live table: the parser gives every event its own string, and a
     * log can name hundreds of thousands of processes that never exit in it under a few hundred executables.
     */
    private final Map<String, String> exes = new HashMap<>();
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
            Live before = live.get(hostPid(hostId, actor.pid()));
            // An exec replaces the program of a running process; it does not start a new one. The new image
            // hangs under the image it replaced, so the process's lineage (what the detector calls one
            // process) holds the children and file operations of all its images: `bash -c "bash enc.sh"`
            // is one process whose first exec is the campaign root the detector names.
            Long parent = sameProcess(before, actor) ? Long.valueOf(before.key())
                    : parentKey(hostId, actor, exec.parentEntityId(), timeMicros, sourceId);
            rows.insert(new ProcessRow(key, hostId, actor.pid(), actor.ppid(), parent, timeMicros, timeMicros, actor,
                    exec, sourceId));
            if (exec.success()) {
                live.put(hostPid(hostId, actor.pid()), new Live(key, exe(actor.exe()), actor.ppid(), false));
                if (actor.entityId() != null) {
                    byEntityId.put(actor.entityId(), key);
                }
            }
            return key;
        }
        if (actor == null || actor.pid() < 0) {
            return null;
        }
        long hp = hostPid(hostId, actor.pid());
        if (event instanceof ProcessExit exit) {
            Live l = live.remove(hp);
            long key = l != null ? l.key() : insertUnstarted(hostId, actor, timeMicros, sourceId);
            rows.exited(key, timeMicros, exit.exitCode());
            return key;
        }
        Live l = live.get(hp);
        if (l != null && l.knownOnlyAsParent() && actor.exe() != null) {
            live.put(hp, new Live(l.key(), exe(actor.exe()), actor.ppid(), false));
            rows.identified(l.key(), actor, actor.ppid() == actor.pid() ? null
                    : parentKey(hostId, actor, null, timeMicros, sourceId));
            return l.key();
        }
        if (l != null && (actor.exe() == null || l.exe() == null || Objects.equals(actor.exe(), l.exe()))) {
            return l.key();
        }
        long key = insertUnstarted(hostId, actor, timeMicros, sourceId);
        live.put(hp, new Live(key, exe(actor.exe()), actor.ppid(), false));
        return key;
    }

    /**
     * Whether an exec under a pid continues the process live under it: the same parent (a pid reused behind
     * our back would almost always have another one), or a process we knew only as someone's parent, or an
     * exec whose parent pid the telemetry did not give.
     */
    private static boolean sameProcess(Live before, Actor actor) {
        return before != null && (before.knownOnlyAsParent() || actor.ppid() < 0 || before.ppid() < 0
                || before.ppid() == actor.ppid());
    }

    /** Host and pid in one long: the host's id (-1 for none) above, the pid below. */
    private static long hostPid(Integer hostId, int pid) {
        return (long) (hostId == null ? -1 : hostId) << 32 | (pid & 0xffffffffL);
    }

    private String exe(String exe) {
        if (exe == null) {
            return null;
        }
        String known = exes.get(exe);
        if (known != null) {
            return known;
        }
        if (exes.size() >= 10_000) {
            exes.clear(); // many distinct executables: keep the memory bound, lose only sharing
        }
        exes.put(exe, exe);
        return exe;
    }

    private long insertUnstarted(Integer hostId, Actor actor, long timeMicros, int sourceId) {
        long key = nextKey++;
        Long parent = parentKey(hostId, actor, null, timeMicros, sourceId);
        rows.insert(new ProcessRow(key, hostId, actor.pid(), actor.ppid(), parent, null, timeMicros, actor, null,
                sourceId));
        if (actor.entityId() != null) {
            byEntityId.put(actor.entityId(), key);
        }
        return key;
    }

    private Long parentKey(Integer hostId, Actor actor, String parentEntityId, long timeMicros, int sourceId) {
        if (parentEntityId != null) {
            Long k = byEntityId.get(parentEntityId);
            if (k != null) {
                return k;
            }
        }
        if (actor.ppid() <= 0 || actor.ppid() == actor.pid()) {
            return null;
        }
        long hp = hostPid(hostId, actor.ppid());
        Live parent = live.get(hp);
        if (parent != null) {
            return parent.key();
        }
        // the parent was running before the log started: known by its pid only, for now
        long key = nextKey++;
        Actor known = new Actor(actor.ppid(), -1, null, null, null, null);
        rows.insert(new ProcessRow(key, hostId, actor.ppid(), -1, null, null, timeMicros, known, null, sourceId));
        live.put(hp, new Live(key, null, -1, true));
        return key;
    }

}
