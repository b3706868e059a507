package io.ransomtrace.app.report;

import io.ransomtrace.app.casefile.CampaignLocator;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.SampleEvents;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.NoteSummary;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.RootProcess;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the restore list counts as an original, and what it gives as the new name. */
class AffectedFilesTest {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Provenance P = new Provenance(0, 0, 0, null);

    @TempDir
    Path dir;

    @Test
    void originalsAreListedOnceWithWhatBecameOfThemAndTheCampaignsOwnFilesAreNot() throws IOException {
        Credentials c = new Credentials(1000, 1000, 1000, 1000, 1, "bob", "bob");
        Actor shell = new Actor(100, 1, "/usr/bin/bash", "bash", c, null);
        Actor locker = new Actor(200, 100, "/tmp/locker", "locker", c, null);
        Actor other = new Actor(300, 1, "/usr/bin/vim", "vim", c, null);
        List<Event> ev = new ArrayList<>();
        ev.add(new ProcessExec(0, T0, "h", shell, List.of("bash"), false, "/", null, null, true, P));
        ev.add(new ProcessExec(0, T0.plusMillis(1), "h", locker, List.of("/tmp/locker", "/d"), false, "/", null, null, true, P));
        ev.add(new ProcessExec(0, T0.plusMillis(1), "h", other, List.of("vim"), false, "/", null, null, true, P));
        int t = 2;
        // new file then delete: a temporary copy renamed into place, then the original removed
        ev.add(op(t++, locker, FileOpKind.CREATE, "/d/a.txt.tmp", null));
        ev.add(op(t++, locker, FileOpKind.RENAME, "/d/a.txt.tmp", "/d/a.txt.enc"));
        ev.add(op(t++, locker, FileOpKind.DELETE, "/d/a.txt", null));
        // overwritten in place, then renamed
        ev.add(op(t++, locker, FileOpKind.WRITE, "/d/b.doc", null));
        ev.add(op(t++, locker, FileOpKind.WRITE, "/d/b.doc", null));
        ev.add(op(t++, locker, FileOpKind.RENAME, "/d/b.doc", "/d/b.doc.x"));
        // truncated only
        ev.add(op(t++, locker, FileOpKind.TRUNCATE, "/d/c.db", null));
        // the ransom note, written and rewritten by the campaign itself
        ev.add(op(t++, locker, FileOpKind.CREATE, "/d/NOTE.txt", null));
        ev.add(op(t++, locker, FileOpKind.WRITE, "/d/NOTE.txt", null));
        // someone else's edit at the same time, and a failed delete
        ev.add(op(t++, other, FileOpKind.WRITE, "/d/z.txt", null));
        ev.add(new FileOp(0, T0.plusMillis(t++), "h", locker, FileOpKind.DELETE, "/d/e.txt", null, 0, -1, false, -1, null, P));
        Instant last = T0.plusMillis(t);
        ev.add(op(t + 5, locker, FileOpKind.DELETE, "/d/after.txt", null)); // after the campaign's last event

        Path log = SampleEvents.writeJsonLines(dir.resolve("e.jsonl"), ev, 0);
        try (CaseStore store = CaseStore.create(dir.resolve("a.rtcase"))) {
            Imports.importFiles(store, log);
            ProcessNode root = findByPid(store.queries(), "h", 100);
            Finding f = new Finding("rt-1", Severity.HIGH, 80, "h", "test", new RootProcess(100, 1, "/usr/bin/bash", "bash",
                    1000L, "bob", 1000L, "bob", null), List.of("/tmp/locker"), T0, last, T0.plusMillis(5), 3, List.of(), 1,
                    List.of("/d"), List.of(".enc"), OverwriteKind.IN_PLACE, NoteSummary.NONE, List.of(), null, false, null, List.of());
            Map<String, AffectedFile> byPath = AffectedFiles.of(store.queries(), f, root.key(), () -> false).stream()
                    .collect(Collectors.toMap(AffectedFile::path, Function.identity()));
            assertThat(byPath).containsOnlyKeys("/d/a.txt", "/d/b.doc", "/d/c.db");
            assertThat(byPath.get("/d/a.txt").operation()).isEqualTo("deleted");
            assertThat(byPath.get("/d/a.txt").newName()).isEqualTo("/d/a.txt.enc");
            assertThat(byPath.get("/d/b.doc").operation()).isEqualTo("overwritten+renamed");
            assertThat(byPath.get("/d/b.doc").newName()).isEqualTo("/d/b.doc.x");
            assertThat(byPath.get("/d/b.doc").time()).isEqualTo(T0.plusMillis(5));
            assertThat(byPath.get("/d/c.db").operation()).isEqualTo("overwritten");
            assertThat(byPath.get("/d/c.db").newName()).isNull();
            assertThat(byPath.values()).allSatisfy(a -> {
                assertThat(a.host()).isEqualTo("h");
                assertThat(a.findingId()).isEqualTo("rt-1");
                assertThat(a.overwrite()).isEqualTo("in-place");
            });
        }
    }

    /**
     * A root whose exec happens inside the log, twice in the same pid (an ssh command: {@code bash -c "bash
     * enc.sh"} execs the script without forking). The detector names that pid from its first exec; the
     * file operations hang under the image the second exec started. The restore list still lists every file.
     */
    @Test
    void aRootThatExecsAgainInTheSamePidKeepsItsWholeRestoreList() throws IOException {
        Credentials root = new Credentials(0, 0, 0, 1101, 7, "root", "alice");
        Actor sshd = new Actor(50, 1, "/usr/sbin/sshd", "sshd", root, null);
        Actor first = new Actor(100, 50, "/usr/bin/bash", "bash", root, null);
        List<Event> ev = new ArrayList<>();
        ev.add(new ProcessExec(0, T0, "h", sshd, List.of("sshd: alice [priv]"), false, "/", null, null, true, P));
        ev.add(new ProcessExec(0, T0.plusMillis(1), "h", first, List.of("bash", "-c", "bash /tmp/enc.sh"), false,
                "/root", null, null, true, P));
        ev.add(new ProcessExec(0, T0.plusMillis(2), "h", first, List.of("bash", "/tmp/enc.sh"), false, "/root", null,
                null, true, P));
        int files = 40;
        int t = 10;
        for (int i = 0; i < files; i++) {
            String f = "/srv/d" + (i % 4) + "/f" + i + ".docx";
            Actor openssl = new Actor(1000 + 2 * i, 100, "/usr/bin/openssl", "openssl", root, null);
            Actor rm = new Actor(1001 + 2 * i, 100, "/usr/bin/rm", "rm", root, null);
            ev.add(new ProcessExec(0, T0.plusMillis(t++), "h", openssl, List.of("openssl", "enc", "-aes-256-cbc",
                    "-pbkdf2", "-pass", "pass:K3y", "-in", f, "-out", f + ".enc"), false, "/root", null, null, true, P));
            ev.add(op(t++, openssl, FileOpKind.CREATE, f + ".enc", null));
            ev.add(op(t++, openssl, FileOpKind.WRITE, f + ".enc", null));
            ev.add(new ProcessExec(0, T0.plusMillis(t++), "h", rm, List.of("rm", "-f", f), false, "/root", null, null,
                    true, P));
            ev.add(op(t++, rm, FileOpKind.DELETE, f, null));
        }
        Path log = SampleEvents.writeJsonLines(dir.resolve("e.jsonl"), ev, 0);
        try (CaseStore store = CaseStore.create(dir.resolve("a.rtcase"))) {
            Imports.importFiles(store, log);
            var q = store.queries();
            List<Finding> findings = io.ransomtrace.app.analysis.CaseAnalysis.run(q,
                    io.ransomtrace.app.analysis.DetectionSettings.defaults()).findings();
            assertThat(findings).hasSize(1);
            Finding f = findings.get(0);
            assertThat(f.rootProcess().pid()).isEqualTo(100);
            ProcessNode rootNode = new CampaignLocator(q).root(f).orElseThrow();
            List<AffectedFile> affected = AffectedFiles.of(q, f, rootNode.key(), () -> false);
            assertThat(affected).hasSize(files);
            assertThat(affected).allSatisfy(a -> {
                assertThat(a.operation()).isEqualTo("deleted");
                assertThat(a.newName()).isEqualTo(a.path() + ".enc");
            });
            // both images of pid 100 are in the campaign's chain, the first one above the second
            assertThat(new CampaignLocator(q).chain(rootNode)).extracting(ProcessNode::commandLine)
                    .endsWith("bash -c bash /tmp/enc.sh");
            assertThat(q.lineage(rootNode.key())).extracting(ProcessNode::commandLine)
                    .contains("bash /tmp/enc.sh");
        }
    }

    /**
     * {@code find … | while read f; do 7z a …; done}: the loop body is a subshell that never execs, so the log shows
     * it only as the parent pid of the tools. It belongs to the script that forked it (same session and user, the
     * nearest lower pid), as the detector says; the restore list holds the files its children changed.
     */
    @Test
    void filesChangedUnderAScriptsForkedSubshellAreOnTheRestoreList() throws IOException {
        Credentials c = new Credentials(0, 0, 0, 1104, 243, "root", "dave");
        Actor sudo = new Actor(29749, 29747, "/usr/bin/sudo", "sudo", c, null);
        Actor script = new Actor(29751, 29749, "/usr/bin/bash", "bash", c, null);
        List<Event> ev = new ArrayList<>();
        ev.add(new ProcessExec(0, T0, "h", sudo, List.of("sudo", "bash", "/var/tmp/q.sh"), false, "/", null, null, true, P));
        ev.add(new ProcessExec(0, T0.plusMillis(1), "h", script, List.of("bash", "/var/tmp/q.sh"), false, "/", null, null,
                true, P));
        int t = 10;
        for (int i = 0; i < 12; i++) {
            String f = "/srv/hr/f" + i + ".docx";
            Actor wrapper = new Actor(29760 + 2 * i, 29753, "/usr/bin/dash", "7z", c, null); // /usr/bin/7z is a sh script
            Actor p7zip = new Actor(29760 + 2 * i, 29753, "/usr/lib/p7zip/7z", "7z", c, null);
            ev.add(new ProcessExec(0, T0.plusMillis(t++), "h", wrapper, List.of("/bin/sh", "/usr/bin/7z", "a", "-pX", "-sdel",
                    f + ".7z", f), false, "/srv/hr", null, null, true, P));
            ev.add(new ProcessExec(0, T0.plusMillis(t++), "h", p7zip, List.of("/usr/lib/p7zip/7z", "a", "-pX", "-sdel",
                    f + ".7z", f), false, "/srv/hr", null, null, true, P));
            ev.add(op(t++, p7zip, FileOpKind.CREATE, f + ".7z", null));
            ev.add(op(t++, p7zip, FileOpKind.DELETE, f, null));
        }
        Path log = SampleEvents.writeJsonLines(dir.resolve("e.jsonl"), ev, 0);
        try (CaseStore store = CaseStore.create(dir.resolve("a.rtcase"))) {
            Imports.importFiles(store, log);
            var q = store.queries();
            ProcessNode root = findByPid(q, "h", 29751);
            List<AffectedFile> affected = AffectedFiles.of(q, finding(T0, T0.plusMillis(t)), root.key(), () -> false);
            assertThat(affected).hasSize(12);
            assertThat(affected).allSatisfy(a -> assertThat(a.newName()).isEqualTo(a.path() + ".7z"));
        }
    }

    /** shred -u overwrites, renames the file to 000…0, 00…0, …, 0, then unlinks it: one original, not a dozen. */
    @Test
    void shredsRenameChainIsOneOriginalAndAHardLinkedLockFileIsNone() throws IOException {
        Credentials c = new Credentials(1102, 1102, 1102, 1102, 9, "bob", "bob");
        Actor gpg = new Actor(300, 1, "/usr/bin/gpg", "gpg", c, null);
        Actor shred = new Actor(301, 1, "/usr/bin/shred", "shred", c, null);
        List<Event> ev = new ArrayList<>();
        int t = 0;
        ev.add(new FileOp(0, T0.plusMillis(t++), "h", gpg, FileOpKind.CREATE, "/h/.gnupg/.#lk0x1.h.300", null,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT, -1, true, 77, null, P));
        ev.add(new FileOp(0, T0.plusMillis(t++), "h", gpg, FileOpKind.DELETE, "/h/.gnupg/.#lk0x1.h.300x", null, 0, -1, true,
                77, null, P));
        ev.add(op(t++, gpg, FileOpKind.CREATE, "/h/cv.pdf.gpg", null));
        ev.add(op(t++, shred, FileOpKind.WRITE, "/h/cv.pdf", null));
        ev.add(op(t++, shred, FileOpKind.RENAME, "/h/cv.pdf", "/h/000000"));
        ev.add(op(t++, shred, FileOpKind.RENAME, "/h/000000", "/h/00000"));
        ev.add(op(t++, shred, FileOpKind.RENAME, "/h/00000", "/h/0"));
        ev.add(op(t++, shred, FileOpKind.DELETE, "/h/0", null));
        OriginalFiles files = new OriginalFiles();
        for (Event e : ev) {
            files.accept((FileOp) e);
        }
        assertThat(files.originals()).hasSize(1);
        OriginalFiles.Original cv = files.originals().iterator().next();
        assertThat(cv.path()).isEqualTo("/h/cv.pdf");
        assertThat(cv.operation()).isEqualTo("overwritten+renamed+deleted");
        assertThat(cv.overwritten()).isTrue();
        assertThat(files.newName(cv)).isEqualTo("/h/cv.pdf.gpg");
    }

    private static Finding finding(Instant first, Instant last) {
        return new Finding("rt-2", Severity.HIGH, 80, "h", "test", new RootProcess(29751, 29749, "/usr/bin/bash", "bash",
                0L, "root", 1104L, "dave", null), List.of(), first, last, first, 12, List.of(), 1, List.of("/srv/hr"),
                List.of(".7z"), OverwriteKind.NEW_FILE_THEN_DELETE, NoteSummary.NONE, List.of(), null, false, null, List.of());
    }

    private static FileOp op(int ms, Actor a, FileOpKind kind, String path, String target) {
        int flags = kind == FileOpKind.CREATE ? OpenFlags.O_WRONLY | OpenFlags.O_CREAT : kind == FileOpKind.WRITE ? OpenFlags.O_WRONLY : 0;
        return new FileOp(0, T0.plusMillis(ms), "h", a, kind, path, target, flags, -1, true, -1, null, P);
    }

    /** The process with this pid, wherever it sits in the tree (its parent may be a placeholder root). */
    private static ProcessNode findByPid(io.ransomtrace.app.store.CaseQueries q, String host, int pid) {
        java.util.ArrayDeque<ProcessNode> todo = new java.util.ArrayDeque<>(q.rootProcesses(host, 100));
        while (!todo.isEmpty()) {
            ProcessNode p = todo.poll();
            if (p.pid() == pid) {
                return p;
            }
            todo.addAll(q.children(p.key()));
        }
        throw new AssertionError("no process " + pid + " on " + host);
    }
}
