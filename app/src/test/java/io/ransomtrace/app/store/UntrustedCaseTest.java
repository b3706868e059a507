package io.ransomtrace.app.store;

import io.ransomtrace.app.files.OutputFile;
import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A case file from someone else is untrusted input: schema objects Ransomtrace never creates are refused before
 * anything runs, the folder is left byte for byte as it was, and {@code repair} gets the data out.
 */
class UntrustedCaseTest {

    @TempDir
    Path dir;
    Path caseFile;

    @BeforeEach
    void legitimateCase() throws IOException {
        caseFile = dir.resolve("shared.rtcase");
        Path log = TinyLogWriter.campaign(dir.resolve("a.log"), 40);
        try (CaseStore store = CaseStore.create(caseFile)) {
            Imports.importFiles(store, log);
        }
        Files.delete(log);
    }

    /** What an attacker adds with the sqlite3 shell before sending the case. */
    static final Map<String, String> TAMPERING = Map.of(
            "trigger", "CREATE TRIGGER eat AFTER INSERT ON events BEGIN DELETE FROM events WHERE id = NEW.id; END",
            "trigger-on-sources", "CREATE TRIGGER allow AFTER UPDATE ON sources BEGIN "
                    + "INSERT INTO allowlist(kind, pattern, reason, created_at) VALUES ('exe', '*', 'x', 'now'); END",
            "view", "CREATE VIEW loop AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r",
            "virtual-table", "CREATE VIRTUAL TABLE notes_fts USING fts5(text)",
            "extra-index", "CREATE INDEX spy ON events(kind)",
            "altered-column", "ALTER TABLE events ADD COLUMN extra TEXT DEFAULT 'x'");

    @ParameterizedTest
    @ValueSource(strings = {"trigger", "trigger-on-sources", "view", "virtual-table", "extra-index", "altered-column"})
    void aCaseWithForeignSchemaIsRefusedAndLeftExactlyAsItWas(String kind) throws Exception {
        tamper(TAMPERING.get(kind));
        Map<String, String> before = folder();

        assertThatThrownBy(() -> CaseStore.open(caseFile)).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("changed outside Ransomtrace").hasMessageContaining("not opened and not changed")
                .hasMessageContaining("ransomtrace repair");
        assertThatThrownBy(() -> CaseStore.openReadOnly(caseFile)).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("changed outside Ransomtrace");
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void theRefusalNamesWhatWasFound() throws Exception {
        tamper(TAMPERING.get("trigger"));
        assertThatThrownBy(() -> CaseStore.openReadOnly(caseFile)).hasMessageContaining("trigger eat on events")
                .hasMessageContaining("never creates");
    }

    @Test
    void repairCopiesTheDataIntoAFreshCaseWithoutRunningTheForeignSchema() throws Exception {
        long events;
        try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
            events = ro.queries().replay(EventFilter.all(), e -> true);
        }
        tamper(TAMPERING.get("trigger"));
        tamper(TAMPERING.get("view"));
        tamper("CREATE TABLE loot(x)");
        Map<String, String> before = folder();
        Path fresh = dir.resolve("repaired.rtcase");

        CaseRepair.Result r = CaseRepair.repair(caseFile, OutputFile.check(fresh, false, List.of(caseFile)));

        assertThat(r.tables()).filteredOn(t -> t.table().equals("events")).singleElement()
                .satisfies(t -> assertThat(t.copied()).isEqualTo(events));
        Map<String, String> after = folder();
        assertThat(after.remove("repaired.rtcase")).isNotNull();
        assertThat(after).isEqualTo(before);
        try (CaseStore repaired = CaseStore.openReadOnly(fresh)) {
            assertThat(repaired.queries().replay(EventFilter.all(), e -> true)).isEqualTo(events);
            // the replay table is packed again from the copied events, not copied from the untrusted case
            assertThat(repaired.queries().replaysFromChunks()).isTrue();
            assertThat(r.tables()).filteredOn(t -> t.table().equals("replay_chunks")).singleElement()
                    .satisfies(t -> assertThat(t.problem()).contains("packed again"));
            assertThat(repaired.queries().sources()).singleElement()
                    .extracting(SourceInfo::status).isEqualTo(SourceStatus.COMPLETE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view') "
                     + "OR name = 'loot'")) {
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void repairPacksTheReplayTableFromTheCopiedEventsNotFromTheOldCase() throws Exception {
        // a replay table emptied outside Ransomtrace: repair does not carry it over but packs the copied events
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            st.execute("DELETE FROM replay_chunks");
        }
        long events;
        try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
            assertThat(ro.queries().replaysFromChunks()).isFalse();
            events = ro.queries().replay(EventFilter.all(), e -> true);
        }
        Path fresh = dir.resolve("repaired.rtcase");
        CaseRepair.repair(caseFile, OutputFile.check(fresh, false, List.of(caseFile)));
        try (CaseStore repaired = CaseStore.openReadOnly(fresh)) {
            assertThat(repaired.queries().replaysFromChunks()).isTrue();
            assertThat(repaired.queries().replay(EventFilter.all(), e -> true)).isEqualTo(events);
        }
    }

    @Test
    void repairSkipsRowsThatDoNotFitAndSaysSo() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            st.execute("UPDATE events SET time_us = 'yesterday' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3)");
            st.execute("UPDATE events SET native_id = zeroblob(20000000) WHERE id = (SELECT MAX(id) FROM events)");
        }
        Path fresh = dir.resolve("repaired.rtcase");
        CaseRepair.Result r = CaseRepair.repair(caseFile, OutputFile.check(fresh, false, List.of(caseFile)));
        assertThat(r.tables()).filteredOn(t -> t.table().equals("events")).singleElement().satisfies(t -> {
            assertThat(t.skipped()).isEqualTo(4);
            assertThat(t.problem()).contains("skipped");
        });
        assertThat(r.skipped()).isEqualTo(4);
    }

    @Test
    void anOversizedValueIsRefusedWhileReadingInsteadOfFillingTheMemory() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            // a legitimate schema, one hostile value: 20 MB where Ransomtrace writes at most a few kB
            st.execute("UPDATE processes SET argv = zeroblob(20000000)");
        }
        try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
            assertThatThrownBy(() -> ro.queries().rootProcesses("web-01", 10))
                    .isInstanceOf(CaseStoreException.class)
                    .satisfies(e -> assertThat(StoreFailures.describe(e)).contains("larger than Ransomtrace ever writes"));
        }
    }

    @Test
    void aCaseSwitchedToWalModeIsReadFromAPrivateCopyAndNothingAppearsBesideIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("INSERT INTO meta(key, value) VALUES ('note', 'written through WAL')");
            st.execute("PRAGMA wal_autocheckpoint=0");
        }
        Map<String, String> before = folder();
        try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
            assertThat(ro.queries().sources()).hasSize(1);
        }
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void garbageBesideTheCaseNeitherBreaksAReadNorIsTouched() throws Exception {
        Files.write(dir.resolve("shared.rtcase-journal"), "not a journal at all".repeat(100).getBytes());
        Files.write(dir.resolve("shared.rtcase-wal"), new byte[4096]);
        Map<String, String> before = folder();
        try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
            assertThat(ro.queries().sources()).hasSize(1);
        }
        assertThat(folder()).isEqualTo(before);
    }

    @Test
    void aQueryThatNeverEndsIsStoppedByTheWatchdog() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SqliteHardening.QueryWatchdog w = SqliteHardening.apply(c, Duration.ofMillis(300));
            long start = System.nanoTime();
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeQuery("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                        + "FROM r) SELECT count(*) FROM r")).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(StoreFailures.describe(e)).contains("stopped"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(w.tripped()).isTrue();
        }
    }

    @Test
    void connectionsDoNotTrustTheSchema() throws Exception {
        try (CaseStore ro = CaseStore.openReadOnly(caseFile); Statement st = ro.connection().createStatement();
             var rs = st.executeQuery("PRAGMA trusted_schema")) {
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private void tamper(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseFile); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Every file in the case's folder with its digest. */
    private Map<String, String> folder() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Imports.sha256(p));
            }
        }
        return files;
    }
}
