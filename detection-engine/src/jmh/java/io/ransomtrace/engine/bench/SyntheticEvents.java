package io.ransomtrace.engine.bench;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic, realistic-looking event stream for benchmarks and the memory check: cron jobs whose
 * workers create, rewrite, rename and delete files; a daemon appending to its log; and, every 200 rounds, an
 * openssl campaign (find-style loop, copy + delete, ransom notes). Pids wrap like a real kernel's, so pid
 * reuse happens. About 1 ms of event time per event.
 */
public final class SyntheticEvents {
    private static final Credentials ROOT = new Credentials(0, 0, 0, Credentials.UNSET, Credentials.UNSET, "root", null);
    private static final Credentials ALICE_SUDO = new Credentials(0, 0, 0, 1000, 12, "root", "alice");
    private static final int PID_MAX = 4_194_304;

    private final Consumer<Event> sink;
    private final long limit;
    private long ordinal;
    private long millis = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private int nextPid = 3000;
    private final Actor cron = new Actor(800, 1, "/usr/sbin/cron", "cron", ROOT, null);
    private final Actor daemon = new Actor(900, 1, "/usr/sbin/appd", "appd", ROOT, null);
    private final Actor loginShell = new Actor(1200, 1100, "/usr/bin/bash", "bash",
            new Credentials(1000, 1000, 1000, 1000, 12, "alice", "alice"), null);

    private SyntheticEvents(Consumer<Event> sink, long limit) {
        this.sink = sink;
        this.limit = limit;
    }

    /** Emits exactly {@code count} events into {@code sink}; returns how many attack campaigns were complete. */
    public static long generate(long count, Consumer<Event> sink) {
        SyntheticEvents g = new SyntheticEvents(sink, count);
        long round = 0;
        try {
            for (; ; round++) {
                g.round(round);
            }
        } catch (Done done) {
            return round / 200; // rounds 199, 399, ... carry an attack; a cut-off one is not counted
        }
    }

    private static final class Done extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Done() {
            super(null, null, false, false);
        }
    }

    private int pid() {
        int p = nextPid++;
        if (nextPid >= PID_MAX) {
            nextPid = 3000;
        }
        return p;
    }

    private void emit(Event e) {
        if (ordinal > limit) {
            throw new Done();
        }
        sink.accept(e);
    }

    private long id() {
        ordinal++;
        if (ordinal > limit) {
            throw new Done();
        }
        millis++;
        return EventId.of(1, ordinal);
    }

    private Provenance prov() {
        return new Provenance(1, ordinal, ordinal * 320, null);
    }

    private Actor exec(Actor parent, String exe, Credentials c, List<String> argv) {
        Actor a = new Actor(pid(), parent.pid(), exe, exe.substring(exe.lastIndexOf('/') + 1), c, null);
        long id = id();
        emit(new ProcessExec(id, Instant.ofEpochMilli(millis), "bench01", a, argv, false, "/", null, null, true, prov()));
        return a;
    }

    private void exit(Actor a) {
        long id = id();
        emit(new ProcessExit(id, Instant.ofEpochMilli(millis), "bench01", a, 0, prov()));
    }

    private void file(Actor a, FileOpKind kind, String path, String target, int flags) {
        long id = id();
        emit(new FileOp(id, Instant.ofEpochMilli(millis), "bench01", a, kind, path, target, flags, 0644, true, -1,
                null, prov()));
    }

    private void round(long r) {
        // a cron job: sh -c, an ETL worker writing part files, rewriting state, renaming temps
        Actor sh = exec(cron, "/bin/sh", ROOT, List.of("sh", "-c", "/opt/etl/run " + r));
        Actor worker = exec(sh, "/usr/bin/python3", ROOT, List.of("python3", "/opt/etl/etl.py", "--batch", Long.toString(r)));
        String dir = "/data/etl/b" + (r % 500);
        for (int k = 0; k < 12; k++) {
            String part = dir + "/part-" + k + ".json";
            file(worker, FileOpKind.CREATE, part + ".tmp", null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT);
            file(worker, FileOpKind.RENAME, part + ".tmp", part, 0);
            file(worker, FileOpKind.TRUNCATE, "/var/lib/etl/state-" + k, null, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC);
        }
        file(worker, FileOpKind.DELETE, dir + "/old.json", null, 0);
        exit(worker);
        exit(sh);
        for (int k = 0; k < 20; k++) {
            file(daemon, FileOpKind.WRITE, "/var/log/appd/app.log", null, OpenFlags.O_WRONLY | OpenFlags.O_APPEND);
        }
        if (r % 200 == 199) {
            attack(r);
        }
    }

    private void attack(long r) {
        Actor sudo = exec(loginShell, "/usr/bin/sudo", ROOT, List.of("sudo", "bash", "run.sh"));
        Actor script = exec(sudo, "/usr/bin/bash", ALICE_SUDO, List.of("bash", "run.sh"));
        for (int k = 0; k < 50; k++) {
            String f = "/srv/share/r" + r + "/d" + (k % 5) + "/doc" + k + ".pdf";
            Actor s = exec(script, "/bin/sh", ALICE_SUDO, List.of("sh", "-c", "openssl enc ... && rm ..."));
            Actor o = exec(s, "/usr/bin/openssl", ALICE_SUDO,
                    List.of("openssl", "enc", "-aes-256-cbc", "-pass", "pass:x", "-in", f, "-out", f + ".enc"));
            file(o, FileOpKind.CREATE, f + ".enc", null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
            exit(o);
            Actor rm = exec(s, "/usr/bin/rm", ALICE_SUDO, List.of("rm", "-f", f));
            file(rm, FileOpKind.DELETE, f, null, 0);
            exit(rm);
            exit(s);
        }
        for (int d = 0; d < 5; d++) {
            file(script, FileOpKind.CREATE, "/srv/share/r" + r + "/d" + d + "/HOW_TO_DECRYPT.txt", null,
                    OpenFlags.O_WRONLY | OpenFlags.O_CREAT);
        }
        exit(script);
        exit(sudo);
    }
}
