package io.ransomtrace.app.store;

import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The questions the views and the detector ask, on a small campaign written as a tiny log. */
class CaseQueriesTest {

    private static final long T = 1_763_600_000_000_000L; // 2025-11-20T00:53:20Z in micros

    @TempDir
    Path dir;
    private CaseStore store;
    private CaseQueries q;

    @BeforeEach
    void importCampaign() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(T + "|web-01|4242|1|/usr/bin/bash|EXEC|bash");
        lines.add((T + 1_000) + "|web-01|4300|4242|/tmp/locker|EXEC|/tmp/locker --all /srv");
        lines.add((T + 2_000) + "|web-01|4301|4300|/usr/bin/find|EXEC|find /srv -type f");
        for (int d = 0; d < 3; d++) {
            lines.add((T + 3_000_000 + d) + "|web-01|4300|4242|/tmp/locker|CREATE|/srv/d" + d + "/README.txt");
        }
        // 10 files per second for 3 seconds: write then rename each
        for (int i = 0; i < 30; i++) {
            long t = T + 10_000_000L + i * 100_000L;
            String p = "/srv/d" + (i % 3) + "/f" + i + ".doc";
            lines.add(t + "|web-01|4300|4242|/tmp/locker|WRITE|" + p);
            lines.add((t + 50_000) + "|web-01|4300|4242|/tmp/locker|RENAME|" + p + "|" + p + ".locked");
        }
        lines.add((T + 14_000_000) + "|web-01|4301|4300|/usr/bin/find|EXIT|0");
        lines.add((T + 15_000_000) + "|web-01|4301|1|/usr/sbin/cron|EXEC|cron -f"); // pid 4301 reused
        lines.add((T + 16_000_000) + "|web-01|777|1|/usr/sbin/rsyslogd|WRITE|/var/log/syslog"); // started before log
        lines.add((T + 17_000_000) + "|db-02|4300|1|/usr/bin/vim|WRITE|/etc/hosts");
        Path log = Files.write(dir.resolve("campaign.log"), lines);
        store = CaseStore.create(dir.resolve("c.rtcase"));
        Imports.importFiles(store, log);
        q = store.queries();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private long bash() {
        return q.children(q.rootProcesses("web-01", 1).get(0).key()).get(0).key();
    }

    private ProcessNode only(List<ProcessNode> l) {
        assertThat(l).hasSize(1);
        return l.get(0);
    }

    @Test
    void theProcessTreeFollowsParentsAndSeparatesReusedPids() {
        assertThat(q.hosts()).containsExactly("db-02", "web-01");
        // init was running before the log: known by its pid only, it still holds its children together
        ProcessNode init = only(q.rootProcesses("web-01", 10));
        assertThat(init.pid()).isEqualTo(1);
        assertThat(init.exe()).isNull();
        assertThat(init.start()).isNull();
        assertThat(init.children()).isEqualTo(3);
        List<ProcessNode> roots = q.children(init.key());
        assertThat(roots).extracting(ProcessNode::exe).containsExactly("/usr/bin/bash", "/usr/sbin/cron",
                "/usr/sbin/rsyslogd");
        ProcessNode bash = roots.get(0);
        ProcessNode locker = only(q.children(bash.key()));
        assertThat(locker.commandLine()).isEqualTo("/tmp/locker --all /srv");
        assertThat(locker.children()).isEqualTo(1);
        ProcessNode find = only(q.children(locker.key()));
        assertThat(find.exit()).isEqualTo(Instant.parse("2025-11-20T00:53:34Z"));
        assertThat(q.filesModified(locker.key())).as("3 notes + 30 files written then renamed").isEqualTo(33);
        assertThat(q.filesModified(find.key())).isZero();

        ProcessNode cron = roots.get(1);
        assertThat(cron.pid()).isEqualTo(find.pid());
        assertThat(cron.key()).as("a reused pid is another process").isNotEqualTo(find.key());

        ProcessNode rsyslog = roots.get(2);
        assertThat(rsyslog.start()).as("started before the log").isNull();
        assertThat(rsyslog.firstSeen()).isEqualTo(Instant.parse("2025-11-20T00:53:36Z"));
        assertThat(rsyslog.execSuccess()).isNull();

        assertThat(q.ancestors(find.key())).extracting(ProcessNode::key).containsExactly(locker.key(), bash.key(),
                init.key());
        assertThat(q.lineage(bash.key())).extracting(ProcessNode::key)
                .containsExactlyInAnyOrder(bash.key(), locker.key(), find.key());
        assertThat(q.process(locker.key())).contains(locker);
        ProcessNode dbInit = only(q.rootProcesses("db-02", 10));
        assertThat(dbInit.key()).as("pid 1 of another host is another process").isNotEqualTo(init.key());
        assertThat(q.children(dbInit.key())).extracting(ProcessNode::exe).containsExactly("/usr/bin/vim");
    }

    @Test
    void exitsAndIdentitiesLearnedAfterACommitStillReachTheirProcesses() throws Exception {
        // a commit after every event: each exit and identification is staged in one transaction and applied
        // to a process row written in an earlier one
        Path log = Files.write(dir.resolve("commits.log"), List.of(
                T + "|web-01|4300|4242|/tmp/locker|EXEC|/tmp/locker",
                (T + 10) + "|web-01|4301|4300|/usr/bin/find|EXEC|find /srv",
                (T + 20) + "|web-01|4301|4300|/usr/bin/find|EXIT|0",
                (T + 30) + "|web-01|4242|4000|/usr/bin/bash|WRITE|/home/alice/.bash_history",
                (T + 40) + "|web-01|4300|4242|/tmp/locker|EXIT|3"));
        try (CaseStore other = CaseStore.create(dir.resolve("commits.rtcase"))) {
            new io.ransomtrace.app.importing.ImportPipeline(new io.ransomtrace.app.testing.TestCatalog(),
                    io.ransomtrace.app.importing.ImportOptions.defaults().withQueue(1, 1)
                            .withCommitEvery(1, Duration.ZERO))
                    .run(other, List.of(log), io.ransomtrace.app.importing.ImportProgressListener.NONE,
                            new io.ransomtrace.app.importing.Cancellation());
            CaseQueries oq = other.queries();
            List<StoredEvent> events = oq.events(EventFilter.all(), null, 10).events();
            ProcessNode locker = oq.process(events.get(0).processKey()).orElseThrow();
            ProcessNode find = only(oq.children(locker.key()));
            assertThat(find.exit()).isEqualTo(Instant.parse("2025-11-20T00:53:20.000020Z"));
            assertThat(find.exitCode()).isZero();
            assertThat(locker.exitCode()).isEqualTo(3);
            assertThat(locker.exit()).isEqualTo(Instant.parse("2025-11-20T00:53:20.000040Z"));
            ProcessNode shell = oq.process(locker.parentKey()).orElseThrow();
            assertThat(shell.exe()).isEqualTo("/usr/bin/bash");
            assertThat(shell.ppid()).isEqualTo(4000);
        }
    }

    @Test
    void aParentKnownOnlyByItsPidIsIdentifiedWhenItActs() throws Exception {
        Path log = Files.write(dir.resolve("shell.log"), List.of(
                T + "|web-01|4300|4242|/tmp/locker|EXEC|/tmp/locker",
                (T + 10) + "|web-01|4242|4000|/usr/bin/bash|WRITE|/home/alice/.bash_history"));
        try (CaseStore other = CaseStore.create(dir.resolve("shell.rtcase"))) {
            Imports.importFiles(other, log);
            CaseQueries oq = other.queries();
            List<StoredEvent> events = oq.events(EventFilter.all(), null, 10).events();
            ProcessNode locker = oq.process(events.get(0).processKey()).orElseThrow();
            ProcessNode shell = oq.process(locker.parentKey()).orElseThrow();
            assertThat(shell.pid()).isEqualTo(4242);
            assertThat(shell.exe()).isEqualTo("/usr/bin/bash");
            assertThat(shell.start()).isNull();
            assertThat(events.get(1).processKey()).isEqualTo(shell.key());
            assertThat(oq.ancestors(locker.key())).extracting(ProcessNode::pid).containsExactly(4242, 4000);
        }
    }

    @Test
    void fileOperationsAreCountedPerSecondForALineageOrAHost() {
        long bash = bash();
        Instant from = Instant.parse("2025-11-20T00:53:30Z");
        List<FileOpBucket> buckets = q.fileOpCounts(Scope.lineage(bash), from, from.plusSeconds(10), Duration.ofSeconds(1));
        assertThat(buckets).containsExactly(
                new FileOpBucket(from, FileOpKind.WRITE, 10), new FileOpBucket(from, FileOpKind.RENAME, 10),
                new FileOpBucket(from.plusSeconds(1), FileOpKind.WRITE, 10),
                new FileOpBucket(from.plusSeconds(1), FileOpKind.RENAME, 10),
                new FileOpBucket(from.plusSeconds(2), FileOpKind.WRITE, 10),
                new FileOpBucket(from.plusSeconds(2), FileOpKind.RENAME, 10));
        Instant start = Instant.parse("2025-11-20T00:53:20Z");
        List<FileOpBucket> host = q.fileOpCounts(Scope.host("db-02"), start, start.plusSeconds(60), Duration.ofMinutes(1));
        assertThat(host).containsExactly(new FileOpBucket(start, FileOpKind.WRITE, 1));
        assertThat(q.fileOpCounts(Scope.wholeCase(), start, start.plusSeconds(60), Duration.ofMinutes(1)))
                .extracting(FileOpBucket::count).containsExactly(3L, 30L + 2, 30L); // CREATE, WRITE, RENAME
        // the ransom note alone (the timeline's note band), in the lineage and on the host
        Instant notesAt = Instant.parse("2025-11-20T00:53:23Z");
        assertThat(q.fileOpCounts(Scope.lineage(bash), notesAt, notesAt.plusSeconds(1), Duration.ofSeconds(1), "README.txt"))
                .containsExactly(new FileOpBucket(notesAt, FileOpKind.CREATE, 3));
        assertThat(q.fileOpCounts(Scope.host("web-01"), start, start.plusSeconds(60), Duration.ofMinutes(1), "f1.doc"))
                .containsExactly(new FileOpBucket(start, FileOpKind.WRITE, 1), new FileOpBucket(start, FileOpKind.RENAME, 1));
        assertThat(q.fileOpCounts(Scope.host("web-01"), start, start.plusSeconds(60), Duration.ofMinutes(1), "%.doc")).isEmpty();
    }

    @Test
    void directoriesShowWhereTheNoteWasDroppedAndWhatWasRewritten() {
        List<DirectorySummary> notes = q.directories(Scope.host("web-01"), Set.of(FileOpKind.CREATE), "README.txt", 10);
        assertThat(notes).extracting(DirectorySummary::directory).containsExactlyInAnyOrder("/srv/d0", "/srv/d1", "/srv/d2");
        assertThat(notes).allSatisfy(d -> assertThat(d.creates()).isEqualTo(1));

        List<DirectorySummary> all = q.directories(Scope.wholeCase(), Set.of(), null, 2);
        assertThat(all).hasSize(2).allSatisfy(d -> {
            assertThat(d.directory()).startsWith("/srv/d");
            assertThat(d.writes()).isEqualTo(10);
            assertThat(d.renames()).isEqualTo(10);
            assertThat(d.files()).isEqualTo(11); // ten documents and the note
        });
        assertThat(q.directories(Scope.wholeCase(), Set.of(), "README.txt", 10).get(0).first())
                .isEqualTo(Instant.parse("2025-11-20T00:53:23Z"));
    }

    @Test
    void eventsCanBeFilteredAndPagedByKeyset() {
        List<Event> paged = new ArrayList<>();
        EventPage.Cursor cursor = null;
        int pages = 0;
        do {
            EventPage page = q.events(EventFilter.all(), cursor, 7);
            page.events().forEach(s -> paged.add(s.event()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        List<Event> replayed = new ArrayList<>();
        q.replay(EventFilter.all(), replayed::add);
        assertThat(paged).hasSize(70).containsExactlyElementsOf(replayed);
        assertThat(pages).isEqualTo(10);
        for (int i = 1; i < replayed.size(); i++) {
            assertThat(replayed.get(i).time()).isAfterOrEqualTo(replayed.get(i - 1).time());
        }

        assertThat(q.events(EventFilter.all().onHost("db-02"), null, 100).events()).hasSize(1);
        assertThat(q.events(EventFilter.all().underPath("/srv/d1/"), null, 100).events()).hasSize(1 + 10 + 10);
        assertThat(q.events(EventFilter.all().underPath("/srv/d1/f1.doc.locked"), null, 100).events())
                .as("a rename is found by its new name").hasSize(1);
        assertThat(q.events(EventFilter.all().containing("RSYSLOG"), null, 100).events()).hasSize(1);
        assertThat(q.events(EventFilter.all().containing("100%_"), null, 100).events()).isEmpty();
        assertThat(q.events(EventFilter.all().ofKinds(Set.of(EventKind.EXEC, EventKind.EXIT)), null, 100).events())
                .hasSize(5);
        Instant from = Instant.parse("2025-11-20T00:53:31Z");
        assertThat(q.events(EventFilter.all().between(from, from.plusSeconds(1)).ofKinds(Set.of(EventKind.RENAME)),
                null, 100).events()).hasSize(10).allSatisfy(s -> assertThat(((FileOp) s.event()).targetPath())
                .endsWith(".locked"));

        long bash = bash();
        assertThat(q.events(EventFilter.all().ofProcess(bash), null, 100).events()).hasSize(1);
        assertThat(q.events(EventFilter.all().ofLineage(bash), null, 100).events()).hasSize(2 + 1 + 3 + 60 + 1);
        assertThat(q.replay(EventFilter.all().ofLineage(bash), e -> false)).as("the sink can stop a replay").isEqualTo(1);
    }

    /** All matching events oldest first, or newest first, in pages of {@code size}, following the cursors. */
    private List<EventPage.Cursor> walk(EventFilter f, boolean newestFirst, int size) {
        List<EventPage.Cursor> keys = new ArrayList<>();
        EventPage.Cursor after = null;
        do {
            EventPage page = q.events(f, after, size, newestFirst);
            assertThat(page.events()).hasSizeLessThanOrEqualTo(size);
            for (StoredEvent e : page.events()) {
                keys.add(new EventPage.Cursor(Times.toMicros(e.event().time()), e.event().id()));
            }
            after = page.next();
        } while (after != null);
        return keys;
    }

    @Test
    void countNewestFirstPagesAndKeyAtAgreeWithTheForwardListingForEveryFilter() {
        List<EventFilter> filters = List.of(EventFilter.all(), EventFilter.all().onHost("web-01"),
                EventFilter.all().onHost("db-02"), EventFilter.all().containing(".locked"),
                EventFilter.all().ofKinds(Set.of(EventKind.RENAME)), EventFilter.all().underPath("/srv/d1"),
                EventFilter.all().ofLineage(bash()).ofKinds(Set.of(EventKind.WRITE)),
                EventFilter.all().between(Times.fromMicros(T + 10_000_000L), Times.fromMicros(T + 11_000_000L)),
                EventFilter.all().onHost("no-such-host"));
        for (EventFilter f : filters) {
            List<EventPage.Cursor> oldestFirst = walk(f, false, 1000);
            List<EventPage.Cursor> newestFirst = new ArrayList<>(oldestFirst);
            java.util.Collections.reverse(newestFirst);

            assertThat(q.count(f)).as("count of %s", f).isEqualTo(oldestFirst.size());
            assertThat(walk(f, true, 7)).as("newest first, %s", f).isEqualTo(newestFirst);
            assertThat(walk(f, false, 7)).as("oldest first in small pages, %s", f).isEqualTo(oldestFirst);
            for (int i = 0; i < oldestFirst.size(); i++) {
                assertThat(q.keyAt(f, i, false)).contains(oldestFirst.get(i));
                assertThat(q.keyAt(f, i, true)).contains(newestFirst.get(i));
            }
            assertThat(q.keyAt(f, oldestFirst.size(), false)).isEmpty();
            assertThat(q.keyAt(f, -1, true)).isEmpty();
        }
        assertThat(q.count(EventFilter.all())).isEqualTo(70); // 4 execs, 3 notes, 30 writes + 30 renames, 1 exit, 2 more writes
        assertThat(q.count(EventFilter.all().containing(".locked"))).isEqualTo(30);
    }
}
