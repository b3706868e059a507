package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mass-encryption run as an ordered event sequence: a root shell (behind alice's login) execs find, then per
 * file an openssl that creates and writes the encrypted copy and exits, an rm that deletes the original, a
 * ransom note dropped per directory, and an mv renaming a backup. Stands in for a recorded auditd sample case
 * until one exists.
 */
public final class SyntheticAttack {
    public static final String HOST = "db-02";

    private SyntheticAttack() {
    }

    public static List<Event> events() {
        List<Event> out = new ArrayList<>();
        Instant t = Instant.parse("2026-11-21T01:02:03.250Z");
        Credentials root = new Credentials(0, 0, 0, 1000, 4, "root", "alice");
        Actor bash = new Actor(7000, 6990, "/usr/bin/bash", "bash", root, null);
        int[] ordinal = {0};
        java.util.function.Supplier<Provenance> prov = () -> new Provenance(0, ordinal[0] + 1, 0, null);
        java.util.function.LongSupplier id = () -> ordinal[0]++;

        out.add(new ProcessExec(id.getAsLong(), t, HOST, bash, List.of("bash", "-i"), false, "/root", null, null,
                true, prov.get()));
        Actor find = new Actor(7001, 7000, "/usr/bin/find", "find", root, null);
        t = t.plusMillis(20);
        out.add(new ProcessExec(id.getAsLong(), t, HOST, find, List.of("find", "/var/lib/pg", "-name", "*.dat"), false,
                "/root", null, null, true, prov.get()));
        t = t.plusMillis(20);
        out.add(new ProcessExit(id.getAsLong(), t, HOST, find, 0, prov.get()));
        String[] dirs = {"/var/lib/pg/base", "/var/lib/pg/wal"};
        int pid = 7100;
        for (String dir : dirs) {
            for (int i = 0; i < 4; i++) {
                String src = dir + "/seg" + i + ".dat";
                String dst = src + ".enc";
                Actor openssl = new Actor(++pid, 7000, "/usr/bin/openssl", "openssl", root, null);
                t = t.plusMillis(15);
                out.add(new ProcessExec(id.getAsLong(), t, HOST, openssl, List.of("openssl", "enc", "-aes-256-cbc",
                        "-in", src, "-out", dst, "-k", "hunter2"), false, "/root", null, null, true, prov.get()));
                t = t.plusMillis(5);
                out.add(new FileOp(id.getAsLong(), t, HOST, openssl, FileOpKind.CREATE, dst, null, 0, -1, true, -1,
                        null, prov.get()));
                t = t.plusMillis(5);
                out.add(new FileOp(id.getAsLong(), t, HOST, openssl, FileOpKind.WRITE, dst, null, 0, -1, true, -1,
                        new ContentHint(7.99, "53616c7465645f5f", "dat", null), prov.get()));
                t = t.plusMillis(5);
                out.add(new ProcessExit(id.getAsLong(), t, HOST, openssl, 0, prov.get()));
                Actor rm = new Actor(++pid, 7000, "/usr/bin/rm", "rm", root, null);
                t = t.plusMillis(5);
                out.add(new ProcessExec(id.getAsLong(), t, HOST, rm, List.of("rm", "-f", src), false, "/root", null,
                        null, true, prov.get()));
                t = t.plusMillis(5);
                out.add(new FileOp(id.getAsLong(), t, HOST, rm, FileOpKind.DELETE, src, null, 0, -1, true, -1, null,
                        prov.get()));
                t = t.plusMillis(5);
                out.add(new ProcessExit(id.getAsLong(), t, HOST, rm, 0, prov.get()));
            }
            t = t.plusMillis(10);
            out.add(new FileOp(id.getAsLong(), t, HOST, bash, FileOpKind.CREATE, dir + "/HOW_TO_RECOVER.txt", null, 0,
                    -1, true, -1, null, prov.get()));
        }
        Actor mv = new Actor(++pid, 7000, "/usr/bin/mv", "mv", root, null);
        t = t.plusMillis(10);
        out.add(new ProcessExec(id.getAsLong(), t, HOST, mv, List.of("mv", "/backup/pg.tar", "/backup/pg.tar.locked"),
                false, "/root", null, null, true, prov.get()));
        t = t.plusMillis(5);
        out.add(new FileOp(id.getAsLong(), t, HOST, mv, FileOpKind.RENAME, "/backup/pg.tar", "/backup/pg.tar.locked",
                0, -1, true, -1, null, prov.get()));
        t = t.plusMillis(5);
        out.add(new ProcessExit(id.getAsLong(), t, HOST, mv, 0, prov.get()));
        t = t.plusMillis(5);
        out.add(new ProcessExit(id.getAsLong(), t, HOST, bash, 0, prov.get()));
        return out;
    }
}
