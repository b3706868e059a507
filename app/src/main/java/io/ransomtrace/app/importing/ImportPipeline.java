package io.ransomtrace.app.importing;

import io.ransomtrace.app.importing.SourceResult.Outcome;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.CaseWriter;
import io.ransomtrace.app.store.SourceFingerprint;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.SourceStats;
import io.ransomtrace.app.store.SourceStatus;
import io.ransomtrace.app.store.StoreFailures;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.InputFileCheck;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports files into a case: expand the inputs, and for each file check it is not already in the case, tell
 * its format, parse it on a worker thread and store it from this (the calling) thread through a bounded
 * queue, so parsing and writing overlap on two cores. After the last file the event indexes are built and the
 * planner statistics refreshed.
 *
 * <p>Nothing escapes as an exception for bad input: every file ends with a {@link SourceResult} that says what
 * happened. Only a case that cannot be written at all ends the run early (remaining files are
 * {@link Outcome#SKIPPED}).
 */
public final class ImportPipeline {

    /** Rough bytes per event of a raw audit log; decides whether dropping and rebuilding indexes pays off. */
    private static final long BYTES_PER_EVENT_ESTIMATE = 400;

    private final ImporterCatalog catalog;
    private final ImportOptions options;

    public ImportPipeline(ImporterCatalog catalog, ImportOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    public ImportPipeline() {
        this(ImporterCatalog.builtIn(), ImportOptions.defaults());
    }

    /** Runs the import on the calling thread (a UI calls it from a background task). */
    public ImportSummary run(CaseStore store, List<Path> inputs, ImportProgressListener listener,
                             Cancellation cancellation) throws IOException {
        long runStart = System.nanoTime();
        List<SourceResult> results = new ArrayList<>();
        List<Path> files = expand(inputs, results);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += sizeOrZero(f);
        }
        Run run = new Run(files.size(), totalBytes, runStart, listener);
        run.unnamedHosts = io.ransomtrace.importers.InputExpander.hostsOfUnnamedLogs(files);
        try (CaseWriter writer = store.openWriter()) {
            boolean dropIndexes = writer.storedEvents() < totalBytes / BYTES_PER_EVENT_ESTIMATE;
            writer.beginBulk(dropIndexes);
            boolean storeBroken = false;
            try {
                for (int i = 0; i < files.size(); i++) {
                    Path file = files.get(i);
                    SourceResult r;
                    if (storeBroken || cancellation.isCancelled()) {
                        r = new SourceResult(file, Outcome.SKIPPED, null, null, 0, 0, 0, sizeOrZero(file),
                                Duration.ZERO, storeBroken ? "not started: the case could not be written"
                                : "not started: the import was cancelled");
                    } else {
                        run.startSource(i + 1, file);
                        try {
                            r = importOne(writer, file, run, cancellation);
                        } catch (SQLException | CaseWriter.StoreFailure e) {
                            storeBroken = true;
                            String why = "the case could not be written: " + StoreFailures.describe(e);
                            writer.abandonSource(why);
                            r = new SourceResult(file, Outcome.INTERRUPTED, null, null, 0, 0, 0, sizeOrZero(file),
                                    Duration.ZERO, why);
                        }
                    }
                    run.finishSource(r);
                    results.add(r);
                    listener.sourceFinished(r);
                }
            } finally {
                run.report(ImportProgress.Phase.INDEXING, true);
                try {
                    writer.endBulk();
                } catch (SQLException e) {
                    // the first failure is the one to tell (disk full); the index build failing after it follows
                    String first = results.stream().filter(r -> r.outcome() == Outcome.INTERRUPTED
                            && r.message() != null && r.message().startsWith("the case could not be written"))
                            .map(r -> "the import of " + r.path().getFileName() + " stopped: " + r.message()
                                    + "; it is marked interrupted, what was stored before is kept")
                            .findFirst().orElse(null);
                    throw new IOException((first == null ? "" : first + ". ") + "The case's indexes could not be "
                            + "built (" + StoreFailures.describe(e) + "); opening the case for writing again "
                            + "rebuilds them.", e);
                }
            }
        } catch (SQLException e) {
            throw new IOException("The case could not be prepared for import: " + e.getMessage(), e);
        }
        run.report(ImportProgress.Phase.DONE, true);
        return new ImportSummary(results, cancellation.isCancelled(), Duration.ofNanos(System.nanoTime() - runStart));
    }

    /**
     * The files to import. An input that cannot be expanded (a directory that cannot be listed) becomes an
     * unreadable result instead of failing the whole import.
     */
    private List<Path> expand(List<Path> inputs, List<SourceResult> unreadable) {
        try {
            List<Path> files = catalog.expand(inputs);
            for (Path input : inputs) {
                // a folder that gave nothing to read (only subfolders, say) is reported, not passed over in silence
                if (Files.isDirectory(input) && files.stream().noneMatch(f -> input.equals(f.getParent()))) {
                    String note = InputFileCheck.emptyFolder(input);
                    unreadable.add(new SourceResult(input, Outcome.UNREADABLE, null, null, 0, 0, 0, 0, Duration.ZERO,
                            note == null ? "no log file in the folder" : note));
                }
            }
            return files;
        } catch (IOException | RuntimeException all) {
            List<Path> files = new ArrayList<>();
            for (Path input : inputs) {
                try {
                    files.addAll(catalog.expand(List.of(input)));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(new SourceResult(input, Outcome.UNREADABLE, null, null, 0, 0, 0, 0, Duration.ZERO,
                            "cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
                }
            }
            return files;
        }
    }

    private SourceResult importOne(CaseWriter writer, Path file, Run run, Cancellation cancellation)
            throws SQLException {
        long start = System.nanoTime();
        long size = sizeOrZero(file);
        String problem = InputFileCheck.problem(file); // before anything opens it: a FIFO would block forever
        if (problem != null) {
            return result(file, Outcome.UNREADABLE, null, null, 0, 0, 0, size, start, problem);
        }
        String fingerprint;
        String legacyFingerprint;
        Format format;
        try {
            fingerprint = SourceFingerprint.of(InputFileCheck.head(file, SourceFingerprint.HEAD_BYTES));
            legacyFingerprint = SourceFingerprint.legacy(file);
            format = options.forcedFormat() != null ? options.forcedFormat() : catalog.sniff(file);
        } catch (IOException | RuntimeException e) {
            return result(file, Outcome.UNREADABLE, null, null, 0, 0, 0, size, start, "cannot read the file: " + e);
        }
        List<SourceInfo> sameFingerprint = writer.sourcesWithFingerprint(fingerprint, legacyFingerprint);
        SourceInfo replacing = null;
        SourceFingerprint.Digests known = null;
        for (SourceInfo s : sameFingerprint) {
            // A partial source was read as far as the file goes: the same bytes would give the same again.
            if (s.status() == SourceStatus.COMPLETE || s.status() == SourceStatus.PARTIAL) {
                if (known == null) {
                    known = digests(file, cancellation);
                }
                // the same content (even gzipped or with CRLF), or for sources of older cases the same file
                if (known != null && (known.contentSha256().equals(writer.contentDigest(s.id()))
                        || known.fileSha256().equals(s.sha256()))) {
                    return result(file, Outcome.DUPLICATE, s.id(), format, 0, 0, 0, size, start,
                            "already in the case as source #" + s.id() + " (" + s.path().getFileName()
                                    + ", imported " + s.importedAt() + "); not imported again");
                }
            } else if (replacing == null) {
                replacing = s;
            }
        }
        Optional<Importer> importer = format == null ? Optional.empty() : catalog.importerFor(format);
        if (importer.isEmpty()) {
            return result(file, Outcome.UNSUPPORTED, null, format, 0, 0, 0, size, start,
                    format == null || format == Format.UNKNOWN
                            ? "not a recognised format: its first lines are not a log format Ransomtrace reads "
                            + "(auditd, laurel, ECS, Sysmon for Linux, osquery, CSV, audit rules)"
                            : "not a recognised format: looks like " + format.label() + ", which has no importer yet");
        }
        int sourceId = writer.beginSource(new CaseWriter.NewSource(file, size, fingerprint, format.name()), replacing);
        SourceFingerprint.Digests digestsAlready = known;
        CompletableFuture<SourceFingerprint.Digests> sha = digestsAlready != null
                ? CompletableFuture.completedFuture(digestsAlready)
                : CompletableFuture.supplyAsync(() -> digests(file, cancellation), daemon("ransomtrace-import-sha256"));
        return parseAndStore(writer, importer.get(), new SourceFile(sourceId, file, format, run.unnamedHosts.get(file)),
                size, run, cancellation,
                sha, start);
    }

    private SourceResult parseAndStore(CaseWriter writer, Importer importer, SourceFile source, long size, Run run,
                                       Cancellation cancellation, CompletableFuture<SourceFingerprint.Digests> sha,
                                       long start)
            throws SQLException {
        AtomicBoolean writerGone = new AtomicBoolean();
        BatchQueueSink sink = new BatchQueueSink(options.batchSize(), options.queuedBatches(),
                cancellation::isCancelled, writerGone::get);
        Thread parser = new Thread(() -> {
            ImportStats stats = null;
            Throwable failure = null;
            try {
                stats = importer.importSource(source, sink);
            } catch (Throwable t) { // an importer bug must not leave the writer waiting forever
                failure = t;
            }
            sink.finish(stats, failure);
        }, "ransomtrace-import-parser");
        parser.setDaemon(true);
        parser.start();

        long sinceCommit = 0;
        long lastCommit = System.nanoTime();
        long commitIntervalNanos = options.commitInterval().toNanos();
        BatchQueueSink.End end = null;
        long bytesRead = 0;
        try {
            while (end == null) {
                BatchQueueSink.Batch b = sink.next(Math.max(50, options.progressInterval().toMillis()));
                if (b == null) {
                    run.sourceProgress(sink.bytesRead(), writer.eventsWritten(), writer.errorsWritten());
                    continue;
                }
                for (int i = 0; i < b.size(); i++) {
                    Object item = b.items()[i];
                    if (item instanceof CaseWriter.Prepared e) {
                        writer.write(e);
                    } else {
                        QuarantinedRecord q = (QuarantinedRecord) item;
                        writer.quarantine(q.line(), q.byteOffset(), q.reason(), q.rawText());
                    }
                }
                sinceCommit += b.size();
                bytesRead = b.bytesRead();
                end = b.end();
                if (end == null && (sinceCommit >= options.commitEveryEvents()
                        || System.nanoTime() - lastCommit >= commitIntervalNanos)) {
                    writer.commit(bytesRead);
                    sinceCommit = 0;
                    lastCommit = System.nanoTime();
                }
                run.sourceProgress(bytesRead, writer.eventsWritten(), writer.errorsWritten());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            writerGone.set(true);
            end = new BatchQueueSink.End(null, e);
        } catch (SQLException | RuntimeException e) {
            writerGone.set(true);
            joinQuietly(parser);
            throw e;
        }
        joinQuietly(parser);

        ImportStats stats = end.stats();
        Throwable failure = end.failure();
        boolean cancelled = cancellation.isCancelled() || (stats != null && stats.cancelled());
        SourceFingerprint.Digests digests = cancelled ? null : join(sha);
        String digest = digests == null ? null : digests.fileSha256();
        writer.contentDigest(digests == null ? null : digests.contentSha256());
        SourceStatus status;
        String note;
        if (failure != null && endsEarly(failure)) {
            status = SourceStatus.PARTIAL;
            note = "the file ends early (truncated or damaged): " + failure.getMessage()
                    + "; everything before that point was imported";
        } else if (failure != null) {
            status = SourceStatus.INTERRUPTED;
            note = failure instanceof IOException ? "the file could not be read to the end: " + failure.getMessage()
                    : "the importer failed: " + failure;
        } else if (cancelled) {
            status = SourceStatus.INTERRUPTED;
            note = "cancelled by the analyst";
        } else if (stats != null && stats.inputProblem() != null) {
            status = SourceStatus.PARTIAL;
            note = stats.inputProblem() + "; everything before that point was imported";
        } else {
            status = SourceStatus.COMPLETE;
            note = null;
            bytesRead = size;
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        CaseWriter.SourceTotals stored = writer.finishSource(stats == null ? null : new SourceStats(
                stats.format() == null ? null : stats.format().name(), stats.host(), stats.recordsRead(),
                stats.recordsInEvents(), stats.recordsOther(), stats.recordTypeCounts()),
                digest, status, note, bytesRead, millis);
        Outcome outcome = switch (status) {
            case COMPLETE -> Outcome.IMPORTED;
            case PARTIAL -> Outcome.PARTIAL;
            default -> Outcome.INTERRUPTED;
        };
        return result(source.path(), outcome,
                source.sourceId(), stats != null && stats.format() != null ? stats.format() : source.format(),
                stored.events(), stored.errors(),
                stats == null ? 0 : stats.recordsRead(), size, start, note);
    }

    /** A read error that means the file's data stops early (a gzip stream cut off), not that reading failed. */
    private static boolean endsEarly(Throwable failure) {
        return failure instanceof java.io.EOFException || failure instanceof java.util.zip.ZipException;
    }

    private static SourceResult result(Path file, Outcome outcome, Integer id, Format format, long events,
                                       long errors, long records, long size, long startNanos, String message) {
        return new SourceResult(file, outcome, id, format, events, errors, records, size,
                Duration.ofNanos(System.nanoTime() - startNanos), message);
    }

    private static SourceFingerprint.Digests digests(Path file, Cancellation cancellation) {
        try {
            return SourceFingerprint.digests(file, cancellation::isCancelled);
        } catch (IOException e) {
            return null;
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.Executor daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
    }

    private static long sizeOrZero(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Progress bookkeeping for the whole run, throttled to the listener. */
    private final class Run {
        /** Host names of the run's logs that name none, when it reads several rotated sets (InputExpander). */
        private java.util.Map<Path, String> unnamedHosts = java.util.Map.of();
        private final int sourceCount;
        private final long totalBytes;
        private final long startNanos;
        private final ImportProgressListener listener;
        private int sourceIndex;
        private Path source;
        private long bytesBefore;
        private long eventsBefore;
        private long errorsBefore;
        private long bytesNow;
        private long eventsNow;
        private long errorsNow;
        private long lastReport;

        Run(int sourceCount, long totalBytes, long startNanos, ImportProgressListener listener) {
            this.sourceCount = sourceCount;
            this.totalBytes = totalBytes;
            this.startNanos = startNanos;
            this.listener = listener;
        }

        void startSource(int index, Path file) {
            sourceIndex = index;
            source = file;
            report(ImportProgress.Phase.CHECKING, true);
        }

        void sourceProgress(long bytes, long events, long errors) {
            bytesNow = bytes;
            eventsNow = events;
            errorsNow = errors;
            report(ImportProgress.Phase.IMPORTING, false);
        }

        void finishSource(SourceResult r) {
            bytesBefore += r.bytes();
            eventsBefore += r.events();
            errorsBefore += r.errors();
            bytesNow = 0;
            eventsNow = 0;
            errorsNow = 0;
        }

        void report(ImportProgress.Phase phase, boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastReport < options.progressInterval().toNanos()) {
                return;
            }
            lastReport = now;
            Duration elapsed = Duration.ofNanos(now - startNanos);
            long events = eventsBefore + eventsNow;
            double seconds = Math.max(1e-3, elapsed.toNanos() / 1e9);
            listener.progress(new ImportProgress(phase, sourceIndex, sourceCount, source,
                    Math.min(totalBytes, bytesBefore + bytesNow), totalBytes, events, errorsBefore + errorsNow,
                    events / seconds, elapsed));
        }
    }
}
