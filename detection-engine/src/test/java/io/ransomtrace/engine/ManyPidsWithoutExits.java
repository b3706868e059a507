package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The detector-state stress case, run in a child JVM with a small heap by {@link BoundedStateTest}: a busy host
 * whose rule set does not audit exit_group, so no process is ever seen to end. Every job is a new pid (cron's
 * forked child → {@code sh -c} → a tool writing and renaming a cache file); halfway through, a locker in an
 * ssh session rewrites, renames and leaves notes over 400 documents. Events are generated on the fly, never
 * stored. Prints one line: {@code events=N findings=N critical=N root=EXE processes=N campaigns=N evictions=...}.
 *
 * <p>Usage: {@code ManyPidsWithoutExits JOBS}
 */
public final class ManyPidsWithoutExits {
    private static final String HOST = "busy01";
    private static final Credentials ROOT = new Credentials(0, 0, 0, Credentials.UNSET, Credentials.UNSET, "root", null);

    private long ordinal;
    private long millis = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private final Detector detector = new Detector(Profile.defaults(), Allowlist.empty());

    public static void main(String[] args) {
        int jobs = Integer.parseInt(args[0]);
        ManyPidsWithoutExits run = new ManyPidsWithoutExits();
        int pid = 1000;
        for (int j = 0; j < jobs; j++) {
            if (j == jobs / 2) {
                run.attack(++pid);
                pid += 3;
            }
            int child = ++pid;
            int sh = ++pid;
            int tool = ++pid;
            run.exec(sh, child, "/usr/bin/dash", ROOT, "/bin/sh", "-c", "/usr/local/bin/job" + (j % 50) + ".sh");
            run.exec(tool, sh, "/usr/bin/python3.11", ROOT, "python3", "/opt/app/collect.py");
            String f = "/var/lib/app/cache/" + Integer.toHexString(j * 2654435761L > 0 ? j * 31 : j) + ".tmp";
            run.file(tool, sh, "/usr/bin/python3.11", ROOT, FileOpKind.CREATE, f, null);
            run.file(tool, sh, "/usr/bin/python3.11", ROOT, FileOpKind.RENAME, f, f.replace(".tmp", ".json"));
        }
        List<Finding> findings = run.detector.finish();
        long critical = findings.stream().filter(x -> x.severity() == Severity.CRITICAL).count();
        String root = findings.stream().filter(x -> x.severity() == Severity.CRITICAL).map(x -> x.rootProcess().exe())
                .findFirst().orElse("-");
        System.out.println("events=" + run.detector.eventsProcessed() + " findings=" + findings.size() + " critical="
                + critical + " root=" + root + " processes=" + run.detector.trackedProcesses() + " campaigns="
                + run.detector.activeCampaigns() + " evictions=" + run.detector.evictions());
    }

    /** alice logs in over ssh and runs a locker over 400 documents in 20 directories. */
    private void attack(int base) {
        int priv = base;
        int shell = base + 1;
        int locker = base + 2;
        Credentials alice = new Credentials(1101, 1101, 1101, 1101, 4242, "alice", "alice");
        detector.accept(new OtherRecord(id(), tick(), HOST, new Actor(priv, 650, "/usr/sbin/sshd", "sshd",
                new Credentials(0, 0, 0, 1101, 4242, "root", "alice"), null), "LOGIN", "LOGIN", Map.of(), null));
        exec(shell, priv, "/usr/bin/bash", alice, "-bash");
        exec(locker, shell, "/home/alice/.cache/fontd", alice, "./fontd");
        for (int i = 0; i < 400; i++) {
            String d = "/srv/share/dept" + (i / 20);
            String f = d + "/doc" + i + ".docx";
            file(locker, shell, "/home/alice/.cache/fontd", alice, FileOpKind.WRITE, f, null);
            file(locker, shell, "/home/alice/.cache/fontd", alice, FileOpKind.RENAME, f, f + ".fontd");
            if (i % 20 == 0) {
                file(locker, shell, "/home/alice/.cache/fontd", alice, FileOpKind.CREATE, d + "/RESTORE-FILES.txt", null);
            }
        }
    }

    private long id() {
        return EventId.of(1, ordinal++);
    }

    private Instant tick() {
        millis += 1;
        return Instant.ofEpochMilli(millis);
    }

    private void exec(int pid, int ppid, String exe, Credentials c, String... argv) {
        detector.accept(new ProcessExec(id(), tick(), HOST, new Actor(pid, ppid, exe, null, c, null), List.of(argv), false,
                "/", null, null, true, null));
    }

    private void file(int pid, int ppid, String exe, Credentials c, FileOpKind kind, String path, String target) {
        int flags = kind == FileOpKind.CREATE ? OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC
                : kind == FileOpKind.WRITE ? OpenFlags.O_RDWR : 0;
        detector.accept(new FileOp(id(), tick(), HOST, new Actor(pid, ppid, exe, null, c, null), kind, path, target, flags,
                0644, true, -1, null, null));
    }
}
