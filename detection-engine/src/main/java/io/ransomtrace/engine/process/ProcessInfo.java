package io.ransomtrace.engine.process;

import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.List;

/**
 * What the detector knows about one process on one host: its image (exe, argv), parent, credentials and
 * where its lineage leads. Mutable because an exec replaces the image of the same process; a reused pid
 * gets a new instance, so a campaign holding an old one keeps the right facts.
 */
public final class ProcessInfo {
    private final int pid;
    private int ppid;
    private String exe;
    private String exeName;
    private List<String> argv;
    private boolean argvKnown;
    private String cwd;
    private String tty;
    private Credentials credentials;
    private final long startMillis;
    private final long firstEventId;
    private int startSource = -1;
    private long startLine = -1;
    private ProcessRole role;
    private long lastSeenMillis;
    private long exitMillis = -1;
    private ProcessInfo root;
    /** This process began a login session: its login uid or audit session changed (LOGIN record, pam_loginuid). */
    private boolean sessionStart;
    /** This process began a new POSIX session (setsid): a daemon detached from whoever started it. */
    private boolean detached;

    /** The table that holds it (to forget it on eviction) and its place in the shared {@link ProcessLru}. */
    ProcessTable table;
    ProcessInfo lruPrev;
    ProcessInfo lruNext;
    boolean lruTracked;
    /** On the LRU's kept list: it changed files, roots a campaign or started a session. */
    boolean keep;
    /** Was on the kept list and moved back to the plain list when the kept list was over its share. */
    boolean wasKept;

    ProcessInfo(int pid, int ppid, long startMillis, long firstEventId) {
        this.pid = pid;
        this.ppid = ppid;
        this.startMillis = startMillis;
        this.firstEventId = firstEventId;
        this.lastSeenMillis = startMillis;
        this.credentials = Credentials.UNKNOWN;
        this.argv = List.of();
    }

    void image(String exe, String exeName, List<String> argv, boolean argvKnown, String cwd, String tty) {
        this.exe = exe;
        this.exeName = exeName;
        this.argv = argv == null ? List.of() : argv;
        this.argvKnown = argvKnown;
        if (cwd != null) {
            this.cwd = cwd;
        }
        this.tty = tty;
    }

    void provenance(Provenance p) {
        if (p != null) {
            startSource = p.sourceId();
            startLine = p.line();
        }
    }

    void credentials(Credentials c) {
        if (c != null && c != Credentials.UNKNOWN) {
            this.credentials = c;
        }
    }

    void sessionStart(boolean b) {
        sessionStart = b;
    }

    void detached(boolean b) {
        detached = b;
    }

    void ppid(int ppid) {
        this.ppid = ppid;
    }

    void role(ProcessRole role) {
        this.role = role;
    }

    void seen(long millis) {
        if (millis > lastSeenMillis) {
            lastSeenMillis = millis;
        }
    }

    void exited(long millis) {
        exitMillis = millis;
        seen(millis);
    }

    void root(ProcessInfo root) {
        this.root = root;
    }

    ProcessInfo cachedRoot() {
        return root;
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    /** Absolute executable path, or null when only a name is known. */
    public String exe() {
        return exe;
    }

    /** Executable file name (or comm), or null for a process known only by pid. */
    public String exeName() {
        return exeName;
    }

    public List<String> argv() {
        return argv;
    }

    /** True when argv came from an exec record (not guessed from a file event's actor). */
    public boolean argvKnown() {
        return argvKnown;
    }

    public String commandLine() {
        if (!argv.isEmpty()) {
            return String.join(" ", argv);
        }
        return exe != null ? exe : exeName;
    }

    public String cwd() {
        return cwd;
    }

    public String tty() {
        return tty;
    }

    public Credentials credentials() {
        return credentials;
    }

    public long startMillis() {
        return startMillis;
    }

    /** Id of the first event that showed this process (its exec when there was one). */
    public long firstEventId() {
        return firstEventId;
    }

    public int startSource() {
        return startSource;
    }

    public long startLine() {
        return startLine;
    }

    public ProcessRole role() {
        return role;
    }

    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    public boolean exited() {
        return exitMillis >= 0;
    }

    public long exitMillis() {
        return exitMillis;
    }

    /** True when this process began a login session (its login uid or audit session changed in it). */
    public boolean sessionStart() {
        return sessionStart;
    }

    /** True when this process began a new POSIX session through setsid (a daemon). */
    public boolean detached() {
        return detached;
    }

    /**
     * Writes a reference to a process, with its whole state the first time it appears in the snapshot (the
     * table, campaigns and caches share process instances; restoring must share them again). Its place in the
     * {@link ProcessLru} is written by the LRU, which restores the links and the table it belongs to.
     */
    public static void writeReference(SnapshotWriter w, ProcessInfo p) throws IOException {
        if (!w.writeReference(p)) {
            return;
        }
        w.writeInt(p.pid);
        w.writeInt(p.ppid);
        w.writeString(p.exe);
        w.writeString(p.exeName);
        w.writeStrings(p.argv);
        w.writeBoolean(p.argvKnown);
        w.writeString(p.cwd);
        w.writeString(p.tty);
        w.writeCredentials(p.credentials);
        w.writeLong(p.startMillis);
        w.writeLong(p.firstEventId);
        w.writeInt(p.startSource);
        w.writeLong(p.startLine);
        w.writeEnum(p.role);
        w.writeLong(p.lastSeenMillis);
        w.writeLong(p.exitMillis);
        w.writeByte((p.sessionStart ? 1 : 0) | (p.detached ? 2 : 0) | (p.keep ? 4 : 0) | (p.wasKept ? 8 : 0));
        writeReference(w, p.root);
    }

    /** Reads what {@link #writeReference} wrote: null, a process read before, or a new one. */
    public static ProcessInfo readReference(SnapshotReader r) throws IOException {
        int ref = r.readReference();
        if (ref == SnapshotReader.NULL) {
            return null;
        }
        if (ref != SnapshotReader.NEW) {
            return r.shared(ref, ProcessInfo.class);
        }
        int pid = r.readInt();
        int ppid = r.readInt();
        String exe = r.readString();
        String exeName = r.readString();
        List<String> argv = List.copyOf(r.readStringList());
        boolean argvKnown = r.readBoolean();
        String cwd = r.readString();
        String tty = r.readString();
        Credentials credentials = r.readCredentials();
        long startMillis = r.readLong();
        long firstEventId = r.readLong();
        ProcessInfo p = new ProcessInfo(pid, ppid, startMillis, firstEventId);
        r.register(p); // before the root, which may be the process itself
        p.exe = exe;
        p.exeName = exeName;
        p.argv = argv;
        p.argvKnown = argvKnown;
        p.cwd = cwd;
        p.tty = tty;
        p.credentials = credentials;
        p.startSource = r.readInt();
        p.startLine = r.readLong();
        p.role = r.readEnum(ProcessRole.values());
        p.lastSeenMillis = r.readLong();
        p.exitMillis = r.readLong();
        int flags = r.readByte();
        p.sessionStart = (flags & 1) != 0;
        p.detached = (flags & 2) != 0;
        p.keep = (flags & 4) != 0;
        p.wasKept = (flags & 8) != 0;
        p.root = readReference(r);
        return p;
    }

    @Override
    public String toString() {
        return pid + ":" + commandLine();
    }
}
