package io.ransomtrace.engine.process;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import io.ransomtrace.engine.model.FileOpKind;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processes of one host, built from exec records and, for processes that started before the log, from
 * the actor fields of their file events. Knows each process's campaign root.
 *
 * <p>Bounded: an exited process is dropped after a grace period, an idle one after the idle timeout, and all
 * tables together never hold more than the shared {@link ProcessLru}'s cap (least recently used first,
 * processes that matter for attribution last).
 */
public final class ProcessTable {
    private static final int MAX_WALK = 64;
    private static final int SCRIPTS_PER_SESSION = 8;
    /** Audit sessions whose recent scripts are remembered (the oldest session is forgotten first). */
    private static final int MAX_SESSIONS = 4096;

    private final ProcessClassifier classifier;
    private final long exitGraceMillis;
    private final ProcessLru lru;
    private final PidMap byPid = new PidMap();
    private final ArrayDeque<ProcessInfo> exitedQueue = new ArrayDeque<>();
    /** Per audit session, the scripts (shells or interpreters running a script) started last in it, newest first. */
    private final Map<Long, ArrayDeque<ProcessInfo>> scriptsBySession = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ArrayDeque<ProcessInfo>> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /**
     * @param lru the cap shared by all hosts' tables (a table of its own when null, holding {@code 100,000})
     */
    public ProcessTable(ProcessClassifier classifier, long exitGraceMillis, ProcessLru lru) {
        this.classifier = classifier;
        this.exitGraceMillis = exitGraceMillis;
        this.lru = lru != null ? lru : new ProcessLru(100_000);
    }

    public int size() {
        return byPid.size();
    }

    /** Records an exec; returns the process now running that image (null for a failed exec of an unknown pid). */
    public ProcessInfo onExec(ProcessExec e, long millis) {
        Actor a = e.actor();
        ProcessInfo existing = byPid.get(a.pid());
        if (!e.success()) {
            if (existing != null) {
                seen(existing, millis);
            }
            return existing;
        }
        ProcessInfo p;
        boolean sameProcess = existing != null && !existing.exited()
                && (a.ppid() < 0 || existing.ppid() == a.ppid() || existing.role() == ProcessRole.UNKNOWN);
        boolean detachedBefore = false;
        if (sameProcess) {
            // exec in the same process (sh -c 'openssl ...' execs openssl; nohup execs its command; setsid
            // calls setsid() and execs the daemon)
            p = existing;
            if (a.ppid() >= 0) {
                p.ppid(a.ppid());
            }
            detachedBefore = classifier.startsSession(p.exeName());
            principalChanged(p, a.credentials());
        } else {
            p = new ProcessInfo(a.pid(), a.ppid(), millis, e.id());
            track(p);
            touchParent(p, millis);
        }
        p.provenance(e.provenance());
        boolean wasScript = isScript(p);
        String name = nameOf(a, e.argv().isEmpty() ? null : e.argv().get(0));
        p.image(a.exe(), name, e.argv(), !e.argv().isEmpty(), e.cwd(), e.tty());
        p.credentials(a.credentials());
        p.role(classifier.classifyExec(name, e.argv(), e.tty()));
        if (p.role() == ProcessRole.INTERACTIVE_SHELL && loginShellFedByScript(p)) {
            p.role(ProcessRole.SCRIPT_RUNNER);
        }
        if (detachedBefore) {
            p.detached(true);
        }
        seen(p, millis);
        rememberScript(p, scriptKey(a.credentials()), wasScript);
        if (p.cachedRoot() != null && p.cachedRoot() != p && (p.role() == ProcessRole.BOUNDARY || p.detached())) {
            p.root(p);
        }
        lru.enforce();
        return p;
    }

    private void track(ProcessInfo p) {
        p.table = this;
        byPid.put(p.pid(), p);
        lru.add(p);
    }

    /** A fork that ran: its parent is in use (keeps a busy script or find from being evicted as idle). */
    private void touchParent(ProcessInfo child, long millis) {
        if (child.ppid() > 0) {
            ProcessInfo parent = byPid.get(child.ppid());
            if (parent != null) {
                seen(parent, millis);
            }
        }
    }

    private void seen(ProcessInfo p, long millis) {
        p.seen(millis);
        lru.touch(p);
    }

    private boolean isShellOrInterpreter(ProcessInfo p) {
        return p.exeName() != null && (classifier.isShell(p.exeName()) || classifier.isInterpreter(p.exeName()));
    }

    private boolean isScript(ProcessInfo p) {
        return p.role() == ProcessRole.SCRIPT_RUNNER && p.exeName() != null
                && (classifier.isShell(p.exeName()) || classifier.isInterpreter(p.exeName()));
    }

    /**
     * Where a process's scripts are remembered: its audit session; for a process in no session and with no login
     * uid (a daemon, what a root service or a container runtime starts: nothing of a login), the scripts of that
     * user outside any session. Keys of the latter are below {@link Credentials#UNSET}; UNSET means nowhere.
     */
    static long scriptKey(Credentials c) {
        if (c.session() != Credentials.UNSET) {
            return c.session();
        }
        return !c.hasLoginUid() && c.uid() >= 0 ? Credentials.UNSET - 1 - c.uid() : Credentials.UNSET;
    }

    /** Keeps the session's recent scripts current: a script that exec'd another program is no longer one. */
    private void rememberScript(ProcessInfo p, long session, boolean wasScript) {
        boolean script = isScript(p);
        if (session == Credentials.UNSET || (!script && !wasScript)) {
            return;
        }
        ArrayDeque<ProcessInfo> scripts = scriptsBySession.get(session);
        if (scripts == null) {
            if (!script) {
                return;
            }
            scripts = new ArrayDeque<>();
            scriptsBySession.put(session, scripts);
        }
        scripts.remove(p);
        if (script) {
            scripts.addFirst(p);
            if (scripts.size() > SCRIPTS_PER_SESSION) {
                scripts.removeLast();
            }
        }
    }

    public void onExit(ProcessExit e, long millis) {
        ProcessInfo p = byPid.get(e.actor().pid());
        if (p != null && !p.exited()) {
            p.exited(millis);
            exitedQueue.addLast(p);
        }
    }

    /**
     * What a record says about a process's login identity (a LOGIN record, a PAM record, any syscall): when the
     * process is known and its login uid or audit session is no longer the one recorded, the process has
     * begun a session (pam_loginuid in sshd, login, cron; a root shell writing /proc/self/loginuid). It then
     * belongs to that session, and the campaign-root walk stops at it.
     */
    public void onIdentity(Actor a, long millis) {
        if (a.pid() <= 0) {
            return;
        }
        ProcessInfo p = byPid.get(a.pid());
        if (p != null && !p.exited() && principalChanged(p, a.credentials())) {
            seen(p, millis);
        }
    }

    /** Updates p when {@code c} shows another login uid or audit session; true when it did. */
    private boolean principalChanged(ProcessInfo p, Credentials c) {
        Credentials old = p.credentials();
        if (old == Credentials.UNKNOWN || c == Credentials.UNKNOWN) {
            return false;
        }
        boolean newLogin = c.hasLoginUid() && c.loginUid() != old.loginUid();
        boolean newSession = c.session() != Credentials.UNSET && c.session() != old.session();
        if (!newLogin && !newSession) {
            return false;
        }
        p.credentials(new Credentials(c.uid() != Credentials.UNSET ? c.uid() : old.uid(),
                c.euid() != Credentials.UNSET ? c.euid() : old.euid(), c.gid() != Credentials.UNSET ? c.gid() : old.gid(),
                c.hasLoginUid() ? c.loginUid() : old.loginUid(),
                c.session() != Credentials.UNSET ? c.session() : old.session(),
                c.user() != null ? c.user() : old.user(), c.loginUser()));
        p.sessionStart(true);
        lru.keep(p);
        p.root(null); // what it does from now on belongs to the new session
        return true;
    }

    /** The process behind a file event, created from the actor's own fields when its exec was not seen. */
    public ProcessInfo forActor(Actor a, long millis, long eventId) {
        ProcessInfo p = byPid.get(a.pid());
        if (p != null) {
            boolean reused = p.exited() && millis > p.exitMillis() + exitGraceMillis;
            if (!reused && a.exe() != null && p.exe() != null && !a.exe().equals(p.exe())
                    && a.ppid() >= 0 && a.ppid() != p.ppid() && a.ppid() != 1) {
                reused = true; // a different program under a different parent: the pid was reused unseen
            }
            if (!reused) {
                if (p.role() == ProcessRole.UNKNOWN && (a.exe() != null || a.comm() != null)) {
                    fillFromActor(p, a);
                } else {
                    principalChanged(p, a.credentials());
                }
                seen(p, millis);
                return p;
            }
        }
        p = new ProcessInfo(a.pid(), a.ppid(), millis, eventId);
        track(p);
        fillFromActor(p, a);
        seen(p, millis);
        lru.enforce();
        return p;
    }

    /** The process changed a file: keep it over processes that did nothing when memory runs short. */
    public void changedFiles(ProcessInfo p) {
        lru.keep(p);
    }

    /** A campaign is rooted at p: keep it, so later activity below it still finds its campaign. */
    public void rootsCampaign(ProcessInfo p) {
        lru.keep(p);
    }

    private void fillFromActor(ProcessInfo p, Actor a) {
        String name = a.exeName();
        p.image(a.exe(), name, null, false, null, null);
        p.credentials(a.credentials());
        if (a.ppid() >= 0 && p.ppid() < 0) {
            p.ppid(a.ppid());
        }
        ProcessInfo parent = parentOf(p, false);
        p.role(classifier.classifyActor(name, parent == null ? null : parent.role()));
    }

    /**
     * The parent at the time the child started; with {@code createStub} a parent never seen is remembered by
     * pid alone, so that its children still share one lineage.
     */
    private ProcessInfo parentOf(ProcessInfo child, boolean createStub) {
        int ppid = child.ppid();
        if (ppid <= 0 || ppid == child.pid()) {
            return null;
        }
        ProcessInfo parent = byPid.get(ppid);
        if (parent != null && parent.startMillis() > child.startMillis() && parent.firstEventId() > child.firstEventId()) {
            return null; // the pid was reused by a process younger than the child
        }
        if (parent != null && createStub) {
            lru.touch(parent); // a parent whose children are still at work is in use (php-fpm's master, a find)
        }
        if (parent == null && createStub) {
            parent = new ProcessInfo(ppid, -1, child.startMillis(), child.firstEventId());
            parent.credentials(child.credentials());
            parent.role(ppid == 1 || ppid == 2 ? ProcessRole.BOUNDARY : ProcessRole.UNKNOWN);
            if (parent.role() == ProcessRole.UNKNOWN) {
                adoptSubshell(parent, child);
            }
            track(parent);
            parent.seen(child.lastSeenMillis());
        }
        return parent;
    }

    /**
     * A parent that never appeared in the log is, in practice, a forked subshell that never ran exec: the
     * body of {@code find … | while read f; do …; done} or of {@code ( … ) &} in a script. Auditd records
     * nothing for it (no exec, no file change of its own), so only its children name it, by ppid. If a
     * script is still running in the same audit session, as the same user, was started before the child and
     * has the nearest lower pid (pids are handed out in order, so the script's fork came just after it), the
     * placeholder is taken as that script's subshell and the lineage continues through it. A daemon's processes
     * (no session, no login uid: a root service, a container's shell) are matched the same way among that user's
     * scripts outside any session, unless the child is a shell or interpreter: that is a daemon starting a job.
     */
    private void adoptSubshell(ProcessInfo stub, ProcessInfo child) {
        Credentials c = child.credentials();
        long key = scriptKey(c);
        if (key == Credentials.UNSET) {
            return;
        }
        if (key != c.session() && isShellOrInterpreter(child)) {
            // outside a session a forked parent exec'ing a shell is how a daemon starts a job (cron's child runs
            // sh -c, atd's the job shell, a service's system()): a new job, not the body of a running script's loop
            return;
        }
        ArrayDeque<ProcessInfo> scripts = scriptsBySession.get(key);
        if (scripts == null) {
            return;
        }
        for (ProcessInfo script : scripts) {
            // still that script: not exited, not forgotten, and not since exec'd into something else
            // (/usr/bin/7z is a sh script that execs p7zip)
            boolean stillScript = !script.exited() && byPid.get(script.pid()) == script && isScript(script);
            if (stillScript && script != child && script.ppid() != stub.pid() && script.pid() < stub.pid() && script.startMillis() <= child.startMillis()
                    && (c.uid() == Credentials.UNSET || script.credentials().uid() == Credentials.UNSET
                        || script.credentials().uid() == c.uid())) {
                stub.ppid(script.pid());
                stub.role(ProcessRole.SCRIPT_RUNNER);
                return;
            }
        }
    }

    /**
     * A login shell ({@code -bash}: {@code sudo -i}, {@code su -}) started from inside a script or an ssh command
     * ({@code ssh host 'sudo -i <<X … X'}, through sudo or su) reads its commands from that script, not from a
     * person at a terminal: what it runs belongs to the script's campaign.
     */
    private boolean loginShellFedByScript(ProcessInfo shell) {
        if (!shell.argvKnown() || shell.argv().isEmpty() || !shell.argv().get(0).startsWith("-")) {
            return false;
        }
        ProcessInfo up = parentOf(shell, false);
        for (int depth = 0; up != null && up.role() == ProcessRole.WRAPPER && depth < 4; depth++) {
            up = parentOf(up, false);
        }
        return up != null && up.role() == ProcessRole.SCRIPT_RUNNER && isScript(up);
    }

    /** The parent process as the table knows it, or null. */
    public ProcessInfo parent(ProcessInfo child) {
        return parentOf(child, false);
    }

    /**
     * The campaign root of a process: walk up through script runners, wrappers and ordinary programs; stop
     * below services and session leaders, at a change of principal (another login uid or audit session: a
     * login began there, whatever the programs are called) and at a daemon detached with setsid; a per-file
     * tool typed in a session belongs to the session; a wrapper at the top is replaced by the program it ran.
     */
    public ProcessInfo rootOf(ProcessInfo p) {
        return resolve(p, 0);
    }

    private ProcessInfo resolve(ProcessInfo p, int depth) {
        ProcessInfo cached = p.cachedRoot();
        if (cached != null) {
            return cached;
        }
        ProcessInfo root;
        if (p.role() == ProcessRole.BOUNDARY || p.detached() || depth > MAX_WALK) {
            root = p;
        } else {
            ProcessInfo parent = parentOf(p, true);
            if (parent == null || parent.role() == ProcessRole.BOUNDARY || otherPrincipal(p, parent)
                    || classifier.startsSession(parent.exeName())) {
                root = p;
            } else if (parent.role() == ProcessRole.INTERACTIVE_SHELL || parent.role() == ProcessRole.UNKNOWN) {
                root = p.role() == ProcessRole.FILE_TOOL ? resolve(parent, depth + 1) : p;
            } else {
                ProcessInfo parentRoot = resolve(parent, depth + 1);
                root = parentRoot.role() == ProcessRole.WRAPPER ? p : parentRoot;
            }
        }
        p.root(root);
        return root;
    }

    /**
     * True when the child runs for another principal than its parent: another login uid, or another audit
     * session. The kernel gives a process a new login uid and session only when a login begins (sshd, login,
     * cron and su -l with pam_loginuid write /proc/self/loginuid); sudo, su without a login and setuid
     * programs keep both. What is above such a boundary (the daemon that accepted the login, the root shell
     * that started it) is someone else's and never the campaign's root. Identities a source does not carry
     * (an export without login uids) are no boundary.
     */
    static boolean otherPrincipal(ProcessInfo child, ProcessInfo parent) {
        Credentials c = child.credentials();
        Credentials q = parent.credentials();
        if (c == Credentials.UNKNOWN || q == Credentials.UNKNOWN) {
            return false;
        }
        if (c.hasLoginUid() && c.loginUid() != q.loginUid()) {
            return true;
        }
        return c.session() != Credentials.UNSET && q.session() != Credentials.UNSET && c.session() != q.session();
    }

    /**
     * The program doing the work for {@code actor} inside its campaign: the highest ordinary program (an
     * executable in no list, whose exec was seen) between the actor and the campaign root, or null. A
     * locker started by a script (and the workers it forks) is that program; per-file tools, shells and
     * wrappers are not programs.
     */
    public ProcessInfo actingProgram(ProcessInfo actor, ProcessInfo root) {
        ProcessInfo program = null;
        ProcessInfo p = actor;
        for (int depth = 0; p != null && p != root && depth <= MAX_WALK; depth++) {
            if (p.role() == ProcessRole.ORDINARY && p.argvKnown()) {
                program = p;
            }
            p = parentOf(p, false);
        }
        return p == root ? program : null;
    }

    /** Drops processes that exited longer ago than the grace period. Cheap; call often. */
    public void evictExited(long nowMillis) {
        while (!exitedQueue.isEmpty()) {
            ProcessInfo p = exitedQueue.peekFirst();
            if (p.exitMillis() + exitGraceMillis > nowMillis) {
                break;
            }
            exitedQueue.pollFirst();
            if (byPid.remove(p.pid(), p)) {
                lru.remove(p);
            }
        }
    }

    /** Forgets scripts of sessions whose processes are gone (the session map is also capped). */
    public void sweepSessions() {
        scriptsBySession.values().removeIf(scripts -> {
            scripts.removeIf(p -> p.exited() || byPid.get(p.pid()) != p);
            return scripts.isEmpty();
        });
    }

    /** Called by {@link ProcessLru} when p is evicted or idle: the pid no longer names it. */
    void forget(ProcessInfo p) {
        byPid.remove(p.pid(), p);
    }

    /**
     * The kinds of file event (bits by {@link FileOpKind#ordinal()}) the host's log has shown, successful or not.
     * A kind never seen may not be logged at all: execve-only audit rules show none, Sysmon for Linux creates and
     * deletes but no rename or write. For those kinds commands' arguments are all there is to say what happened.
     */
    private int fileKinds;

    /** Operations commands' arguments implied, of kinds the host had not shown, oldest first; null when none. */
    private ArrayDeque<ImpliedFileOp> implied;

    /** True when the host's log has shown a file event of this kind (a write or a truncation: either). */
    public boolean logs(FileOpKind kind) {
        return (fileKinds & family(kind)) != 0;
    }

    /** The host logs file events of this kind: held implied operations of the kind are dropped (the events tell). */
    public void fileEvent(FileOpKind kind) {
        int bit = 1 << kind.ordinal();
        if ((fileKinds & bit) != 0) {
            return;
        }
        fileKinds |= bit;
        if (implied != null) {
            implied.removeIf(i -> (family(i.op().kind()) & bit) != 0);
        }
    }

    /** Writes and truncations are one family: a log shows an O_TRUNC rewrite as either. */
    private static int family(FileOpKind kind) {
        return kind == FileOpKind.WRITE || kind == FileOpKind.TRUNCATE
                ? 1 << FileOpKind.WRITE.ordinal() | 1 << FileOpKind.TRUNCATE.ordinal() : 1 << kind.ordinal();
    }

    public void holdImplied(ImpliedFileOp op) {
        if (implied == null) {
            implied = new ArrayDeque<>();
        }
        implied.addLast(op);
    }

    /** The oldest held operation due at {@code millis} (all of them when millis is Long.MAX_VALUE), removed; else null. */
    public ImpliedFileOp takeDueImplied(long millis) {
        if (implied == null || implied.isEmpty() || implied.peekFirst().dueMillis() > millis) {
            return null;
        }
        return implied.pollFirst();
    }

    /** The table's state for a detector snapshot (its settings come from the profile again on restore). */
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(fileKinds);
        w.writeInt(implied == null ? 0 : implied.size());
        if (implied != null) {
            for (ImpliedFileOp i : implied) {
                io.ransomtrace.engine.snapshot.EventCodec.write(w, i.op());
                ProcessInfo.writeReference(w, i.actor());
                ProcessInfo.writeReference(w, i.root());
                w.writeLong(i.dueMillis());
            }
        }
        ProcessInfo[] all = byPid.values();
        w.writeInt(all.length);
        for (ProcessInfo p : all) {
            ProcessInfo.writeReference(w, p);
        }
        w.writeInt(exitedQueue.size());
        for (ProcessInfo p : exitedQueue) {
            ProcessInfo.writeReference(w, p);
        }
        w.writeInt(scriptsBySession.size());
        for (Map.Entry<Long, ArrayDeque<ProcessInfo>> e : scriptsBySession.entrySet()) {
            w.writeLong(e.getKey());
            w.writeInt(e.getValue().size());
            for (ProcessInfo p : e.getValue()) {
                ProcessInfo.writeReference(w, p);
            }
        }
    }

    /** Restores what {@link #writeState} wrote into this (empty) table; the shared LRU is restored after all tables. */
    public void readState(SnapshotReader r) throws IOException {
        fileKinds = r.readInt();
        int held = r.readLength();
        for (int i = 0; i < held; i++) {
            if (!(io.ransomtrace.engine.snapshot.EventCodec.read(r) instanceof io.ransomtrace.engine.model.FileOp op)) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: a held operation is no file operation");
            }
            holdImplied(new ImpliedFileOp(op, ProcessInfo.readReference(r), ProcessInfo.readReference(r), r.readLong()));
        }
        int n = r.readLength();
        for (int i = 0; i < n; i++) {
            ProcessInfo p = ProcessInfo.readReference(r);
            if (p == null) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: a null process");
            }
            p.table = this;
            byPid.put(p.pid(), p);
        }
        n = r.readLength();
        for (int i = 0; i < n; i++) {
            exitedQueue.addLast(ProcessInfo.readReference(r));
        }
        n = r.readLength();
        for (int i = 0; i < n; i++) {
            long session = r.readLong();
            int m = r.readLength();
            ArrayDeque<ProcessInfo> scripts = new ArrayDeque<>();
            for (int j = 0; j < m; j++) {
                scripts.addLast(ProcessInfo.readReference(r));
            }
            scriptsBySession.put(session, scripts);
        }
    }

    private static String nameOf(Actor a, String argv0) {
        String n = a.exeName();
        if (n != null && !n.isEmpty()) {
            return n;
        }
        return ProgramName.of(argv0);
    }
}
