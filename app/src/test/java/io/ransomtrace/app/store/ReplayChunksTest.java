package io.ransomtrace.app.store;

import io.ransomtrace.app.importing.BuiltInImporters;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-runs read the replay table written at import: it must give exactly what the events table gives (same
 * events, same order), and a case whose chunks do not cover every event must fall back to the events table.
 */
class ReplayChunksTest {

    @TempDir
    Path dir;

    @Test
    void recordedLogsReplayFromChunksExactlyAsFromTheEventsTable() throws Exception {
        try (CaseStore store = CaseStore.create(dir.resolve("recorded.rtcase"))) {
            // three hosts, raw and ENRICHED logs, rotated files, a rule set: several sources in one case
            new ImportPipeline(new BuiltInImporters(), ImportOptions.defaults()).run(store,
                    List.of(sampleCase("mixed-workday"), sampleCase("attack-gpg-shred"), sampleCase("benign-make-build"),
                            sampleCase("attack-openssl-find")),
                    ImportProgressListener.NONE, new Cancellation());
            assertThat(store.queries().sources()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(store.queries().replaysFromChunks()).isTrue();

            List<Event> fromChunks = replay(store);
            List<Event> fromTable = fromTable(store);
            assertThat(fromChunks).hasSizeGreaterThan(5_000).hasSize(fromTable.size());
            assertThat(fromChunks).containsExactlyElementsOf(fromTable);
            assertThat(fromChunks).hasAtLeastOneElementOfType(ProcessExec.class)
                    .hasAtLeastOneElementOfType(FileOp.class).hasAtLeastOneElementOfType(OtherRecord.class);
            assertThat(fromChunks.stream().map(Event::host).distinct().count()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void interleavedSourcesAndLateEventsAreMergedIntoTimeOrder() throws Exception {
        long t0 = 1_763_600_000_000_000L;
        // two hosts' logs covering the same hours, each over several chunks, and one log whose last line is
        // its earliest event (a clock step back): chunks overlap, the merge must restore time order
        Path a = tinyLog("a.log", t0, 20, 9_000, "fs-01", false);
        Path b = tinyLog("b.log", t0 + 10, 20, 9_000, "web-01", true);
        try (CaseStore store = CaseStore.create(dir.resolve("merged.rtcase"))) {
            new ImportPipeline(new TestCatalog(), ImportOptions.defaults()).run(store, List.of(a, b),
                    ImportProgressListener.NONE, new Cancellation());
            assertThat(store.queries().replaysFromChunks()).isTrue();
            List<Event> fromChunks = replay(store);
            assertThat(fromChunks).hasSize(36_006).containsExactlyElementsOf(fromTable(store));
            assertThat(fromChunks.get(0).host()).as("the late line of b comes first").isEqualTo("web-01");
            for (int i = 1; i < fromChunks.size(); i++) {
                assertThat(fromChunks.get(i).time()).isAfterOrEqualTo(fromChunks.get(i - 1).time());
            }
            assertThat(store.queries().replay(EventFilter.all(), e -> false)).as("the sink can stop it").isEqualTo(1);
        }
    }

    @Test
    void chunksThatDoNotCoverEveryEventAreNotUsedUntilTheCaseIsPackedAgain() throws Exception {
        Path file = dir.resolve("partial.rtcase");
        Path a = tinyLog("a.log", 1_763_600_000_000_000L, 20, 10_000, "fs-01", false);
        try (CaseStore store = CaseStore.create(file)) {
            new ImportPipeline(new TestCatalog(), ImportOptions.defaults()).run(store, List.of(a),
                    ImportProgressListener.NONE, new Cancellation());
            List<Event> all = replay(store);
            try (Statement st = store.connection().createStatement()) {
                st.execute("DELETE FROM replay_chunks WHERE id = (SELECT MIN(id) FROM replay_chunks)");
            }
            assertThat(store.queries().replaysFromChunks()).as("a chunk is missing").isFalse();
            assertThat(replay(store)).as("from the events table").containsExactlyElementsOf(all);

            assertThat(store.packForReplay(() -> true)).as("cancelled: nothing changes").isFalse();
            assertThat(store.queries().replaysFromChunks()).isFalse();
            assertThat(store.packForReplay(() -> false)).isTrue();
            assertThat(store.queries().replaysFromChunks()).isTrue();
            assertThat(replay(store)).containsExactlyElementsOf(all);
        }
        try (CaseStore readOnly = CaseStore.openReadOnly(file)) {
            assertThat(readOnly.queries().replaysFromChunks()).isTrue();
            assertThat(replay(readOnly)).hasSize(20_003);
        }
    }

    @Test
    void aSecondImportAfterPackingKeepsEveryEventReplayable() throws Exception {
        Path a = tinyLog("a.log", 1_763_600_000_000_000L, 20, 3_000, "fs-01", false);
        Path b = tinyLog("b.log", 1_763_600_000_000_005L, 20, 3_000, "web-01", false);
        try (CaseStore store = CaseStore.create(dir.resolve("two.rtcase"))) {
            ImportPipeline pipeline = new ImportPipeline(new TestCatalog(), ImportOptions.defaults());
            pipeline.run(store, List.of(a), ImportProgressListener.NONE, new Cancellation());
            try (Statement st = store.connection().createStatement()) {
                st.execute("DELETE FROM replay_chunks"); // as in a case from before the replay table
            }
            assertThat(store.packForReplay(() -> false)).isTrue();
            pipeline.run(store, List.of(b), ImportProgressListener.NONE, new Cancellation());
            // packed chunks of all sources and the new source's own: both kinds are read together
            assertThat(store.queries().replaysFromChunks()).isTrue();
            assertThat(replay(store)).hasSize(12_006).containsExactlyElementsOf(fromTable(store));
        }
    }

    private static List<Event> replay(CaseStore store) {
        List<Event> out = new ArrayList<>();
        store.queries().replay(EventFilter.all(), out::add);
        return out;
    }

    private static List<Event> fromTable(CaseStore store) {
        List<Event> out = new ArrayList<>();
        ((SqliteCaseQueries) store.queries()).replayTable(EventFilter.all(), out::add);
        return out;
    }

    /** A tiny log of {@code files} writes and renames spaced {@code step} µs apart (2 events a file + 3). */
    private Path tinyLog(String name, long start, long step, int files, String host, boolean lateFirstEvent)
            throws Exception {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            long t = start;
            w.write(t + "|" + host + "|4242|1|/usr/bin/bash|EXEC|bash\n");
            w.write((t += step) + "|" + host + "|4300|4242|/tmp/locker|EXEC|/tmp/locker --all /srv\n");
            for (int i = 0; i < files; i++) {
                String p = "/srv/share/d" + (i % 100) + "/f" + i + ".doc";
                w.write((t += step) + "|" + host + "|4300|4242|/tmp/locker|WRITE|" + p + "\n");
                w.write((t += step) + "|" + host + "|4300|4242|/tmp/locker|RENAME|" + p + "|" + p + ".locked\n");
            }
            w.write((lateFirstEvent ? start - 5_000_000 : t + step) + "|" + host + "|4300|4242|/tmp/locker|EXIT|0\n");
        }
        return file;
    }

    static Path sampleCase(String name) {
        for (Path p : List.of(Path.of("..", "sample-cases", "cases", name), Path.of("sample-cases", "cases", name))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample case " + name + " not found under sample-cases/cases/");
    }
}
