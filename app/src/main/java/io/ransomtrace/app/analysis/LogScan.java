package io.ransomtrace.app.analysis;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.HostShardedDetection;
import io.ransomtrace.engine.Evictions;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importers;
import io.ransomtrace.importers.InputExpander;
import io.ransomtrace.importers.InputFileCheck;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.Sniffer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.auditd.NamesByLogSet;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.csv.CsvMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams log files straight into the detector, without a case: what {@code ransomtrace scan} does when it is
 * not asked to keep the data. One pass, constant memory: nothing but the detector's bounded state is held.
 */
public final class LogScan {

    /** What one input gave. {@code problem} is null when the file was read to the end. */
    public record InputResult(Path path, int sourceId, Format format, ImportStats stats, long errors,
                              List<QuarantinedRecord> firstErrors, String problem) {
    }

    /** The whole scan: inputs in the order read, findings, hosts seen. */
    /** @param evictions what the detector's memory caps let go (all zero on an ordinary log) */
    public record Result(List<InputResult> inputs, List<Finding> findings, List<String> hosts, long events,
                         List<Path> skipped, Evictions evictions) {
    }

    private static final int ERRORS_KEPT_PER_INPUT = 5;

    private final DetectionSettings settings;
    private final Format forcedFormat;
    private final Consumer<Finding> alerts;
    private final CsvMapping csvMapping;

    /**
     * @param forcedFormat read every input as this format (null: sniff each)
     * @param alerts       told of each early alert as the detector raises it (may be null)
     */
    public LogScan(DetectionSettings settings, Format forcedFormat, Consumer<Finding> alerts) {
        this(settings, forcedFormat, null, alerts);
    }

    /** @param csvMapping read CSV inputs through this mapping (null: the built-in that fits each header) */
    public LogScan(DetectionSettings settings, Format forcedFormat, CsvMapping csvMapping, Consumer<Finding> alerts) {
        this.settings = settings;
        this.forcedFormat = forcedFormat;
        this.csvMapping = csvMapping;
        this.alerts = alerts;
    }

    /**
     * @throws IOException when an input path does not exist or cannot be listed (a usage problem the caller
     *                     reports); problems inside a file are reported per input instead
     */
    public Result run(List<Path> inputs) throws IOException {
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or directory");
            }
        }
        InputExpander.LogFiles files = InputExpander.logFiles(inputs, forcedFormat == null);
        // one listener for every shard's thread: alerts of two hosts come one after the other, never mixed
        Consumer<Finding> alerted = alerts == null ? null : f -> {
            synchronized (this) {
                alerts.accept(f);
            }
        };
        // detection on threads of their own, one per host: parsing goes on while the detectors work, and each host
        // is judged by its own events and clock whatever order the inputs are read in
        try (HostShardedDetection detection = new HostShardedDetection(HostShardedDetection.MAX_SHARDS,
                () -> new Detector(settings.profile(), settings.allowlist(), alerted))) {
            return run(inputs, files, detection);
        }
    }

    private Result run(List<Path> inputs, InputExpander.LogFiles files, HostShardedDetection detection) {
        Set<String> hosts = new LinkedHashSet<>();
        List<InputResult> results = new ArrayList<>();
        long events = 0;
        int sourceId = 0;
        for (Path input : inputs) {
            // a folder that gave nothing to read (only subfolders, say) is reported, not passed over in silence
            if (Files.isDirectory(input) && files.files().stream().noneMatch(f -> input.equals(f.getParent()))) {
                String note = InputFileCheck.emptyFolder(input);
                results.add(new InputResult(input, ++sourceId, null, null, 0, List.of(),
                        note == null ? "no log file in the folder" : note));
            }
        }
        NamesByLogSet names = new NamesByLogSet(); // a login in audit.log.1 names the session's processes in audit.log
        java.util.Map<Path, String> unnamedHosts = InputExpander.hostsOfUnnamedLogs(files.files());
        for (Path file : files.files()) {
            Format format = forcedFormat;
            String problem = null;
            ImportStats stats = null;
            sourceId++;
            String notReadable = InputFileCheck.problem(file); // before anything opens it: a FIFO would block forever
            if (notReadable != null) {
                results.add(new InputResult(file, sourceId, format, null, 0, List.of(), notReadable));
                continue;
            }
            Sink sink = new Sink(detection, hosts);
            try {
                if (format == null) {
                    format = Sniffer.sniff(file);
                }
                SourceFile source = new SourceFile(sourceId, file, format, unnamedHosts.get(file));
                stats = csvMapping != null && format == Format.CSV
                        ? new CsvImporter(csvMapping).importSource(source, sink)
                        : Importers.importSource(source, sink, names);
                if (stats.format() != null) {
                    format = stats.format();
                }
            } catch (IOException e) {
                problem = "cannot read " + file + ": " + e.getMessage();
            } catch (RuntimeException | StackOverflowError e) {
                // a reader bug on one hostile file must not cost the other inputs and the findings
                problem = "could not be read to its end (" + e + "); " + sink.events + " events were read before";
            }
            if (format == Format.CSV && problem == null && stats != null && stats.events() == 0
                    && stats.recordsRead() > 0 && stats.recordsQuarantined() == stats.recordsRead()
                    && !sink.firstErrors.isEmpty()) {
                // a CSV no mapping reads (its header quarantined with the reasons): not read, not "no findings"
                problem = sink.firstErrors.get(0).reason();
            }
            if (format == Format.UNKNOWN && problem == null) {
                problem = sink.firstErrors.isEmpty() ? "not a format Ransomtrace recognises" : sink.firstErrors.get(0).reason();
            }
            events += sink.events;
            results.add(new InputResult(file, sourceId, format, stats, sink.errors, List.copyOf(sink.firstErrors), problem));
        }
        List<Finding> findings = detection.finish();
        return new Result(results, findings, List.copyOf(hosts), events, files.skipped(), detection.evictions());
    }

    /** Hands events to the detector and keeps counts; bad records are counted, the first few kept for the summary. */
    private static final class Sink implements ImportSink {
        private final Consumer<Event> detector;
        private final Set<String> hosts;
        private final List<QuarantinedRecord> firstErrors = new ArrayList<>();
        private long events;
        private long errors;

        Sink(Consumer<Event> detector, Set<String> hosts) {
            this.detector = detector;
            this.hosts = hosts;
        }

        @Override
        public void event(Event event) {
            events++;
            if (event.host() != null && hosts.size() < 10_000) {
                hosts.add(event.host());
            }
            detector.accept(event);
        }

        @Override
        public void quarantined(QuarantinedRecord record) {
            errors++;
            if (firstErrors.size() < ERRORS_KEPT_PER_INPUT) {
                firstErrors.add(record);
            }
        }
    }
}
