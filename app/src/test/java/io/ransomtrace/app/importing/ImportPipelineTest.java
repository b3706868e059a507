package io.ransomtrace.app.importing;

import io.ransomtrace.app.importing.SourceResult.Outcome;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.SourceStatus;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.app.testing.Imports;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogImporter;
import io.ransomtrace.app.testing.TinyLogWriter;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPipelineTest {

    @TempDir
    Path dir;

    @Test
    void aTruncatedGzipIsImportedAsFarAsItGoesAndMarkedPartialNotComplete() throws Exception {
        Path gz = io.ransomtrace.app.ui.SampleCaseLogs.truncatedGzip(dir);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = new ImportPipeline().run(store, List.of(gz), ImportProgressListener.NONE,
                    new Cancellation());
            SourceResult r = s.sources().get(0);
            assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(r.label()).isEqualTo("partial");
            assertThat(r.events()).isGreaterThan(100);
            assertThat(r.message()).contains("gzip data is damaged or truncated")
                    .contains("everything before that point was imported");
            assertThat(s.allOk()).isFalse();
            assertThat(store.queries().sources()).singleElement().satisfies(src -> {
                assertThat(src.status()).isEqualTo(SourceStatus.PARTIAL);
                assertThat(src.statusNote()).contains("damaged or truncated");
            });
            // The same truncated file again is the same data: refused as already in the case.
            ImportSummary again = new ImportPipeline().run(store, List.of(gz), ImportProgressListener.NONE,
                    new Cancellation());
            assertThat(again.sources().get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
        }
    }

    @Test
    void theSameFileImportedTwiceIsRecognisedAndRefusedPolitely() throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), 300);
        Path copy = Files.copy(log, dir.resolve("audit-copy.log"));
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            assertThat(Imports.importFiles(store, log).sources().get(0).outcome()).isEqualTo(Outcome.IMPORTED);
            ImportSummary again = Imports.importFiles(store, log, copy);
            assertThat(again.sources()).extracting(SourceResult::outcome).containsExactly(Outcome.DUPLICATE,
                    Outcome.DUPLICATE);
            assertThat(again.sources().get(1).message()).contains("already in the case as source #1")
                    .contains("audit.log");
            assertThat(again.allOk()).isTrue();
            assertThat(store.queries().sources()).singleElement().satisfies(s -> {
                assertThat(s.sha256()).isEqualTo(Imports.sha256(log));
                assertThat(s.events()).isEqualTo(603);
            });
        }
    }

    @Test
    void filesWithTheSameSizeHeadAndTailButDifferentContentAreBothImported() throws Exception {
        Path a = TinyLogWriter.campaign(dir.resolve("a.log"), 5000);
        byte[] bytes = Files.readAllBytes(a);
        int middle = bytes.length / 2;
        while (bytes[middle] != '/') {
            middle++;
        }
        bytes[middle + 1] = (byte) (bytes[middle + 1] == 's' ? 't' : 's'); // /srv -> /trv somewhere in the middle
        Path b = Files.write(dir.resolve("b.log"), bytes);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = Imports.importFiles(store, a, b);
            assertThat(s.sources()).extracting(SourceResult::outcome).containsExactly(Outcome.IMPORTED, Outcome.IMPORTED);
            assertThat(store.queries().sources()).extracting(SourceInfo::sha256).doesNotHaveDuplicates();
        }
    }

    @Test
    void aCancelledImportKeepsWhatWasReadIsMarkedInterruptedAndCanBeImportedAgain() throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), 15_000);
        Cancellation cancel = new Cancellation();
        List<ImportProgress> seen = new ArrayList<>();
        ImportProgressListener cancelHalfWay = p -> {
            seen.add(p);
            if (p.events() >= 8_000) {
                cancel.cancel();
            }
        };
        // a short queue and progress after every batch, so the parser cannot run far ahead of the writer and
        // finish before the cancel arrives
        ImportOptions options = ImportOptions.defaults().withCommitEvery(5_000, Duration.ofSeconds(5))
                .withQueue(256, 2).withProgressEvery(Duration.ZERO);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = new ImportPipeline(new TestCatalog(), options).run(store, List.of(log), cancelHalfWay,
                    cancel);
            assertThat(s.cancelled()).isTrue();
            SourceResult r = s.sources().get(0);
            assertThat(r.outcome()).isEqualTo(Outcome.INTERRUPTED);
            assertThat(r.message()).contains("cancelled");

            SourceInfo info = store.queries().sources().get(0);
            assertThat(info.status()).isEqualTo(SourceStatus.INTERRUPTED);
            assertThat(info.events()).isEqualTo(r.events()).isBetween(8_000L, 30_000L);
            assertThat(info.fractionRead()).isBetween(0.1, 0.999);
            assertEventsAreTheFirstOnesOfTheFile(store, info.events());

            ImportSummary again = Imports.importFiles(store, log);
            assertThat(again.sources().get(0).outcome()).isEqualTo(Outcome.IMPORTED);
            assertThat(again.sources().get(0).sourceId()).isEqualTo(info.id());
            assertThat(store.queries().sources()).singleElement().satisfies(src -> {
                assertThat(src.status()).isEqualTo(SourceStatus.COMPLETE);
                assertThat(src.events()).isEqualTo(30_003);
                assertThat(src.fractionRead()).isEqualTo(1.0);
            });
            assertThat(store.queries().replay(EventFilter.all(), e -> true)).isEqualTo(30_003);
        }
        assertThat(seen).extracting(ImportProgress::phase).contains(ImportProgress.Phase.IMPORTING);
    }

    static void assertEventsAreTheFirstOnesOfTheFile(CaseStore store, long count) {
        List<Long> lines = new ArrayList<>();
        store.queries().replay(EventFilter.all(), e -> lines.add(e.provenance().line()));
        assertThat(lines).hasSize((int) count);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void aProcessThatSpansRotatedLogsKeepsOneKeyAndItsLineage() throws Exception {
        Path older = Files.writeString(dir.resolve("audit.log.1"), """
                1763600000000000|web-01|4242|1|/usr/bin/bash|EXEC|bash
                1763600000000010|web-01|4300|4242|/tmp/locker|EXEC|/tmp/locker
                1763600000000020|web-01|4300|4242|/tmp/locker|WRITE|/srv/a.doc
                """);
        Path newer = Files.writeString(dir.resolve("audit.log"), """
                1763600000000030|web-01|4300|4242|/tmp/locker|RENAME|/srv/a.doc|/srv/a.doc.locked
                1763600000000040|web-01|4300|4242|/tmp/locker|EXIT|0
                """);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            Imports.importFiles(store, older, newer);
            long bash = store.queries().rootProcesses("web-01", 10).get(0).key();
            List<StoredEvent> lineage = store.queries().events(EventFilter.all().ofLineage(bash), null, 10).events();
            assertThat(lineage).extracting(s -> s.event().provenance().sourceId()).containsExactly(1, 1, 1, 2, 2);
            assertThat(lineage.subList(1, 5)).extracting(StoredEvent::processKey).containsOnly(lineage.get(1).processKey());
            assertThat(store.queries().rootProcesses("web-01", 10)).hasSize(1);
        }
    }

    @Test
    void filesThatCannotBeImportedAreReportedAndNothingIsStoredForThem() throws Exception {
        Path junk = Files.write(dir.resolve("core.bin"), new byte[]{0, 1, 2, (byte) 0xff, 0x7f, 'E', 'L', 'F'});
        Path missing = dir.resolve("gone.log");
        Path good = TinyLogWriter.campaign(dir.resolve("audit.log"), 10);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = Imports.importFiles(store, junk, missing, good);
            assertThat(s.sources()).extracting(SourceResult::outcome).containsExactly(Outcome.UNSUPPORTED,
                    Outcome.UNREADABLE, Outcome.IMPORTED);
            assertThat(s.sources().get(0).message()).contains("not a recognised format");
            assertThat(s.allOk()).isFalse();
            assertThat(store.queries().sources()).extracting(SourceInfo::path).containsExactly(good.toAbsolutePath());
        }
    }

    @Test
    void malformedLinesAreQuarantinedWithWhereTheyWereAndTheImportGoesOn() throws Exception {
        Path log = dir.resolve("mixed.log");
        Files.writeString(log, """
                1763600000000000|web-01|10|1|/bin/sh|EXEC|sh -c x
                garbage line \u0001 with control
                1763600000000010|web-01|10|1|/bin/sh|WRITE|/etc/x
                1763600000000020|web-01|10|1|/bin/sh|EXPLODE|/etc/x
                1763600000000030|web-01|10|1|/bin/sh|DELETE|/etc/x
                """);
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = Imports.importFiles(store, log);
            assertThat(s.sources().get(0).events()).isEqualTo(3);
            assertThat(s.sources().get(0).errors()).isEqualTo(2);
            var errors = store.queries().importErrors(null, 0, 10);
            assertThat(errors).extracting(e -> e.line()).containsExactly(2L, 4L);
            assertThat(errors.get(0).byteOffset()).isEqualTo("1763600000000000|web-01|10|1|/bin/sh|EXEC|sh -c x\n".length());
            assertThat(errors.get(0).rawText()).startsWith("garbage line");
            assertThat(store.queries().sources().get(0).errors()).isEqualTo(2);
            assertThat(store.queries().importErrors(null, errors.get(0).id(), 10)).hasSize(1);
        }
    }

    @Test
    void anImporterThatFailsPartWayLeavesAnInterruptedSourceWithItsEvents() throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), 2_000);
        TestCatalog failing = new TestCatalog() {
            @Override
            public Optional<Importer> importerFor(Format format) {
                return Optional.of(new FailsAfter(1_000));
            }
        };
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = new ImportPipeline(failing, ImportOptions.defaults()).run(store, List.of(log),
                    ImportProgressListener.NONE, new Cancellation());
            SourceResult r = s.sources().get(0);
            assertThat(r.outcome()).isEqualTo(Outcome.INTERRUPTED);
            assertThat(r.message()).contains("could not be read to the end").contains("device went away");
            SourceInfo info = store.queries().sources().get(0);
            assertThat(info.status()).isEqualTo(SourceStatus.INTERRUPTED);
            assertThat(info.events()).isEqualTo(1_000);
            assertEventsAreTheFirstOnesOfTheFile(store, 1_000);
        }
    }

    @Test
    void anEventTheCaseCannotTakeIsQuarantinedNotFatal() throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), 10);
        TestCatalog duplicateIds = new TestCatalog() {
            @Override
            public Optional<Importer> importerFor(Format format) {
                return Optional.of(new SameIdTwice());
            }
        };
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            ImportSummary s = new ImportPipeline(duplicateIds, ImportOptions.defaults()).run(store, List.of(log),
                    ImportProgressListener.NONE, new Cancellation());
            assertThat(s.sources().get(0).outcome()).isEqualTo(Outcome.IMPORTED);
            assertThat(s.sources().get(0).events()).isEqualTo(22);
            assertThat(store.queries().importErrors(null, 0, 10)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("could not be stored"));
            List<StoredEvent> all = store.queries().events(EventFilter.all(), null, 100).events();
            assertThat(all).hasSize(22);
        }
    }

    /** The tiny-log importer, whose disk fails after some events (as a yanked USB disk would). */
    private static final class FailsAfter implements Importer {
        private final int events;

        FailsAfter(int events) {
            this.events = events;
        }

        @Override
        public Format format() {
            return TestCatalog.TINY_LOG;
        }

        @Override
        public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
            int[] n = {0};
            try {
                return new TinyLogImporter().importSource(source, new ForwardingSink(sink) {
                    @Override
                    public void event(Event event) {
                        if (n[0]++ == events) {
                            throw new IllegalStateException("stop");
                        }
                        super.event(event);
                    }
                });
            } catch (IllegalStateException e) {
                throw new IOException("device went away");
            }
        }
    }

    /** The tiny-log importer with a bug: it gives the second event the first one's id. */
    private static final class SameIdTwice implements Importer {
        @Override
        public Format format() {
            return TestCatalog.TINY_LOG;
        }

        @Override
        public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
            return new TinyLogImporter().importSource(source, new ForwardingSink(sink) {
                @Override
                public void event(Event event) {
                    if (EventId.ordinalOf(event.id()) == 1) {
                        var f = (io.ransomtrace.engine.model.ProcessExec) event;
                        event = new io.ransomtrace.engine.model.ProcessExec(EventId.of(source.sourceId(), 0),
                                f.time(), f.host(), f.actor(), f.argv(), f.argvTruncated(), f.cwd(), f.tty(),
                                f.parentEntityId(), f.success(), f.provenance());
                    }
                    super.event(event);
                }
            });
        }
    }

    private static class ForwardingSink implements ImportSink {
        private final ImportSink delegate;

        ForwardingSink(ImportSink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void event(Event event) {
            delegate.event(event);
        }

        @Override
        public void quarantined(QuarantinedRecord record) {
            delegate.quarantined(record);
        }

        @Override
        public void progress(long bytesRead, long totalBytes) {
            delegate.progress(bytesRead, totalBytes);
        }

        @Override
        public boolean cancelled() {
            return delegate.cancelled();
        }
    }
}
