package io.ransomtrace.app.store;

import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.engine.model.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case written by every earlier version opens, is upgraded in place, and keeps its data. */
class MigrationTest {

    @TempDir
    Path dir;

    static IntStream earlierVersions() {
        return IntStream.range(1, CaseSchema.CURRENT_VERSION);
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("earlierVersions")
    void anOlderCaseIsUpgradedAndKeepsItsEvents(int version) throws Exception {
        Path file = dir.resolve("v" + version + ".rtcase");
        writeCaseAtVersion(file, version);

        String before = Imports.sha256(file);
        assertThatThrownBy(() -> CaseStore.openReadOnly(file)).isInstanceOf(CaseVersionException.class)
                .hasMessageContaining("older Ransomtrace").hasMessageContaining("Open it once for writing");
        assertThat(Imports.sha256(file)).as("a read-only open does not upgrade").isEqualTo(before);

        try (CaseStore store = CaseStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(CaseSchema.CURRENT_VERSION);
            assertThat(store.queries().sources()).singleElement().satisfies(s -> {
                assertThat(s.path()).isEqualTo(Path.of("/var/log/audit/audit.log"));
                assertThat(s.status()).isEqualTo(SourceStatus.COMPLETE);
                assertThat(s.events()).isEqualTo(1);
            });
            StoredEvent e = store.queries().events(EventFilter.all(), null, 10).events().get(0);
            assertThat(e.event().host()).isEqualTo("web-01");
            assertThat(e.event().provenance().line()).isEqualTo(17);
            // tables of later versions exist and work
            var target = new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.EVENT, e.event().id());
            store.annotations().addTag(target, "checked");
            store.annotations().allow("exe", "/usr/bin/rsync", "backup");
            assertThat(store.annotations().tags(target)).containsExactly("checked");
            // re-runs read the events table until the events are packed for them, then the same from the chunks
            List<Event> fromTable = new ArrayList<>();
            store.queries().replay(EventFilter.all(), fromTable::add);
            assertThat(fromTable).containsExactly(e.event());
            assertThat(store.queries().replaysFromChunks()).isFalse();
            assertThat(store.packForReplay(() -> false)).isTrue();
            List<Event> fromChunks = new ArrayList<>();
            store.queries().replay(EventFilter.all(), fromChunks::add);
            assertThat(fromChunks).containsExactlyElementsOf(fromTable);
        }
        try (CaseStore again = CaseStore.openReadOnly(file)) {
            assertThat(again.schemaVersion()).isEqualTo(CaseSchema.CURRENT_VERSION);
        }
    }

    /** What that version of Ransomtrace wrote: its schema, and a source with one event, by plain SQL. */
    private static void writeCaseAtVersion(Path file, int version) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id=" + CaseSchema.APPLICATION_ID);
            for (CaseSchema.Migration m : CaseSchema.MIGRATIONS) {
                if (m.version() <= version) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version=" + version);
            st.execute("INSERT INTO sources(id, path, size, sha256, fingerprint, format, imported_at, status, events) "
                    + "VALUES (1, '/var/log/audit/audit.log', 100, 'ab', '100:cd', 'AUDITD_RAW', "
                    + "'2026-01-02T03:04:05Z', 'COMPLETE', 1)");
            st.execute("INSERT INTO hosts(id, name) VALUES (1, 'web-01')");
            st.execute("INSERT INTO paths(id, path, parent_id) VALUES (1, '/srv', NULL), (2, '/srv/a.doc', 1)");
            st.execute("INSERT INTO events(id, time_us, host_id, kind, path_id, flags, mode, result, inode, source_id, "
                    + "line, byte_offset) VALUES (" + io.ransomtrace.engine.model.EventId.of(1, 0)
                    + ", 1763600000000000, 1, 2, 2, 1, -1, 1, -1, 1, 17, 1234)");
        }
    }
}
