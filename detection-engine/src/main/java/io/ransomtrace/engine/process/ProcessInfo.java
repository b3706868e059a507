package io.ransomtrace.engine.process;

import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Provenance;

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

    @Override
    public String toString() {
        return pid + ":" + commandLine();
    }
}
