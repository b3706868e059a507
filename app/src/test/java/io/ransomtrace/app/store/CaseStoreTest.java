package io.ransomtrace.app.store;

import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.SampleEvents;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewCaseIsMarkedAsOursAndAtTheCurrentVersion() throws Exception {
        Path file = dir.resolve("new.rtcase");
        try (CaseStore store = CaseStore.create(file)) {
            assertThat(store.schemaVersion()).isEqualTo(CaseSchema.CURRENT_VERSION);
            assertThat(store.queries().sources()).isEmpty();
        }
        assertThatThrownBy(() -> CaseStore.create(file)).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("already exists");
        assertThat(dir.resolve("new.rtcase-journal")).doesNotExist();
        // SQLite's header: the page size in bytes 16-17 (big-endian)
        byte[] header = java.nio.file.Files.readAllBytes(file);
        assertThat((header[16] & 0xff) << 8 | (header[17] & 0xff)).isEqualTo(CaseStore.PAGE_SIZE);
    }

    @Test
    void aReadOnlyOpenNeverChangesTheFile() throws Exception {
        Path file = dir.resolve("case.rtcase");
        Path log = TinyLogWriter.campaign(dir.resolve("a.log"), 500);
        try (CaseStore store = CaseStore.create(file)) {
            Imports.importFiles(store, log);
        }
        String before = Imports.sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        try (CaseStore ro = CaseStore.openReadOnly(file)) {
            assertThat(ro.readOnly()).isTrue();
            CaseQueries q = ro.queries();
            assertThat(q.sources()).singleElement().extracting(SourceInfo::status).isEqualTo(SourceStatus.COMPLETE);
            assertThat(q.events(EventFilter.all(), null, 50).events()).hasSize(50);
            long root = q.rootProcesses("web-01", 10).get(0).key();
            assertThat(q.lineage(root)).extracting(ProcessNode::pid).containsExactlyInAnyOrder(1, 4242, 4300);
            assertThat(q.fileOpCounts(Scope.lineage(root), SampleEvents.T0.minusSeconds(1_000_000_000),
                    SampleEvents.T0.plusSeconds(1_000_000_000), Duration.ofMinutes(1))).isNotEmpty();
            assertThat(q.directories(Scope.wholeCase(), Set.of(), null, 10)).isNotEmpty();
            assertThat(q.replay(EventFilter.all(), e -> true)).isEqualTo(1003);
            assertThatThrownBy(() -> ro.annotations().addTag(new AnalystAnnotations.Target(
                    AnalystAnnotations.TargetKind.PROCESS, root), "patient zero"))
                    .isInstanceOf(CaseStoreException.class).hasMessageContaining("read-only");
            assertThatThrownBy(ro::openWriter).isInstanceOf(CaseOpenException.class).hasMessageContaining("read-only");
        }
        assertThat(Imports.sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThat(dir.resolve("case.rtcase-journal")).doesNotExist();
    }

    @Test
    void whileAnImportHoldsTheCaseOtherOpensAreToldWhy() throws Exception {
        Path file = dir.resolve("busy.rtcase");
        try (CaseStore store = CaseStore.create(file); CaseWriter writer = store.openWriter()) {
            writer.beginBulk(false);
            writer.beginSource(new CaseWriter.NewSource(dir.resolve("a.log"), 10, "10:ab", "AUDITD_RAW"), null);
            assertThatThrownBy(() -> CaseStore.openReadOnly(file)).isInstanceOf(CaseOpenException.class)
                    .hasMessageContaining("in use by another Ransomtrace");
            assertThatThrownBy(() -> CaseStore.open(file)).isInstanceOf(CaseOpenException.class)
                    .hasMessageContaining("in use by another Ransomtrace");
            var target = new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.EVENT, 1);
            assertThatThrownBy(() -> store.annotations().addTag(target, "x")).isInstanceOf(CaseStoreException.class)
                    .hasMessageContaining("An import is running");
            writer.finishSource(null, null, SourceStatus.COMPLETE, null, 10, 1);
            writer.endBulk();
            store.annotations().addTag(target, "x");
            assertThat(store.annotations().tags(target)).containsExactly("x");
        }
        try (CaseStore ro = CaseStore.openReadOnly(file)) {
            assertThat(ro.queries().sources()).extracting(SourceInfo::status).containsExactly(SourceStatus.COMPLETE);
        }
    }

    @Test
    void aCaseFromANewerVersionGivesAClearMessageAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("future.rtcase");
        CaseStore.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=" + (CaseSchema.CURRENT_VERSION + 5));
        }
        String before = Imports.sha256(file);
        assertThatThrownBy(() -> CaseStore.open(file)).isInstanceOf(CaseVersionException.class)
                .hasMessageContaining("newer Ransomtrace").hasMessageContaining("Update Ransomtrace")
                .satisfies(e -> assertThat(((CaseVersionException) e).caseVersion())
                        .isEqualTo(CaseSchema.CURRENT_VERSION + 5));
        assertThatThrownBy(() -> CaseStore.openReadOnly(file)).isInstanceOf(CaseVersionException.class)
                .hasMessageContaining("newer Ransomtrace");
        assertThat(Imports.sha256(file)).isEqualTo(before);
    }

    @Test
    void filesThatAreNotCasesAreRefusedWithAMessage() throws Exception {
        Path junk = Files.write(dir.resolve("junk.rtcase"), new byte[]{0x7f, 'E', 'L', 'F', 1, 2, 3, 0, 0, 0, 9, 9,
                9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        assertThatThrownBy(() -> CaseStore.open(junk)).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("not a Ransomtrace case");
        assertThatThrownBy(() -> CaseStore.openReadOnly(junk)).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("not a Ransomtrace case");

        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
        }
        assertThatThrownBy(() -> CaseStore.open(other)).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("not a Ransomtrace case");
        assertThatThrownBy(() -> CaseStore.open(dir.resolve("missing.rtcase"))).isInstanceOf(CaseOpenException.class)
                .hasMessageContaining("No case file");
        assertThat(dir.resolve("missing.rtcase")).doesNotExist();
    }

    @Test
    void analystTagsNotesAllowlistAndProfilesAreKept() throws Exception {
        Path file = dir.resolve("case.rtcase");
        var target = new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.EVENT, 42);
        long profile;
        try (CaseStore store = CaseStore.create(file)) {
            AnalystAnnotations a = store.annotations();
            a.addTag(target, "first overwrite");
            a.addTag(target, "first overwrite");
            a.addNote(target, "the locker starts here");
            a.allow("exe", "/usr/bin/rsync", "nightly backup");
            profile = a.saveProfile("default", "threshold: 50\n");
            a.activateProfile(profile);
            a.recordTuning(profile, "threshold", "50", "30", "catch the slow variant");
            long f = a.saveFinding(new AnalystAnnotations.Finding(0, "mass-rewrite", "Mass rewrite by locker", "high",
                    0.93, "web-01", 7L, SampleEvents.T0, SampleEvents.T0.plusSeconds(30), "412 files rewritten", "{}",
                    profile, null), java.util.List.of(new AnalystAnnotations.Evidence(42, "first overwrite")));
            a.addTag(new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.FINDING, f), "confirmed");
        }
        try (CaseStore store = CaseStore.open(file)) {
            AnalystAnnotations a = store.annotations();
            assertThat(a.tags(target)).containsExactly("first overwrite");
            assertThat(a.notes(target)).extracting(AnalystAnnotations.Note::text).containsExactly("the locker starts here");
            assertThat(a.allowlist()).extracting(AnalystAnnotations.AllowlistTableRow::pattern).containsExactly("/usr/bin/rsync");
            assertThat(a.activeProfile()).map(AnalystAnnotations.Profile::name).contains("default");
            assertThat(a.tuningHistory(profile)).extracting(AnalystAnnotations.TuningChange::newValue).containsExactly("30");
            assertThat(a.findings()).singleElement().satisfies(f -> {
                assertThat(f.first()).isEqualTo(SampleEvents.T0);
                assertThat(f.score()).isEqualTo(0.93);
                assertThat(a.evidence(f.id())).containsExactly(new AnalystAnnotations.Evidence(42, "first overwrite"));
            });
            a.clearFindings();
            assertThat(a.findings()).isEmpty();
            assertThat(a.tagged("confirmed")).isEmpty();
            assertThat(a.tagged("first overwrite")).containsExactly(target);
        }
    }
}
