package io.ransomtrace.importers.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic, realistic raw audit.log of a given size for the parse benchmark: the record mix of a
 * busy server under a typical file-watch + execve rule set (execve with EXECVE/CWD/PATH/PROCTITLE, write and
 * read opens, renames, unlinks, connects with SOCKADDR, PAM user messages), node= prefixes, hex-encoded values
 * where auditd would encode them, and a little interleaving between events as seen on multi-CPU hosts.
 *
 * <p>Usage: {@code AuditLogGenerator OUTPUT SIZE_MB [SEED]}
 */
public final class AuditLogGenerator {

    private static final String[] PROGRAMS = {"/usr/bin/python3.11", "/usr/bin/bash", "/usr/bin/cp", "/usr/bin/tar",
            "/usr/sbin/sshd", "/usr/bin/rsync", "/usr/lib/systemd/systemd", "/usr/bin/gzip", "/usr/bin/find",
            "/usr/sbin/cron", "/usr/bin/openssl", "/usr/bin/vim.basic"};
    private static final String[] DIRS = {"/home/alice/docs", "/srv/share/finance", "/var/lib/postgresql/data",
            "/home/bob/projects/site", "/tmp", "/var/www/html/uploads", "/opt/app/data"};
    private static final String[] EXTS = {".docx", ".xlsx", ".pdf", ".jpg", ".txt", ".sql", ".csv", ".tar.gz"};

    private final Random rnd;
    private final StringBuilder sb = new StringBuilder(4096);
    private long serial = 1_000_000;
    private long millis = 1_764_324_000_000L;
    private final String node;
    private final List<String> deferred = new ArrayList<>();

    AuditLogGenerator(long seed, String node) {
        this.rnd = new Random(seed);
        this.node = node;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AuditLogGenerator OUTPUT SIZE_MB [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        long written = 0;
        long events = 0;
        AuditLogGenerator g = new AuditLogGenerator(seed, "web-01");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            while (written < target) {
                String chunk = g.nextEvent();
                byte[] b = chunk.getBytes(StandardCharsets.UTF_8);
                os.write(b);
                written += b.length;
                events++;
            }
            String rest = g.flushDeferred();
            os.write(rest.getBytes(StandardCharsets.UTF_8));
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("wrote %s: %d MB, %d events%n", out, written >> 20, events);
    }

    String nextEvent() {
        sb.setLength(0);
        millis += rnd.nextInt(3);
        serial++;
        int kind = rnd.nextInt(100);
        List<String> records = new ArrayList<>(8);
        if (kind < 25) {
            exec(records);
        } else if (kind < 50) {
            open(records, false);
        } else if (kind < 70) {
            open(records, true);
        } else if (kind < 78) {
            rename(records);
        } else if (kind < 84) {
            unlink(records);
        } else if (kind < 94) {
            connect(records);
        } else {
            userMessage(records);
        }
        // Multi-CPU hosts interleave: now and then hold back an event's last records behind the next event.
        if (!deferred.isEmpty()) {
            for (String r : deferred) sb.append(r);
            deferred.clear();
        }
        int hold = records.size() > 3 && rnd.nextInt(50) == 0 ? 2 : 0;
        for (int i = 0; i < records.size() - hold; i++) sb.append(records.get(i));
        for (int i = records.size() - hold; i < records.size(); i++) deferred.add(records.get(i));
        return sb.toString();
    }

    String flushDeferred() {
        StringBuilder s = new StringBuilder();
        deferred.forEach(s::append);
        deferred.clear();
        return s.toString();
    }

    private String head(String type) {
        long sec = millis / 1000;
        long ms = millis % 1000;
        return "node=" + node + " type=" + type + " msg=audit(" + sec + "." + (ms < 10 ? "00" : ms < 100 ? "0" : "")
                + ms + ":" + serial + "): ";
    }

    private String subject(String exe, int pid, int ppid, int uid, int auid, int ses, String key) {
        String comm = exe.substring(exe.lastIndexOf('/') + 1);
        if (comm.length() > 15) comm = comm.substring(0, 15);
        return "ppid=" + ppid + " pid=" + pid + " auid=" + auid + " uid=" + uid + " gid=" + uid + " euid=" + uid
                + " suid=" + uid + " fsuid=" + uid + " egid=" + uid + " sgid=" + uid + " fsgid=" + uid + " tty="
                + (auid == -1 ? "(none)" : "pts" + rnd.nextInt(4)) + " ses=" + (auid == -1 ? 4294967295L : ses)
                + " comm=\"" + comm + "\" exe=\"" + exe + "\" subj=unconfined key=" + (key == null ? "(null)" : "\"" + key + "\"")
                + "\n";
    }

    private String syscall(int nr, boolean ok, long exit, long a0, long a1, long a2, long a3, int items, String exe,
                           int pid, String key) {
        int auid = rnd.nextInt(10) == 0 ? -1 : 1000 + rnd.nextInt(3);
        int uid = rnd.nextInt(3) == 0 ? 0 : auid == -1 ? 0 : auid;
        return head("SYSCALL") + "arch=c000003e syscall=" + nr + " success=" + (ok ? "yes" : "no") + " exit=" + exit
                + " a0=" + Long.toHexString(a0) + " a1=" + Long.toHexString(a1) + " a2=" + Long.toHexString(a2)
                + " a3=" + Long.toHexString(a3) + " items=" + items + " "
                + subject(exe, pid, 1000 + rnd.nextInt(30000), uid, auid == -1 ? (int) 4294967295L : auid,
                1 + rnd.nextInt(50), key).replace("auid=-1", "auid=4294967295");
    }

    private String path(int item, String name, String nametype, boolean dir) {
        return head("PATH") + "item=" + item + " name=" + encode(name) + " inode=" + (1000 + rnd.nextInt(9_000_000))
                + " dev=fd:01 mode=" + (dir ? "040755" : "0100644") + " ouid=1000 ogid=1000 rdev=00:00 nametype="
                + nametype + " cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0\n";
    }

    private String cwd(String dir) {
        return head("CWD") + "cwd=" + encode(dir) + "\n";
    }

    private String proctitle(String... argv) {
        StringBuilder hex = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < argv.length && bytes < 128; i++) {
            byte[] b = argv[i].getBytes(StandardCharsets.UTF_8);
            for (int k = 0; k < b.length && bytes < 128; k++, bytes++) appendHex(hex, b[k]);
            if (i < argv.length - 1 && bytes < 128) {
                hex.append("00");
                bytes++;
            }
        }
        return head("PROCTITLE") + "proctitle=" + hex + "\n";
    }

    private String eoe() {
        return head("EOE") + "\n";
    }

    private String file() {
        return "file_" + rnd.nextInt(100_000) + EXTS[rnd.nextInt(EXTS.length)];
    }

    private void exec(List<String> r) {
        String exe = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
        String dir = DIRS[rnd.nextInt(DIRS.length)];
        int argc = 1 + rnd.nextInt(5);
        String[] argv = new String[argc];
        argv[0] = exe.substring(exe.lastIndexOf('/') + 1);
        for (int i = 1; i < argc; i++) {
            argv[i] = rnd.nextInt(4) == 0 ? "--opt-" + i + " with space" : (rnd.nextBoolean() ? "-v" : file());
        }
        int pid = 2000 + rnd.nextInt(400_000);
        r.add(syscall(59, true, 0, 0x55d0_0000_0000L + rnd.nextInt(1 << 20), 0x55d0_0100_0000L, 0x55d0_0200_0000L,
                0x7ffc_0000_0000L, 2, exe, pid, "exec"));
        StringBuilder e = new StringBuilder(head("EXECVE")).append("argc=").append(argc);
        for (int i = 0; i < argc; i++) e.append(" a").append(i).append('=').append(encode(argv[i]));
        r.add(e.append('\n').toString());
        r.add(cwd(dir));
        r.add(path(0, exe, "NORMAL", false));
        r.add(path(1, "/lib64/ld-linux-x86-64.so.2", "NORMAL", false));
        r.add(proctitle(argv));
        r.add(eoe());
    }

    private void open(List<String> r, boolean write) {
        String exe = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
        String dir = DIRS[rnd.nextInt(DIRS.length)];
        String name = rnd.nextBoolean() ? file() : dir + "/" + file();
        boolean create = write && rnd.nextInt(3) == 0;
        long flags = write ? (create ? 0x241 : 0x201) : 0x80000;
        boolean ok = rnd.nextInt(30) != 0;
        r.add(syscall(257, ok, ok ? 3 + rnd.nextInt(20) : -13, 0xffffff9cL, 0x7ffc_1000_0000L + rnd.nextInt(1 << 16),
                flags, create ? 0x1b6 : 0, create ? 2 : 1, exe, 2000 + rnd.nextInt(400_000), write ? "files" : null));
        r.add(cwd(dir));
        if (create) {
            r.add(path(0, dir + "/", "PARENT", true));
            r.add(path(1, name, "CREATE", false));
        } else {
            r.add(path(0, name, "NORMAL", false));
        }
        r.add(proctitle(exe.substring(exe.lastIndexOf('/') + 1), name));
        r.add(eoe());
    }

    private void rename(List<String> r) {
        String exe = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
        String dir = DIRS[rnd.nextInt(DIRS.length)];
        String from = file();
        r.add(syscall(316, true, 0, 0xffffff9cL, 0x7ffc_2000_0000L, 0xffffff9cL, 0x7ffc_2000_1000L, 4, exe,
                2000 + rnd.nextInt(400_000), "files"));
        r.add(cwd(dir));
        r.add(path(0, dir + "/", "PARENT", true));
        r.add(path(1, dir + "/", "PARENT", true));
        r.add(path(2, from, "DELETE", false));
        r.add(path(3, from + ".locked", "CREATE", false));
        r.add(proctitle(exe.substring(exe.lastIndexOf('/') + 1), from));
        r.add(eoe());
    }

    private void unlink(List<String> r) {
        String exe = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
        String dir = DIRS[rnd.nextInt(DIRS.length)];
        r.add(syscall(263, true, 0, 0xffffff9cL, 0x7ffc_3000_0000L, 0, 0, 2, exe, 2000 + rnd.nextInt(400_000), "files"));
        r.add(cwd(dir));
        r.add(path(0, dir + "/", "PARENT", true));
        r.add(path(1, dir + "/" + file(), "DELETE", false));
        r.add(proctitle("rm", "-f", file()));
        r.add(eoe());
    }

    private void connect(List<String> r) {
        String exe = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
        r.add(syscall(42, rnd.nextBoolean(), 0, 3, 0x7ffc_4000_0000L, 0x10, 0, 0, exe, 2000 + rnd.nextInt(400_000), "net"));
        r.add(head("SOCKADDR") + "saddr=02000050C0A8" + Integer.toHexString(0x10000 + rnd.nextInt(65536)).substring(1).toUpperCase()
                + "0000000000000000\n");
        r.add(proctitle(exe.substring(exe.lastIndexOf('/') + 1), "https://example.org/"));
        r.add(eoe());
    }

    private void userMessage(List<String> r) {
        String[] types = {"USER_ACCT", "CRED_ACQ", "USER_START", "USER_END", "CRED_DISP", "USER_CMD"};
        String type = types[rnd.nextInt(types.length)];
        String msg = type.equals("USER_CMD")
                ? "cwd=\"/home/alice\" cmd=" + encode("systemctl restart nginx") + " terminal=pts/0 res=success"
                : "op=PAM:" + (type.startsWith("CRED") ? "setcred" : "session_open")
                + " grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh res=success";
        r.add(head(type) + "pid=" + (2000 + rnd.nextInt(400_000)) + " uid=0 auid=1000 ses=" + (1 + rnd.nextInt(50))
                + " subj=unconfined msg='" + msg + "'\n");
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void appendHex(StringBuilder sb, byte b) {
        sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }

    /** auditd's rule: quote plain values, hex-encode values with spaces, quotes or control characters. */
    private static String encode(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c >= 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain) return "\"" + s + "\"";
        StringBuilder hex = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) appendHex(hex, b);
        return hex.toString();
    }
}
