package io.ransomtrace.app.store;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.importing.SourceResult;
import io.ransomtrace.app.testing.EventJsonLinesImporter;
import io.ransomtrace.app.testing.SampleEvents;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldOfEveryEventTypeSurvivesImportAndReadBack() throws Exception {
        List<Event> originals = SampleEvents.everyFieldOfEveryType();
        Path log = SampleEvents.writeJsonLines(dir.resolve("events.jsonl"), originals, 4);

        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary summary = new ImportPipeline(new TestCatalog(), ImportOptions.defaults())
                    .run(store, List.of(log), ImportProgressListener.NONE, new Cancellation());
            assertThat(summary.sources()).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(SourceResult.Outcome.IMPORTED);
                assertThat(r.events()).isEqualTo(originals.size());
                assertThat(r.errors()).isEqualTo(1);
            });
            int sourceId = summary.sources().get(0).sourceId();

            List<StoredEvent> stored = store.queries().events(EventFilter.all(), null, 1000).events();
            assertThat(stored).hasSize(originals.size());
            List<String> fileLines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < originals.size(); i++) {
                Event read = stored.get(i).event();
                // The importer numbered events in file order; the sample times are increasing, so the time order
                // read back is the file order.
                assertThat(EventId.ordinalOf(read.id())).isEqualTo(i);
                assertThat(read).isEqualTo(reimported(originals.get(i), read));
                assertThat(read.provenance().sourceId()).isEqualTo(sourceId);
                // provenance points at the line the event came from, both by line number and by byte offset
                String line = fileLines.get((int) read.provenance().line() - 1);
                assertThat(line).isEqualTo(EventJsonLinesImporter.line(originals.get(i)));
                assertThat(lineAt(log, read.provenance().byteOffset())).isEqualTo(line);
                assertThat(store.queries().event(read.id())).map(StoredEvent::event).contains(read);
            }

            List<Event> replayed = new ArrayList<>();
            store.queries().replay(EventFilter.all(), replayed::add);
            assertThat(replayed).containsExactlyElementsOf(stored.stream().map(StoredEvent::event).toList());

            assertThat(store.queries().importErrors(sourceId, 0, 10)).singleElement().satisfies(err -> {
                assertThat(err.line()).isEqualTo(4);
                assertThat(err.rawText()).contains("yesterday");
                assertThat(lineAt(log, err.byteOffset())).isEqualTo(err.rawText());
                assertThat(err.reason()).startsWith("not an event line");
            });
        }
    }

    @Test
    void eventsOfOneProcessShareTheKeyOfItsExec() throws Exception {
        Path log = SampleEvents.writeJsonLines(dir.resolve("events.jsonl"), SampleEvents.everyFieldOfEveryType(), 0);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            new ImportPipeline(new TestCatalog(), ImportOptions.defaults())
                    .run(store, List.of(log), ImportProgressListener.NONE, new Cancellation());
            List<StoredEvent> all = store.queries().events(EventFilter.all(), null, 100).events();
            StoredEvent lockerExec = all.stream().filter(s -> s.event() instanceof ProcessExec x
                    && x.actor().pid() == 4300).findFirst().orElseThrow();
            List<StoredEvent> byLocker = all.stream().filter(s -> s.event().actor().pid() == 4300).toList();
            assertThat(byLocker).hasSize(7).allSatisfy(s -> assertThat(s.processKey()).isEqualTo(lockerExec.processKey()));

            ProcessNode locker = store.queries().process(lockerExec.processKey()).orElseThrow();
            assertThat(locker.argv()).containsExactly("/tmp/.x/locker", "--all", "/srv");
            assertThat(locker.cwd()).isEqualTo("/home/alice/Документы");
            assertThat(locker.exitCode()).isZero();
            assertThat(locker.exit()).isEqualTo(SampleEvents.T0.plusMillis(10));
            assertThat(store.queries().ancestors(locker.key())).extracting(ProcessNode::pid).containsExactly(4242, 4000);
        }
    }

    /** The original with the id and provenance the importer gives it (the only fields an importer decides). */
    private static Event reimported(Event original, Event read) {
        var p = read.provenance();
        return EventJsonLinesImporter.withIdAndProvenance(original, read.id(),
                new Provenance(p.sourceId(), p.line(), p.byteOffset(), original.provenance().nativeId()));
    }

    private static String lineAt(Path file, long offset) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(offset);
            var bytes = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = f.read()) >= 0 && b != '\n') {
                bytes.write(b);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
