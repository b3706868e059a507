package io.ransomtrace.app.importing;

import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.SourceStatus;
import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** kill -9 in the middle of an import leaves a case that opens, says how far it got, and can be re-imported. */
class KillDuringImportTest {

    /** SQLite's rollback journal header: a journal starting with it holds a transaction to roll back. */
    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1,
            0x63, (byte) 0xd7};

    private static boolean hotJournal(Path journal) throws java.io.IOException {
        if (!Files.exists(journal)) {
            return false;
        }
        try (var in = Files.newInputStream(journal)) {
            return java.util.Arrays.equals(in.readNBytes(8), JOURNAL_MAGIC);
        }
    }

    private static final int FILES = 100_000; // 200 003 events, ~18 MB: seconds of import in a fresh JVM
    private static final long COMMITTED_ENOUGH = 3L << 20; // case file size that means some commits happened

    @TempDir
    Path dir;

    private java.util.Set<String> folder() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aKilledImportLeavesAnInterruptedSourceWithConsistentDataAndCanBeImportedAgain() throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), FILES);
        Path casePath = dir.resolve("killed.rtcase");
        Path output = dir.resolve("child.out");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KillableImport.class.getName(), "--case", casePath.toString(), "--commit-every", "10000",
                log.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(casePath) && Files.size(casePath) >= COMMITTED_ENOUGH)) {
                if (!child.isAlive()) {
                    fail("the import ended (exit " + child.exitValue() + ") before it could be killed:\n"
                            + Files.readString(output));
                }
                if (System.nanoTime() > deadline) {
                    fail("no committed progress within 90 s:\n" + Files.readString(output));
                }
                child.waitFor(20, TimeUnit.MILLISECONDS);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        Path journal = dir.resolve("killed.rtcase-journal");
        String before = Imports.sha256(casePath);
        boolean hot = hotJournal(journal);
        String journalBefore = hot ? Imports.sha256(journal) : null;
        java.util.Set<String> folderBefore = folder();
        // killed mid-transaction or between transactions: readable as it is (a hot journal is rolled back in a
        // private copy, never beside the case), and the dead import shows as interrupted
        try (CaseStore ro = CaseStore.openReadOnly(casePath)) {
            SourceInfo s = ro.queries().sources().get(0);
            assertThat(s.status()).isEqualTo(SourceStatus.INTERRUPTED);
            assertThat(s.events()).isPositive();
            assertThat(ro.queries().replay(io.ransomtrace.app.store.EventFilter.all(), e -> true)).isEqualTo(s.events());
        }
        assertThat(folder()).as("nothing created or removed beside the case").isEqualTo(folderBefore);
        if (hot) {
            assertThat(Imports.sha256(journal)).isEqualTo(journalBefore);
        }
        assertThat(Imports.sha256(casePath)).isEqualTo(before);

        long committed;
        try (CaseStore store = CaseStore.open(casePath)) {
            SourceInfo s = store.queries().sources().get(0);
            assertThat(s.status()).isEqualTo(SourceStatus.INTERRUPTED);
            assertThat(s.statusNote()).contains("stopped before the end");
            committed = s.events();
            assertThat(committed).isPositive().isLessThan(2L * FILES + 3);
            assertThat(s.lastLine()).isEqualTo(committed);
            assertThat(s.fractionRead()).isGreaterThan(0).isLessThan(1);
            assertThat(s.recordsRead()).as("never 0 beside the events stored").isGreaterThanOrEqualTo(committed);
            // the recorded count matches the rows, and the rows are exactly the first lines of the file
            ImportPipelineTest.assertEventsAreTheFirstOnesOfTheFile(store, committed);
            assertThat(store.queries().lineage(store.queries().rootProcesses("web-01", 1).get(0).key()))
                    .extracting(io.ransomtrace.app.store.ProcessNode::pid).containsExactlyInAnyOrder(1, 4242, 4300);
        }
        assertThat(hotJournal(journal)).as("rolled back and done with").isFalse();

        try (CaseStore store = CaseStore.open(casePath)) {
            ImportSummary again = Imports.importFiles(store, log);
            assertThat(again.sources()).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(SourceResult.Outcome.IMPORTED);
                assertThat(r.events()).isEqualTo(2L * FILES + 3);
            });
            List<SourceInfo> sources = store.queries().sources();
            assertThat(sources).singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo(SourceStatus.COMPLETE);
                assertThat(s.events()).isEqualTo(2L * FILES + 3);
            });
        }
        try (CaseStore ro = CaseStore.openReadOnly(casePath)) {
            assertThat(ro.queries().replay(io.ransomtrace.app.store.EventFilter.all(), e -> true)).isEqualTo(2L * FILES + 3);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + casePath);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM actors WHERE id NOT IN "
                     + "(SELECT actor_id FROM events WHERE actor_id IS NOT NULL)")) {
            assertThat(rs.getLong(1)).as("actors of the killed import left behind").isZero();
        }
    }
}
