package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.process.ProcessClassifier;
import io.ransomtrace.engine.profile.Profile;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
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
 * that was already running when the log starts, or a script's forked subshell) gets a key as well, known only
 * by its pid until an event of its own tells its executable: so the children of one shell stay together under
 * it in the tree; a subshell is placed under the script that forked it (see {@link #subshellOf}).
 *
 * <p>Memory is bounded: by the number of live processes, and at most {@code 2 × LIVE_GENERATION} of them (logs without
 * exit records keep every pid alive until pid_max wraps).
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

    /** A shell or interpreter running a script, started in an audit session: may fork subshells that never exec. */
    private record Script(long key, Integer hostId, int pid, long startMicros, long uid) {
    }

    private static final int SCRIPTS_PER_SESSION = 8;
    private final ProcessClassifier classifier = new ProcessClassifier(Profile.defaults());
    /** Per audit session, the scripts started last in it, newest first (bounded: sessions come and go). */
    private final Map<Long, ArrayDeque<Script>> scriptsBySession = new LruCache<>(10_000);

    private final Rows rows;
    /**
     * The process alive under each (host, pid), by {@link #hostPid}: the most recently used {@link #LIVE_GENERATION}
     * to twice as many. A process not heard of for that many others is forgotten: should it act again, it gets a row
     * known by its pid (as one that started before the log does), which costs its link to its own exec row only.
     */
    private final RecentLongMap<Live> live = new RecentLongMap<>(LIVE_GENERATION);
    static final int LIVE_GENERATION = 1 << 18;
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

    /** How many processes the tracker holds as alive (bounded, see {@link #live}). */
    int liveProcesses() {
        return live.size();
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
                if (before != null) {
                    forgetScript(actor, before.key()); // a script that exec'd another program is no longer one
                }
                live.put(hostPid(hostId, actor.pid()), new Live(key, exe(actor.exe()), actor.ppid(), false));
                rememberScript(key, hostId, actor, exec, timeMicros);
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
            if (l != null) {
                forgetScript(actor, l.key());
            }
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

    private void rememberScript(long key, Integer hostId, Actor actor, ProcessExec exec, long timeMicros) {
        long session = actor.credentials() == null ? Credentials.UNSET : actor.credentials().session();
        String name = actor.exeName();
        List<String> argv = exec.argv();
        boolean script = name != null && (classifier.isShell(name) || classifier.isInterpreter(name)) && argv.size() > 1
                && !argv.get(0).startsWith("-");
        if (session == Credentials.UNSET || !script) {
            return;
        }
        ArrayDeque<Script> scripts = scriptsBySession.computeIfAbsent(session, k -> new ArrayDeque<>());
        scripts.addFirst(new Script(key, hostId, actor.pid(), timeMicros, actor.credentials().uid()));
        if (scripts.size() > SCRIPTS_PER_SESSION) {
            scripts.removeLast();
        }
    }

    private void forgetScript(Actor actor, long key) {
        long session = actor.credentials() == null ? Credentials.UNSET : actor.credentials().session();
        ArrayDeque<Script> scripts = session == Credentials.UNSET ? null : scriptsBySession.get(session);
        if (scripts != null) {
            scripts.removeIf(s -> s.key() == key);
        }
    }

    /**
     * The script a never-seen parent pid is a forked subshell of: the body of {@code find … | while read f; do …;
     * done} or of {@code ( … )} in a script never execs, so auditd records nothing for it and only its children
     * name it, by their ppid. The script is the one still running in the child's audit session, as the same
     * user, started before the child, with the nearest lower pid (pids are handed out in order: the script
     * forked the subshell just before). The detector's process table applies the same rule, so the stored tree
     * keeps such a campaign under its root as the finding does.
     */
    private Script subshellOf(Integer hostId, Actor child, long timeMicros) {
        Credentials c = child.credentials();
        if (c == null || c.session() == Credentials.UNSET) {
            return null;
        }
        ArrayDeque<Script> scripts = scriptsBySession.get(c.session());
        if (scripts == null) {
            return null;
        }
        for (Script s : scripts) {
            Live l = live.get(hostPid(s.hostId(), s.pid()));
            boolean stillScript = l != null && l.key() == s.key();
            if (stillScript && Objects.equals(s.hostId(), hostId) && s.pid() < child.ppid() && s.startMicros() <= timeMicros
                    && (c.uid() == Credentials.UNSET || s.uid() == Credentials.UNSET || s.uid() == c.uid())) {
                return s;
            }
        }
        return null;
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
        // the parent was running before the log started, or is a subshell that never exec'd: known by its pid only
        long key = nextKey++;
        Script adopter = subshellOf(hostId, actor, timeMicros);
        Actor known = new Actor(actor.ppid(), adopter == null ? -1 : adopter.pid(), null, null, null, null);
        rows.insert(new ProcessRow(key, hostId, actor.ppid(), known.ppid(), adopter == null ? null : adopter.key(), null,
                timeMicros, known, null, sourceId));
        live.put(hp, new Live(key, null, -1, true));
        return key;
    }

}
