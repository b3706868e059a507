package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer stores an event or, when the case cannot take it, quarantines it with its line: the import goes on,
 * nothing is lost, and the case says why.
 */
class CaseWriterTest {

    @TempDir
    Path dir;

    private static FileOp write(long id, Instant time, long line) {
        return new FileOp(id, time, "fs01", Actor.of(4242, 1, "/tmp/.x/enc"), FileOpKind.WRITE, "/srv/a" + id, null,
                1, -1, true, -1, null, new Provenance(1, line, line * 100, null));
    }

    @Test
    void anEventTheCaseCannotTakeIsQuarantinedWithItsLineAndTheImportGoesOn() throws Exception {
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase")); CaseWriter writer = store.openWriter()) {
            writer.beginBulk(false);
            writer.beginSource(new CaseWriter.NewSource(dir.resolve("audit.log"), 1000, "1000:ab", "AUDITD_RAW"), null);
            Instant t = Instant.parse("2026-11-28T10:00:00Z");
            writer.write(write(1, t, 1));
            writer.write(write(1, t.plusMillis(1), 2));   // the same id again: a constraint the table enforces
            writer.write(write(2, Instant.MAX, 3));       // a time the case cannot hold: no row can be built
            writer.write(write(3, t.plusMillis(3), 4));
            writer.quarantine(5, 500, "not an audit record", "garbage\u0001");
            CaseWriter.SourceTotals totals = writer.finishSource(new SourceStats("AUDITD_RAW", "fs01", 5, 3, 0,
                    java.util.Map.of("SYSCALL", 3L)), null, SourceStatus.COMPLETE, null, 1000, 1);
            writer.endBulk();

            assertThat(totals.events()).isEqualTo(2);
            assertThat(totals.errors()).isEqualTo(3);
            List<ImportErrorRow> errors = store.queries().importErrors(null, 0, 10);
            assertThat(errors).extracting(ImportErrorRow::line).containsExactlyInAnyOrder(2L, 3L, 5L);
            assertThat(errors).filteredOn(e -> e.line() != 5)
                    .allSatisfy(e -> assertThat(e.reason()).startsWith("the event could not be stored"));
            assertThat(store.queries().events(EventFilter.all(), null, 10).events())
                    .extracting(e -> e.event().id()).containsExactly(1L, 3L);
            assertThat(store.queries().sources()).singleElement()
                    .satisfies(s -> assertThat(s.recordsRead()).isEqualTo(5));
        }
    }
}
