package io.ransomtrace.fleet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Raw audit logs of a synthetic fleet, one file per host ({@code node=host-NNN}), deterministic per seed: users
 * starting editors, scripts and builds that write files, processes exiting, and on every fourth host a locker that
 * rewrites files in place, renames them to {@code .locked} and drops a note per directory, in the middle of the
 * day; the host goes on working for a quarter of an hour after it (so its campaign closes on the host's own
 * clock). Records are what auditd writes for execve/openat/rename/exit_group with the usual watch rules
 * (SYSCALL, EXECVE, CWD, PATH, PROCTITLE, EOE); events are 20 ms apart on each host. Host n's day starts n × 20 minutes
 * after the first one's, so that {@code scan}, reading the files one after another with one detector, sees time go
 * forward as it would on real archives (its clock closes the previous host's campaigns).
 *
 * <p>Usage: {@code SyntheticFleet HOSTS EVENTS_PER_HOST OUT_DIR}
 */
public final class SyntheticFleet {
    static final long START_SECONDS = 1_795_000_000L;
    static final int STEP_MILLIS = 20;

    private final BufferedWriter out;
    private final String node;
    private final SplittableRandom rnd;
    private long millis = START_SECONDS * 1000;
    private long serial = 1000;
    private int nextPid = 3000;
    private long events;

    private SyntheticFleet(BufferedWriter out, String node, long seed) {
        this.out = out;
        this.node = node;
        this.rnd = new SplittableRandom(seed);
        this.millis += (seed - 1) * 20 * 60_000L;
    }

    public static void main(String[] args) throws IOException {
        int hosts = Integer.parseInt(args[0]);
        int perHost = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        long total = 0;
        for (int h = 1; h <= hosts; h++) {
            total += write(dir.resolve(hostName(h) + ".log"), hostName(h), perHost, h % 4 == 0, h);
        }
        System.out.printf(Locale.ROOT, "%d hosts, %,d events in %s%n", hosts, total, dir);
    }

    static String hostName(int h) {
        return String.format(Locale.ROOT, "host-%03d", h);
    }

    /** Writes one host's log; returns its events. */
    static long write(Path file, String node, int events, boolean attack, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticFleet f = new SyntheticFleet(w, node, seed);
            f.day(events, attack);
            return f.events;
        }
    }

    private void day(int target, boolean attack) throws IOException {
        long attackAt = attack ? target * 2L / 5 : Long.MAX_VALUE;
        while (events < target) {
            if (events >= attackAt) {
                locker(Math.min(400, (int) (target / 20)));
                attackAt = Long.MAX_VALUE;
                continue;
            }
            int kind = rnd.nextInt(10);
            if (kind < 6) {
                editorSession();
            } else if (kind < 9) {
                build();
            } else {
                shortCommand();
            }
        }
    }

    private void editorSession() throws IOException {
        int pid = exec(1000, 1000, "/usr/bin/vim.basic", "vim", "/home/alice/notes.md");
        int files = 1 + rnd.nextInt(4);
        for (int i = 0; i < files; i++) {
            String path = "/home/alice/work/doc-" + rnd.nextInt(500) + ".md";
            open(pid, 1000, 1000, "/usr/bin/vim.basic", "vim", path, "241", "NORMAL", "CREATE");
        }
        exit(pid, 1000, 1000, "/usr/bin/vim.basic", "vim");
    }

    private void build() throws IOException {
        int make = exec(1001, 1001, "/usr/bin/make", "make", "-j2");
        for (int i = 0; i < 6; i++) {
            String obj = "/srv/build/obj/unit-" + rnd.nextInt(2000) + ".o";
            open(make, 1001, 1001, "/usr/bin/make", "make", obj, "241", "NORMAL", "CREATE");
        }
        exit(make, 1001, 1001, "/usr/bin/make", "make");
    }

    private void shortCommand() throws IOException {
        int pid = exec(0, 4294967295L, "/usr/sbin/logrotate", "logrotate", "/etc/logrotate.conf");
        open(pid, 0, 4294967295L, "/usr/sbin/logrotate", "logrotate", "/var/lib/logrotate/status.tmp", "241", "NORMAL", "CREATE");
        exit(pid, 0, 4294967295L, "/usr/sbin/logrotate", "logrotate");
    }

    private void locker(int files) throws IOException {
        int pid = exec(0, 1000, "/tmp/.x/locker", "locker", "--all", "/srv/shares");
        for (int i = 0; i < files; i++) {
            String dir = "/srv/shares/d" + (i / 20);
            String f = dir + "/report-" + i + ".pdf";
            open(pid, 0, 1000, "/tmp/.x/locker", "locker", f, "2", "NORMAL", "NORMAL"); // O_RDWR: rewritten in place
            rename(pid, 0, 1000, "/tmp/.x/locker", "locker", f, f + ".locked");
            if (i % 20 == 0) {
                open(pid, 0, 1000, "/tmp/.x/locker", "locker", dir + "/README_RESTORE.txt", "241", "NORMAL", "CREATE");
            }
        }
        exit(pid, 0, 1000, "/tmp/.x/locker", "locker");
    }

    // ---- records ----

    private String stamp() {
        millis += STEP_MILLIS;
        serial++;
        events++;
        return String.format(Locale.ROOT, "%d.%03d:%d", millis / 1000, millis % 1000, serial);
    }

    private String subject(int pid, long uid, long auid, String exe, String comm) {
        return "ppid=1 pid=" + pid + " auid=" + auid + " uid=" + uid + " gid=" + uid + " euid=" + uid + " suid=" + uid
                + " fsuid=" + uid + " egid=" + uid + " sgid=" + uid + " fsgid=" + uid + " tty=(none) ses="
                + (auid == 4294967295L ? "4294967295" : "3") + " comm=\"" + comm + "\" exe=\"" + exe + "\"";
    }

    private int exec(long uid, long auid, String exe, String... argv) throws IOException {
        int pid = nextPid++;
        String s = stamp();
        String comm = argv[0];
        line("SYSCALL", s, "arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8e1a2b0 a1=55d0c8e1a2c0 a2=55d0c8e1a2d0 a3=0 items=2 "
                + subject(pid, uid, auid, exe, comm) + " subj=unconfined key=\"rt_exec\"");
        StringBuilder ex = new StringBuilder("argc=" + argv.length);
        for (int i = 0; i < argv.length; i++) {
            ex.append(" a").append(i).append("=\"").append(argv[i]).append('"');
        }
        line("EXECVE", s, ex.toString());
        line("CWD", s, "cwd=\"/home/alice\"");
        line("PATH", s, "item=0 name=\"" + exe + "\" inode=" + (100000 + rnd.nextInt(1000)) + " dev=fd:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PATH", s, "item=1 name=\"/lib64/ld-linux-x86-64.so.2\" inode=29514 dev=fd:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PROCTITLE", s, "proctitle=" + HexFormat.of().withUpperCase().formatHex(String.join("\0", argv).getBytes(StandardCharsets.UTF_8)));
        line("EOE", s, "");
        return pid;
    }

    private void open(int pid, long uid, long auid, String exe, String comm, String path, String flagsHex, String parentType,
                      String nametype) throws IOException {
        String s = stamp();
        line("SYSCALL", s, "arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=7ffd5a1c0000 a2=" + flagsHex
                + " a3=1b6 items=2 " + subject(pid, uid, auid, exe, comm) + " subj=unconfined key=\"rt_files\"");
        line("CWD", s, "cwd=\"/home/alice\"");
        int slash = path.lastIndexOf('/');
        line("PATH", s, "item=0 name=\"" + path.substring(0, slash + 1) + "\" inode=4001 dev=fd:01 mode=040755 ouid=1000 ogid=1000 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PATH", s, "item=1 name=\"" + path + "\" inode=" + (200000 + rnd.nextInt(100000)) + " dev=fd:01 mode=0100644 ouid=1000 ogid=1000 rdev=00:00 nametype=" + nametype + " cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PROCTITLE", s, "proctitle=" + HexFormat.of().withUpperCase().formatHex(comm.getBytes(StandardCharsets.UTF_8)));
        line("EOE", s, "");
    }

    private void rename(int pid, long uid, long auid, String exe, String comm, String from, String to) throws IOException {
        String s = stamp();
        line("SYSCALL", s, "arch=c000003e syscall=82 success=yes exit=0 a0=7ffd5a1c0000 a1=7ffd5a1c0100 a2=0 a3=0 items=4 "
                + subject(pid, uid, auid, exe, comm) + " subj=unconfined key=\"rt_files\"");
        line("CWD", s, "cwd=\"/home/alice\"");
        String dir = from.substring(0, from.lastIndexOf('/') + 1);
        line("PATH", s, "item=0 name=\"" + dir + "\" inode=4001 dev=fd:01 mode=040755 ouid=1000 ogid=1000 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PATH", s, "item=1 name=\"" + dir + "\" inode=4001 dev=fd:01 mode=040755 ouid=1000 ogid=1000 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PATH", s, "item=2 name=\"" + from + "\" inode=5001 dev=fd:01 mode=0100644 ouid=1000 ogid=1000 rdev=00:00 nametype=DELETE cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PATH", s, "item=3 name=\"" + to + "\" inode=5001 dev=fd:01 mode=0100644 ouid=1000 ogid=1000 rdev=00:00 nametype=CREATE cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0");
        line("PROCTITLE", s, "proctitle=" + HexFormat.of().withUpperCase().formatHex(comm.getBytes(StandardCharsets.UTF_8)));
        line("EOE", s, "");
    }

    private void exit(int pid, long uid, long auid, String exe, String comm) throws IOException {
        String s = stamp();
        line("SYSCALL", s, "arch=c000003e syscall=231 success=yes exit=0 a0=0 a1=0 a2=0 a3=0 items=0 "
                + subject(pid, uid, auid, exe, comm) + " subj=unconfined key=\"rt_exit\"");
        line("EOE", s, "");
    }

    private void line(String type, String stamp, String body) throws IOException {
        out.write("node=");
        out.write(node);
        out.write(" type=");
        out.write(type);
        out.write(" msg=audit(");
        out.write(stamp);
        out.write("):");
        if (!body.isEmpty()) {
            out.write(' ');
            out.write(body);
        }
        out.write('\n');
    }
}
