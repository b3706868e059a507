package io.ransomtrace.engine.trail;

import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;

import java.util.List;

/** One process in a {@link Trail}: spawn children, touch files, exit. */
public final class Proc {
    private final Trail trail;
    final int pid;
    final int ppid;
    String exe;
    Credentials creds;
    private String cwd;
    private String tty;

    Proc(Trail trail, int pid, int ppid, String exe, Credentials creds, String cwd, String tty) {
        this.trail = trail;
        this.pid = pid;
        this.ppid = ppid;
        this.exe = exe;
        this.creds = creds;
        this.cwd = cwd;
        this.tty = tty;
    }

    public int pid() {
        return pid;
    }

    public Proc cwd(String dir) {
        this.cwd = dir;
        return this;
    }

    public Proc tty(String t) {
        this.tty = t;
        return this;
    }

    /** fork + execve: a child running {@code exe} with {@code argv} (argv[0] first), same credentials. */
    public Proc spawn(String exe, String... argv) {
        return spawnAs(creds, exe, argv);
    }

    /** fork + execve with other credentials (what sudo's child looks like: uid 0, same login uid). */
    public Proc spawnAs(Credentials c, String exe, String... argv) {
        Proc child = new Proc(trail, trail.newPid(), pid, exe, c, cwd, tty);
        trail.tick();
        trail.add(new ProcessExec(trail.nextId(), trail.now(), trail.host(), trail.actor(child), List.of(argv), false,
                cwd, tty, null, true, trail.provenance()));
        return child;
    }

    /** sudo: spawns "sudo ARGS..." and then sudo's root child running the command. Returns the child. */
    public Proc sudo(String exe, String... argv) {
        String[] sudoArgv = new String[argv.length + 1];
        sudoArgv[0] = "sudo";
        System.arraycopy(argv, 0, sudoArgv, 1, argv.length);
        Proc sudo = spawn("/usr/bin/sudo", sudoArgv);
        Credentials root = new Credentials(0, 0, 0, creds.loginUid(), creds.session(), "root", creds.loginUser());
        return sudo.spawnAs(root, exe, argv);
    }

    /** fork without exec (a subshell): no event, the child shows up only through its own file events. */
    public Proc fork() {
        return new Proc(trail, trail.newPid(), pid, exe, creds, cwd, tty);
    }

    /** execve in this process (sh -c 'exec openssl ...'). */
    public Proc exec(String newExe, String... argv) {
        exe = newExe;
        trail.tick();
        trail.add(new ProcessExec(trail.nextId(), trail.now(), trail.host(), trail.actor(this), List.of(argv), false,
                cwd, tty, null, true, trail.provenance()));
        return this;
    }

    /**
     * What pam_loginuid (sshd, login, cron) or a root shell writing /proc/self/loginuid does: this process gets a
     * login uid and a new audit session, and the kernel writes a LOGIN record naming it. Processes it starts
     * afterwards inherit both.
     */
    public Proc login(long auid, long session, String loginUser) {
        Credentials old = creds;
        creds = new Credentials(old.uid(), old.euid(), old.gid(), auid, session, old.user(), loginUser);
        trail.tick();
        trail.add(new io.ransomtrace.engine.model.OtherRecord(trail.nextId(), trail.now(), trail.host(),
                trail.actor(this), "LOGIN", "LOGIN pid=" + pid + " auid=" + auid + " ses=" + session,
                java.util.Map.of("old-auid", String.valueOf(old.loginUid()), "auid", String.valueOf(auid),
                        "ses", String.valueOf(session)), trail.provenance()));
        return this;
    }

    /** fork without exec under other credentials (setuid in a forked child, as sshd's privilege separation does). */
    public Proc forkAs(Credentials c) {
        return new Proc(trail, trail.newPid(), pid, exe, c, cwd, tty);
    }

    public Credentials credentials() {
        return creds;
    }

    public void exit() {
        trail.tick();
        trail.add(new ProcessExit(trail.nextId(), trail.now(), trail.host(), trail.actor(this), 0, trail.provenance()));
    }

    private void op(FileOpKind kind, String path, String target, int flags, ContentHint hint) {
        trail.tick();
        trail.add(new FileOp(trail.nextId(), trail.now(), trail.host(), trail.actor(this), kind, path, target, flags,
                0644, true, -1, hint, trail.provenance()));
    }

    /** open(O_WRONLY|O_CREAT|O_TRUNC) of a path that did not exist. */
    public Proc create(String path) {
        op(FileOpKind.CREATE, path, null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, null);
        return this;
    }

    /** create with content facts as an EDR exports them. */
    public Proc create(String path, ContentHint hint) {
        op(FileOpKind.CREATE, path, null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, hint);
        return this;
    }

    /** open(DIR, O_TMPFILE|O_WRONLY): a new unnamed file in DIR, as the audit importer reports it. */
    public Proc createUnnamedIn(String dir) {
        op(FileOpKind.CREATE, dir, null, OpenFlags.O_TMPFILE | OpenFlags.O_WRONLY, null);
        return this;
    }

    /** open(O_RDWR) of an existing file: rewritten in place, no truncation. */
    public Proc writeInPlace(String path) {
        op(FileOpKind.WRITE, path, null, OpenFlags.O_RDWR, null);
        return this;
    }

    /** open(O_WRONLY|O_CREAT|O_NONBLOCK) of an existing file, as coreutils truncate does before ftruncate(2). */
    public Proc openToResize(String path) {
        op(FileOpKind.WRITE, path, null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT, null);
        return this;
    }

    /** open(O_WRONLY|O_TRUNC) of an existing file. */
    public Proc truncateOpen(String path) {
        op(FileOpKind.TRUNCATE, path, null, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, null);
        return this;
    }

    /** open(O_WRONLY|O_TRUNC) of an existing file, with content facts as an EDR exports them. */
    public Proc truncateOpen(String path, ContentHint hint) {
        op(FileOpKind.TRUNCATE, path, null, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, hint);
        return this;
    }

    /** open(O_WRONLY|O_APPEND) of an existing file. */
    public Proc append(String path) {
        op(FileOpKind.WRITE, path, null, OpenFlags.O_WRONLY | OpenFlags.O_APPEND, null);
        return this;
    }

    /** truncate(2)/ftruncate(2). */
    public Proc truncate(String path) {
        op(FileOpKind.TRUNCATE, path, null, 0, null);
        return this;
    }

    public Proc rename(String from, String to) {
        op(FileOpKind.RENAME, from, to, 0, null);
        return this;
    }

    public Proc delete(String path) {
        op(FileOpKind.DELETE, path, null, 0, null);
        return this;
    }

    public Proc mkdir(String path) {
        op(FileOpKind.MKDIR, path, null, 0, null);
        return this;
    }

    /** A failed open for write (EACCES): recorded, never counted. */
    public Proc failedCreate(String path) {
        trail.tick();
        trail.add(new FileOp(trail.nextId(), trail.now(), trail.host(), trail.actor(this), FileOpKind.CREATE, path, null,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644, false, -1, null, trail.provenance()));
        return this;
    }
}
