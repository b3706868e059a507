package io.ransomtrace.engine.trail;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.Provenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds event sequences the way auditd shows them on one host: fork+exec as a ProcessExec of the child
 * (with ppid), file syscalls as FileOps of the acting pid, exit_group as ProcessExit. Time advances by a
 * small step per event unless told otherwise, like a real burst.
 */
public final class Trail {
    private final String host;
    private final List<Event> events = new ArrayList<>();
    private final int sourceId;
    private long ordinal;
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private long stepMicros = 200;
    private int nextPid = 2000;

    public Trail(String host) {
        this(host, 1);
    }

    public Trail(String host, int sourceId) {
        this.host = host;
        this.sourceId = sourceId;
    }

    public String host() {
        return host;
    }

    /** Time between consecutive events (default 0.2 ms). */
    public Trail step(Duration d) {
        stepMicros = d.toNanos() / 1000;
        return this;
    }

    public Trail advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    public Instant now() {
        return now;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    int newPid() {
        return nextPid++;
    }

    long nextId() {
        return EventId.of(sourceId, ordinal++);
    }

    Instant tick() {
        now = now.plusNanos(stepMicros * 1000);
        return now;
    }

    Provenance provenance() {
        return new Provenance(sourceId, ordinal, ordinal * 300, now.getEpochSecond() + ".000:" + ordinal);
    }

    void add(Event e) {
        events.add(e);
    }

    /** A service or session leader that started before the log (never exec'd in it). */
    public Proc existing(int pid, int ppid, String exe, Credentials creds) {
        return new Proc(this, pid, ppid, exe, creds, "/", null);
    }

    /** sshd (started before the log) accepting a login of {@code user}: returns the login shell "-bash". */
    public Proc sshLogin(String user, long uid) {
        Proc sshd = existing(newPid(), 1, "/usr/sbin/sshd", creds(0, 0, Credentials.UNSET, null, null));
        Credentials c = creds(uid, uid, uid, user, user);
        return sshd.spawnAs(c, "/usr/bin/bash", "-bash").cwd(uid == 0 ? "/root" : "/home/" + user).tty("pts0");
    }

    /** A service started by systemd (pid 1) before the log, e.g. cron. */
    public Proc service(String exe) {
        return existing(newPid(), 1, exe, creds(0, 0, Credentials.UNSET, "root", null));
    }

    public static Credentials creds(long uid, long euid, long auid, String user, String loginUser) {
        return new Credentials(uid, euid, uid, auid, auid == Credentials.UNSET ? Credentials.UNSET : 7, user, loginUser);
    }

    Actor actor(Proc p) {
        String comm = p.exe == null ? null : p.exe.substring(p.exe.lastIndexOf('/') + 1);
        return new Actor(p.pid, p.ppid, p.exe, comm, p.creds, null);
    }
}
