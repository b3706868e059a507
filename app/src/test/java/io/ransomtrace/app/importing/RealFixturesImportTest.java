package io.ransomtrace.app.importing;

import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.SourceStatus;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real audit logs of other projects (the importers' test fixtures, see their SOURCES.md) through the real
 * importers into a case and back: what the case returns is exactly what the importer emitted, event for event,
 * and every quarantined record is kept.
 */
class RealFixturesImportTest {

    @TempDir
    Path dir;

    /** The importers module's test fixtures, in the repository beside this module; fails when absent. */
    static Path fixtures() {
        for (Path p : List.of(Path.of("../importers/src/test/resources/fixtures"),
                Path.of("importers/src/test/resources/fixtures"))) {
            if (Files.isRegularFile(p.resolve("SOURCES.md"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("importers/src/test/resources/fixtures not found from "
                + Path.of("").toAbsolutePath() + ": run the tests from the repository (mvn -B -ntp verify)");
    }

    @Test
    void realAuditLogsRoundTripThroughTheCase() throws Exception {
        Path root = fixtures();
        List<Path> logs;
        try (Stream<Path> s = Files.walk(root.resolve("auditd"))) {
            logs = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".log"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        ImporterCatalog catalog = ImporterCatalog.builtIn();

        try (CaseStore store = CaseStore.create(dir.resolve("real.rtcase"))) {
            ImportSummary summary = new ImportPipeline(catalog, ImportOptions.defaults()).run(store, logs,
                    ImportProgressListener.NONE, new Cancellation());
            long totalEvents = 0;
            for (SourceResult r : summary.sources()) {
                if (r.outcome() != SourceResult.Outcome.IMPORTED) {
                    continue; // a fixture of a format without importer, or a copy of another fixture
                }
                // each file alone, in a run of its own (a run shares account names within a rotated set only)
                // the run read several logs that name no host: each is its own host, as the run named it
                String host = io.ransomtrace.importers.InputExpander.hostsOfUnnamedLogs(logs).get(r.path());
                Emitted direct = importDirectly(ImporterCatalog.builtIn(), r.format(), r.path(), r.sourceId(), host);
                assertThat(r.events()).as(r.path().toString()).isEqualTo(direct.events.size());
                assertThat(r.errors()).as(r.path().toString()).isEqualTo(direct.quarantined.size());
                List<Event> stored = new ArrayList<>();
                store.queries().replay(EventFilter.all(), e -> {
                    if (e.provenance().sourceId() == r.sourceId()) {
                        stored.add(e);
                    }
                    return true;
                });
                assertThat(stored).as(r.path().toString())
                        .containsExactlyInAnyOrderElementsOf(direct.events);
                totalEvents += stored.size();
            }
            assertThat(summary.count(SourceResult.Outcome.IMPORTED)).isGreaterThanOrEqualTo(5);
            assertThat(totalEvents).isGreaterThan(100);
            assertThat(store.queries().sources()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SourceStatus.COMPLETE))
                    .extracting(SourceInfo::sha256).doesNotContainNull();
            List<StoredEvent> page = store.queries().events(EventFilter.all(), null, 10).events();
            assertThat(page).isNotEmpty();
        }
    }

    private record Emitted(List<Event> events, List<QuarantinedRecord> quarantined) {
    }

    private static Emitted importDirectly(ImporterCatalog catalog, Format format, Path file, int sourceId,
                                          String unnamedHost) throws IOException {
        Importer importer = catalog.importerFor(format).orElseThrow();
        List<Event> events = new ArrayList<>();
        List<QuarantinedRecord> quarantined = new ArrayList<>();
        importer.importSource(new SourceFile(sourceId, file, format, unnamedHost), new ImportSink() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void quarantined(QuarantinedRecord record) {
                quarantined.add(record);
            }
        });
        return new Emitted(events, quarantined);
    }
}
