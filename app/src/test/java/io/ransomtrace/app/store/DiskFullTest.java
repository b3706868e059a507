package io.ransomtrace.app.store;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.importing.SourceResult;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk during an import, simulated with SQLite's {@code max_page_count} (the case cannot grow past it,
 * which SQLite reports exactly as a full disk, SQLITE_FULL): the import says "disk full", and the case says the
 * source was interrupted, never that it is still importing or complete. The same on a real small file system:
 * {@code DiskFullE2ETest}.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsNamedAndLeavesTheSourceInterrupted() throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), 30_000);
        Path caseFile = dir.resolve("full.rtcase");
        String failure = null;
        ImportSummary summary = null;
        try (CaseStore store = CaseStore.create(caseFile)) {
            try (Statement st = store.connection().createStatement()) {
                var rs = st.executeQuery("PRAGMA page_count");
                long pages = rs.getLong(1);
                rs.close();
                st.execute("PRAGMA max_page_count=" + (pages + 40)); // about 600 kB more
            }
            ImportOptions options = ImportOptions.defaults().withCommitEvery(5_000, Duration.ofSeconds(2));
            try {
                summary = new ImportPipeline(new TestCatalog(), options).run(store, List.of(log),
                        ImportProgressListener.NONE, new Cancellation());
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        if (summary != null) {
            assertThat(summary.sources()).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(SourceResult.Outcome.INTERRUPTED);
                assertThat(r.message()).contains("disk full");
            });
        } else {
            assertThat(failure).contains("disk full").contains("the import of audit.log stopped")
                    .contains("marked interrupted");
        }
        try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
            SourceInfo s = ro.queries().sources().get(0);
            assertThat(s.status()).isEqualTo(SourceStatus.INTERRUPTED);
            assertThat(s.events()).isLessThan(60_003);
            assertThat(ro.queries().replay(EventFilter.all(), e -> true)).isEqualTo(s.events());
        }
        try (CaseStore rw = CaseStore.open(caseFile)) {
            SourceInfo s = rw.queries().sources().get(0);
            assertThat(s.status()).isEqualTo(SourceStatus.INTERRUPTED);
            assertThat(s.statusNote()).contains("disk full");
        }
    }
}
