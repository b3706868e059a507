package io.ransomtrace.app.testing;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Events that use every field of every event type, with awkward values (unicode, empty args, nulls). */
public final class SampleEvents {
    private SampleEvents() {
    }

    public static final Instant T0 = Instant.parse("2026-11-20T09:15:00.123456Z");

    public static List<Event> everyFieldOfEveryType() {
        Credentials alice = new Credentials(1000, 0, 1001, 1000, 7, "alice", "alice");
        Actor shell = new Actor(4242, 4000, "/usr/bin/bash", "bash", alice, "ent-4242");
        Actor locker = new Actor(4300, 4242, "/tmp/.x/locker", "locker", new Credentials(1000, 1000, 1000, 1000, 7,
                null, null), null);
        Actor kworker = new Actor(12, -1, null, "kworker/0:1", Credentials.UNKNOWN, null);
        Provenance nat = new Provenance(0, 0, 0, "1732788000.123:4567");
        Provenance none = new Provenance(0, 0, 0, null);
        List<Event> l = new ArrayList<>();
        l.add(new ProcessExec(0, T0, "web-01", shell, Arrays.asList("/bin/sh", "-c", "echo  hi | tee", ""), true,
                "/home/alice", "pts0", "ent-4000", true, nat));
        l.add(new ProcessExec(0, T0.plusNanos(1_000), "web-01", locker, List.of("/tmp/.x/locker", "--all", "/srv"),
                false, "/home/alice/Документы", null, null, true, none));
        l.add(new ProcessExec(0, T0.plusNanos(2_000), "web-01", new Actor(4301, 4242, "/nope", null, alice, null),
                List.of(), false, null, null, null, false, none));
        l.add(new FileOp(0, T0.plusMillis(5), "web-01", locker, FileOpKind.WRITE, "/srv/data/report 2026.docx", null,
                OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0644, true, 123456789012L,
                new ContentHint(7.99, "89504e470d0a1a0a", ".docx", "YOUR FILES\nARE ENCRYPTED"), nat));
        l.add(new FileOp(0, T0.plusMillis(6), "web-01", locker, FileOpKind.RENAME, "/srv/data/report 2026.docx",
                "/srv/data/report 2026.docx.locked", 0, -1, true, -1, new ContentHint(null, null, ".docx", null), none));
        l.add(new FileOp(0, T0.plusMillis(7), "web-01", locker, FileOpKind.CREATE, "/srv/data/README_RESTORE.txt",
                null, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0600, true, 77,
                new ContentHint(null, null, null, null), none));
        l.add(new FileOp(0, T0.plusMillis(8), "web-01", locker, FileOpKind.DELETE, "/home/alice/Документы/отчёт.odt",
                null, 0, -1, false, -1, null, none));
        l.add(new FileOp(0, T0.plusMillis(9), "web-01", locker, FileOpKind.LINK, "/", "/srv", 0, -1, true, 2, null,
                none));
        l.add(new ProcessExit(0, T0.plusMillis(10), "web-01", locker, 0, none));
        l.add(new ProcessExit(0, T0.plusMillis(11), "web-01", kworker, null, none));
        l.add(new OtherRecord(0, T0.plusMillis(12), "web-01", Actor.NONE, "USER_LOGIN", "alice logged in from 10.0.0.5",
                Map.of("acct", "alice", "res", "success", "addr", "10.0.0.5"), nat));
        l.add(new OtherRecord(0, T0.plusMillis(13), null, shell, "DAEMON_END", null, Map.of(), none));
        l.add(new FileOp(0, T0.plusMillis(14), "db-02", kworker, FileOpKind.CHMOD, "relative/name", null, 0, 0755,
                true, -1, null, none));
        return l;
    }

    /** Writes the events as a JSON-lines file, with one malformed line at {@code badLine} (1-based, 0: none). */
    public static Path writeJsonLines(Path file, List<Event> events, int badLine) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int line = 1;
            for (Event e : events) {
                if (line == badLine) {
                    w.write("{\"type\":\"FileOp\",\"event\":{\"time\":\"yesterday\"}}\n");
                    line++;
                }
                w.write(EventJsonLinesImporter.line(e));
                w.write('\n');
                line++;
            }
        }
        return file;
    }
}
