package io.ransomtrace.app.cli;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.CsvMappedCatalog;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgress;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.app.importing.SourceResult;
import io.ransomtrace.app.store.CaseOpenException;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.csv.CsvMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ransomtrace import --case X.rtcase INPUT...}: imports log files into a case (created when missing),
 * with a progress line and a per-file summary. Ctrl-C stops cleanly: what was read is kept and the file is
 * marked interrupted, ready to be imported again.
 *
 * <p>Exit status ({@link ExitCodes}): 0 when every file was imported or already in the case, 3 (input error) when
 * some file was not, or only partly (truncated or damaged, interrupted, unreadable, not a recognised format) or the case itself could not be opened.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import log files or folders (audit logs, EDR exports) into a case file.")
public final class ImportCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "CASE.rtcase",
            description = "The case to import into; created when it does not exist.")
    Path casePath;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read every input as this format instead of detecting it: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--csv-mapping", paramLabel = "FILE.yaml",
            description = "Read CSV inputs through this column mapping (YAML, as the window's mapping editor saves)"
                    + " instead of the built-in that fits their header.")
    Path csvMapping;

    @Option(names = "--quiet", description = "No progress line (the summary is still printed).")
    boolean quiet;

    @Option(names = "--commit-every", hidden = true, paramLabel = "EVENTS",
            description = "Commit after this many events (tuning and tests).")
    Long commitEvery;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Log files or directories of log files.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ImporterCatalog catalog;

    public ImportCommand() {
        this(ImporterCatalog.builtIn());
    }

    /** For embedding with another set of importers. */
    public ImportCommand(ImporterCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsvMapping mapping;
        try {
            mapping = CsvMappingOption.load(csvMapping);
        } catch (CsvMappingOption.Unusable e) {
            err.println("ransomtrace import: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        ImporterCatalog importers = mapping == null ? catalog : new CsvMappedCatalog(catalog, mapping);
        ImportOptions options = ImportOptions.defaults().withFormat(format);
        if (commitEvery != null) {
            options = options.withCommitEvery(commitEvery, Duration.ofSeconds(2));
        }
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop reading, keep what was stored, mark the file interrupted; wait (bounded) for that to happen.
        Thread onInterrupt = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ransomtrace-import-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean newCase = !java.nio.file.Files.exists(casePath);
        try {
            ImportSummary summary;
            boolean empty;
            try (CaseSession session = CaseSession.openOrCreate(casePath)) {
                ProgressLine progress = new ProgressLine(err, quiet);
                summary = session.importLogs(inputs, importers, options, progress, cancellation);
                progress.done();
                empty = session.holdsNoSource();
            }
            boolean discarded = newCase && empty;
            if (discarded) {
                CaseSession.deleteEmptyCase(casePath);
            }
            printSummary(out, summary, casePath, discarded);
            return summary.allOk() ? ExitCodes.OK : ExitCodes.INPUT_ERROR;
        } catch (CaseOpenException e) {
            err.println("ransomtrace import: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.INPUT_ERROR;
        } catch (IOException e) {
            err.println("ransomtrace import: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.INPUT_ERROR;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waits for the latch released above
            }
            out.flush();
            err.flush();
        }
    }

    private static void printSummary(PrintWriter out, ImportSummary s, Path caseFile, boolean discarded) {
        out.printf(Locale.ROOT, "%n%-4s %-23s %-16s %12s %12s %9s  %s%n", "#", "RESULT", "FORMAT", "RECORDS", "EVENTS",
                "ERRORS", "FILE");
        for (SourceResult r : s.sources()) {
            out.printf(Locale.ROOT, "%-4s %-23s %-16s %12s %12s %9s  %s%n",
                    r.sourceId() == null ? "-" : r.sourceId(), r.label(),
                    r.format() == null ? "?" : r.format().label(), count(r.recordsRead()), count(r.events()),
                    count(r.errors()), ScanReportText.shown(r.path().toString()));
            if (r.message() != null) {
                out.printf(Locale.ROOT, "     %s%n", ScanReportText.shown(r.message()));
            }
        }
        double secs = Math.max(1e-3, s.elapsed().toNanos() / 1e9);
        long partial = s.count(SourceResult.Outcome.PARTIAL);
        out.printf(Locale.ROOT, "%nTotal: %s events, %s import errors (quarantined, see the case's import errors), "
                        + "%d file(s) imported, %s%d already in the case, %d not imported, in %.1f s (%s events/s).%n",
                count(s.events()), count(s.errors()), s.count(SourceResult.Outcome.IMPORTED),
                partial == 0 ? "" : partial + " partly (the file ends early), ",
                s.count(SourceResult.Outcome.DUPLICATE),
                s.sources().size() - s.count(SourceResult.Outcome.IMPORTED) - s.count(SourceResult.Outcome.DUPLICATE)
                        - partial,
                secs, count((long) (s.events() / secs)));
        if (s.cancelled()) {
            out.println("The import was cancelled; interrupted files can be imported again.");
        }
        if (discarded) {
            out.println("No case was created: nothing in the inputs could be imported.");
        } else {
            out.println("Case: " + caseFile.toAbsolutePath());
        }
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * One line on stderr, rewritten in place on a terminal; when the output is piped (a log, a test) a new
     * line every two seconds instead.
     */
    static final class ProgressLine implements ImportProgressListener {
        private final PrintWriter err;
        private final boolean quiet;
        private final boolean terminal = System.console() != null;
        private long lastLine;
        private int width;

        ProgressLine(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void progress(ImportProgress p) {
            if (quiet) {
                return;
            }
            long now = System.nanoTime();
            if (!terminal && now - lastLine < 2_000_000_000L && p.phase() == ImportProgress.Phase.IMPORTING) {
                return;
            }
            lastLine = now;
            String what = switch (p.phase()) {
                case CHECKING -> "checking";
                case IMPORTING -> "importing";
                case INDEXING -> "building indexes";
                case DONE -> "done";
            };
            String line = String.format(Locale.ROOT, "%5.1f%%  %s of %s  %s events  %s events/s  %s errors  [%d/%d] %s%s",
                    p.percent(), mb(p.bytesRead()), mb(p.totalBytes()), count(p.events()),
                    count((long) p.eventsPerSecond()), count(p.errors()), p.sourceIndex(), p.sourceCount(),
                    p.source() == null ? "" : ScanReportText.shown(p.source().getFileName().toString()) + " ", what);
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                width = line.length();
            } else {
                err.println(line);
            }
            err.flush();
        }

        @Override
        public void sourceFinished(SourceResult r) {
            if (!quiet && terminal) {
                err.println();
                width = 0;
            }
        }

        void done() {
            if (!quiet && terminal) {
                err.println();
            }
            err.flush();
        }

        private static String mb(long bytes) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
