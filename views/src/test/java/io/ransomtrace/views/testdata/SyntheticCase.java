package io.ransomtrace.views.testdata;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.inspector.EvidenceLine;
import io.ransomtrace.views.inspector.FindingDetail;
import io.ransomtrace.views.inspector.SignalLine;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.process.ProcessSource;
import io.ransomtrace.views.spread.DirectoryStat;
import io.ransomtrace.views.timeline.InMemoryBucketSupplier;
import io.ransomtrace.views.timeline.OpKind;
import io.ransomtrace.views.timeline.TimelineMarker;
import io.ransomtrace.views.tuning.ThresholdSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small, deterministic ransomware case on file server fs01: alice logs in over ssh, sudo to root, runs
 * {@code python3 /tmp/.x/enc.py /srv/share}, which overwrites and renames files to {@code .locked} across the
 * share and drops {@code README_RESTORE.txt} notes; a nightly rsync backup runs alongside.
 */
public final class SyntheticCase {
    public static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    public static final Instant ATTACK = Instant.parse("2026-11-20T03:14:07.250Z");
    public static final Instant FIRST_ALERT = ATTACK.plusSeconds(9);
    public static final Instant END = Instant.parse("2026-11-20T04:00:00Z");
    public static final String[] DIRECTORIES = {
            "/srv/share/finance/2025", "/srv/share/finance/2026", "/srv/share/finance/payroll",
            "/srv/share/hr/contracts", "/srv/share/hr/reviews", "/srv/share/projects/atlas/docs",
            "/srv/share/projects/atlas/src", "/srv/share/projects/borealis", "/srv/share/legal",
            "/srv/share/marketing/assets", "/srv/share/marketing/campaigns", "/home/alice/Documents"};

    private SyntheticCase() {
    }

    public static List<InMemoryBucketSupplier.Op> timelineOps() {
        Random rnd = new Random(7);
        List<InMemoryBucketSupplier.Op> ops = new ArrayList<>();
        long span = Duration.between(START, END).toMillis();
        for (int i = 0; i < 1500; i++) { // background: logs, builds, the backup
            OpKind k = OpKind.values()[rnd.nextInt(4)];
            ops.add(new InMemoryBucketSupplier.Op(START.plusMillis((long) (rnd.nextDouble() * span)), k));
        }
        for (int i = 0; i < 6000; i++) { // the campaign: ~95 s of overwrite + rename, notes per directory
            Instant t = ATTACK.plusMillis((long) (Math.pow(rnd.nextDouble(), 0.8) * 95_000));
            ops.add(new InMemoryBucketSupplier.Op(t, i % 2 == 0 ? OpKind.WRITE : OpKind.RENAME));
        }
        for (int i = 0; i < DIRECTORIES.length; i++) {
            ops.add(new InMemoryBucketSupplier.Op(ATTACK.plusMillis(600 + i * 7_000L), OpKind.NOTE));
        }
        return ops;
    }

    public static List<TimelineMarker> markers() {
        return List.of(new TimelineMarker(START.plusMillis(3), TimelineMarker.Kind.FIRST_EVENT, "first event"),
                new TimelineMarker(FIRST_ALERT, TimelineMarker.Kind.FIRST_ALERT, "first alert"),
                new TimelineMarker(ATTACK.plusMillis(600), TimelineMarker.Kind.FIRST_NOTE, "first note"));
    }

    public static InMemoryBucketSupplier buckets() {
        return new InMemoryBucketSupplier(timelineOps(), markers());
    }

    public static List<DirectoryStat> directories() {
        List<DirectoryStat> stats = new ArrayList<>();
        long[] files = {820, 640, 95, 410, 120, 1300, 2100, 380, 260, 900, 430, 75};
        for (int i = 0; i < DIRECTORIES.length; i++) {
            stats.add(new DirectoryStat(DIRECTORIES[i], files[i], 1, ATTACK.plusMillis(500 + i * 7_000L)));
        }
        stats.add(new DirectoryStat("/srv/share", 12, 1, ATTACK.plusMillis(300)));
        return stats;
    }

    public static ProcessRow proc(String key, int pid, int ppid, String exe, String cmd, String user, String login,
                                  Instant start, Instant end, long files, String... badges) {
        return new ProcessRow(key, pid, ppid, exe, cmd, user, login, start, end, files, Set.of(badges));
    }

    /** Processes of fs01 by parent key ("" for roots). */
    public static Map<String, List<ProcessRow>> processes() {
        Map<String, List<ProcessRow>> byParent = new LinkedHashMap<>();
        ProcessRow systemd = proc("p1", 1, 0, "/usr/lib/systemd/systemd", "/sbin/init", "root", null, START, null, 0);
        ProcessRow sshd = proc("p812", 812, 1, "/usr/sbin/sshd", "sshd: /usr/sbin/sshd -D", "root", null, START, null, 0);
        ProcessRow sshdChild = proc("p30511", 30511, 812, "/usr/sbin/sshd", "sshd: alice [priv]", "root", "alice",
                ATTACK.minusSeconds(300), null, 0);
        ProcessRow bash = proc("p30520", 30520, 30511, "/usr/bin/bash", "-bash", "alice", "alice",
                ATTACK.minusSeconds(290), null, 0);
        ProcessRow sudo = proc("p30601", 30601, 30520, "/usr/bin/sudo", "sudo -i", "root", "alice",
                ATTACK.minusSeconds(60), null, 0, "sudo");
        ProcessRow rootBash = proc("p30602", 30602, 30601, "/usr/bin/bash", "-bash", "root", "alice",
                ATTACK.minusSeconds(59), null, 0);
        ProcessRow enc = proc("p30777", 30777, 30602, "/usr/bin/python3", "python3 /tmp/.x/enc.py /srv/share",
                "root", "alice", ATTACK.minusMillis(40), ATTACK.plusSeconds(96), 5890,
                "mass-overwrite", "ext-rename", "note");
        ProcessRow cron = proc("p640", 640, 1, "/usr/sbin/cron", "/usr/sbin/cron -f", "root", null, START, null, 0);
        ProcessRow backup = proc("p29001", 29001, 640, "/usr/bin/rsync", "rsync -a /srv/share/ /backup/share/",
                "backup", null, START.plusSeconds(600), START.plusSeconds(2400), 14200, "bulk-write");
        byParent.put("", List.of(systemd));
        byParent.put("p1", List.of(sshd, cron));
        byParent.put("p812", List.of(sshdChild));
        byParent.put("p30511", List.of(bash));
        byParent.put("p30520", List.of(sudo));
        byParent.put("p30601", List.of(rootBash));
        byParent.put("p30602", List.of(enc));
        byParent.put("p640", List.of(backup));
        List<ProcessRow> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(proc("p3078" + i, 30780 + i, 30777, "/usr/bin/python3", "python3 /tmp/.x/enc.py --worker " + i,
                    "root", "alice", ATTACK.plusMillis(100 + i), ATTACK.plusSeconds(95), 1200 + i * 31,
                    "mass-overwrite"));
        }
        byParent.put("p30777", workers);
        return byParent;
    }

    public static final List<String> LINEAGE = List.of("p1", "p812", "p30511", "p30520", "p30601", "p30602", "p30777");

    public static ProcessSource processSource() {
        Map<String, List<ProcessRow>> byParent = processes();
        return new ProcessSource() {
            @Override
            public List<ProcessRow> roots(String host) {
                return byParent.getOrDefault("", List.of());
            }

            @Override
            public List<ProcessRow> children(ProcessRow parent) {
                return byParent.getOrDefault(parent.key(), List.of());
            }
        };
    }

    public static List<FindingRow> findings() {
        return List.of(
                new FindingRow("f-enc", Severity.CRITICAL, 0.97, "Mass overwrite + .locked renames across /srv/share",
                        "fs01", "python3 /tmp/.x/enc.py /srv/share", "alice", 10_740, FIRST_ALERT, false, null),
                new FindingRow("f-note", Severity.HIGH, 0.81, "Ransom note README_RESTORE.txt dropped in 13 directories",
                        "fs01", "python3 /tmp/.x/enc.py /srv/share", "alice", 13, ATTACK.plusMillis(600), false, null),
                new FindingRow("f-tar", Severity.MEDIUM, 0.55, "Archive rewrite burst in /var/lib/app",
                        "app02", "tar czf /var/lib/app/snap.tgz /var/lib/app/data", "deploy", 640,
                        START.plusSeconds(1200), false, null),
                new FindingRow("f-rsync", Severity.HIGH, 0.62, "Bulk rewrite of /backup/share",
                        "fs01", "rsync -a /srv/share/ /backup/share/", "backup", 14_200, START.plusSeconds(700),
                        true, "nightly backup job (allowlist: rsync, bob, until 2027-03-31)"),
                new FindingRow("f-log", Severity.LOW, 0.31, "Log rotation renamed 48 files",
                        "web01", "logrotate /etc/logrotate.conf", "root", 48, START.plusSeconds(60), false, null));
    }

    public static FindingDetail detail() {
        FindingRow f = findings().get(0);
        return new FindingDetail(f, List.of(
                new SignalLine("mass-overwrite", "5,890 existing files opened with O_TRUNC and rewritten by one lineage in 95 s",
                        5890, 200, "files", true),
                new SignalLine("rewrite-rate", "Peak rate of 142 files/s in a 5-second window", 142, 20, "files/s", true),
                new SignalLine("extension-change", "98 % of renames add the same new extension .locked", 98, 60, "%", true),
                new SignalLine("note-spread", "README_RESTORE.txt written in 13 directories", 13, 3, "directories", true),
                new SignalLine("entropy", "Content entropy not available from auditd", 0, 7.2, "bits/byte", false)),
                List.of(new EvidenceLine(1001, ATTACK, "EXEC python3 /tmp/.x/enc.py /srv/share  by bash[30602] root ← alice"),
                        new EvidenceLine(1002, ATTACK.plusMillis(212), "WRITE+TRUNC /srv/share/finance/2025/q1.xlsx"),
                        new EvidenceLine(1003, ATTACK.plusMillis(219), "RENAME /srv/share/finance/2025/q1.xlsx → q1.xlsx.locked"),
                        new EvidenceLine(1004, ATTACK.plusMillis(600), "CREATE /srv/share/finance/2025/README_RESTORE.txt")),
                List.of("confirmed", "ir-2211"), "Contained at 03:21 by isolating fs01.");
    }

    public static List<ThresholdSpec> thresholds() {
        return List.of(
                new ThresholdSpec("overwrite.minFiles", "Files overwritten", "Fewest existing files one lineage must overwrite before it is a campaign.", 10, 2000, 200, 200, 10, "files"),
                new ThresholdSpec("overwrite.window", "Window", "Sliding window in which the overwrites are counted.", 5, 600, 60, 60, 5, "s"),
                new ThresholdSpec("rate.minPerSecond", "Rewrite rate", "Peak files per second that alone raises severity.", 1, 500, 20, 20, 1, "files/s"),
                new ThresholdSpec("rename.extensionShare", "Same new extension", "Share of renames adding one new extension.", 0, 100, 60, 60, 5, "%"),
                new ThresholdSpec("note.minDirectories", "Note spread", "Directories with the same new small text file to call it a ransom note.", 1, 50, 3, 3, 1, "dirs"));
    }

    /** Findings the demo detector gives for a set of thresholds: fewer as thresholds rise. */
    public static List<FindingRow> detect(Map<String, Double> t) {
        List<FindingRow> out = new ArrayList<>();
        for (FindingRow f : findings()) {
            double minFiles = t.getOrDefault("overwrite.minFiles", 200.0);
            if (f.filesAffected() < minFiles && !f.id().equals("f-note")) {
                continue;
            }
            if (f.id().equals("f-note") && t.getOrDefault("note.minDirectories", 3.0) > 13) {
                continue;
            }
            Severity s = f.severity();
            if (f.id().equals("f-tar") && t.getOrDefault("rate.minPerSecond", 20.0) < 10) {
                s = Severity.HIGH;
            }
            out.add(new FindingRow(f.id(), s, f.score(), f.title(), f.host(), f.rootCommand(), f.loginUser(),
                    f.filesAffected(), f.firstAlert(), f.suppressed(), f.suppressedWhy()));
        }
        if (t.getOrDefault("overwrite.minFiles", 200.0) <= 40) {
            out.add(new FindingRow("f-build", Severity.LOW, 0.2, "Build output rewritten in /home/bob/src", "dev03",
                    "make -j8", "bob", 45, START.plusSeconds(3000), false, null));
        }
        return out;
    }

    public static List<EventRow> events() {
        List<EventRow> rows = new ArrayList<>();
        long id = 1;
        rows.add(new EventRow(id++, ATTACK, "fs01", 30777, "/usr/bin/python3", "EXEC", "/tmp/.x/enc.py", null, "ok",
                "audit.log", 88_120));
        Random rnd = new Random(3);
        for (int i = 0; i < 400; i++) {
            String dir = DIRECTORIES[i % DIRECTORIES.length];
            String file = dir + "/doc" + i + (i % 3 == 0 ? ".xlsx" : ".docx");
            Instant t = ATTACK.plusMillis(200 + i * 230L + rnd.nextInt(50));
            int pid = 30780 + (i % 4);
            rows.add(new EventRow(id++, t, "fs01", pid, "/usr/bin/python3", "WRITE", file, null, "ok", "audit.log",
                    88_200 + i * 9L));
            rows.add(new EventRow(id++, t.plusMillis(3), "fs01", pid, "/usr/bin/python3", "RENAME", file,
                    file + ".locked", "ok", "audit.log", 88_205 + i * 9L));
            if (i < DIRECTORIES.length) {
                rows.add(new EventRow(id++, t.plusMillis(5), "fs01", 30777, "/usr/bin/python3", "CREATE",
                        dir + "/README_RESTORE.txt", null, "ok", "audit.log", 88_207 + i * 9L));
            }
        }
        for (int i = 0; i < 60; i++) {
            rows.add(new EventRow(id++, START.plusSeconds(600 + i * 20L), "fs01", 29001, "/usr/bin/rsync", "CREATE",
                    "/backup/share/finance/2025/file" + i + ".xlsx", null, "ok", "audit.log.1", 1200 + i * 6L));
        }
        rows.add(new EventRow(id, ATTACK.plusSeconds(2), "fs01", 30781, "/usr/bin/python3", "WRITE",
                "/srv/share/legal/locked-by-smb.pdf", null, "EACCES", "audit.log", 88_999));
        return rows;
    }
}
