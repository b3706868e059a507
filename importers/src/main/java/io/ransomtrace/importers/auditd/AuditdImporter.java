package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.importers.EventTimeRange;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.LineReader;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads audit.log (RAW or ENRICHED, with node= prefixes or behind syslog headers) and ausearch output
 * ({@code --raw} or {@code -i}), streaming: line → {@link AuditRecord} → {@link EventAssembler} →
 * {@link EventMapper} → sink. Memory stays bounded whatever the file size.
 *
 * <p>Every non-blank line is a record read (ausearch's {@code ----} separators excepted); each ends up in a
 * mapped event, in an {@link OtherRecord}, or in quarantine. Problems with the file as a whole (a truncated
 * gzip, an empty file) are reported as one quarantined entry at line 0, counted as read and quarantined so the
 * stats and the sink agree.
 */
public final class AuditdImporter implements Importer {

    /** No audit record is longer than ~9 KB (kernel limit, plus ENRICHED fields and syslog header); far longer is junk. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final Format format;
    private final ZoneId interpretedZone;
    private final NamesByLogSet names;
    /** Read and parse on a second thread while this one reassembles and maps (see the parse benchmark). */
    private final boolean readerThread = !"1".equals(System.getProperty("ransomtrace.auditd.threads"));

    /** @param format one of AUDITD_RAW, AUDITD_ENRICHED, AUDITD_INTERPRETED (all shapes are read either way) */
    public AuditdImporter(Format format) {
        this(format, ZoneOffset.UTC);
    }

    /**
     * @param interpretedZone the zone ausearch -i printed its local times in (the output does not say);
     *                        UTC unless the analyst knows better
     */
    public AuditdImporter(Format format, ZoneId interpretedZone) {
        this(format, interpretedZone, new NamesByLogSet());
    }

    /** @param names account names shared by the files of one import or scan run (rotated sets) */
    public AuditdImporter(Format format, NamesByLogSet names) {
        this(format, ZoneOffset.UTC, names);
    }

    private AuditdImporter(Format format, ZoneId interpretedZone, NamesByLogSet names) {
        if (format != Format.AUDITD_RAW && format != Format.AUDITD_ENRICHED && format != Format.AUDITD_INTERPRETED) {
            throw new IllegalArgumentException("not an auditd format: " + format);
        }
        this.format = format;
        this.interpretedZone = interpretedZone;
        this.names = names;
    }

    @Override
    public Format format() {
        return format;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        try (LineReader reader = LineReader.open(source.path(), MAX_LINE_BYTES)) {
            return new Run(source.sourceId(), sink, reader, names.ofRotatedSet(source.path()),
                    names.directoriesOfRotatedSet(source.path()), source.hostOfUnnamedRecords()).run();
        }
    }

    private final class Run implements EventAssembler.Listener {
        private final int sourceId;
        private final ImportSink sink;
        private final LineReader reader;
        private final AuditLineParser parser = new AuditLineParser(interpretedZone);
        private final EventAssembler assembler = EventAssembler.withDefaults(this);
        private final EventMapper mapper;
        private final Map<String, long[]> typeCounts = new HashMap<>();
        private long recordsRead;
        private long recordsInEvents;
        private long recordsOther;
        private long recordsQuarantined;
        private long events;
        /** Records quarantined past the per-event cap; only the first ones keep their raw text (a flood of them). */
        private long capped;
        private String host;
        private long fileBytesRead;
        private long totalBytes;
        private long lines;
        private boolean lastSeen;
        private String inputError;

        private final String unnamedHost;

        Run(int sourceId, ImportSink sink, LineReader reader, LoginNames setNames, DirectoryInodes setDirectories,
            String unnamedHost) {
            this.sourceId = sourceId;
            this.sink = sink;
            this.reader = reader;
            this.unnamedHost = unnamedHost;
            this.mapper = new EventMapper(sourceId, unnamedHost, setNames, setDirectories);
        }

        ImportStats run() {
            RecordBatcher batcher = new RecordBatcher(reader, parser, MAX_LINE_BYTES);
            boolean cancelled = false;
            RecordBatcher.Batch batch;
            if (readerThread) {
                try (ReaderThread rt = new ReaderThread(batcher, "auditd-reader-" + sourceId)) {
                    do {
                        try {
                            batch = rt.next();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancelled = true;
                            break;
                        }
                        consume(batch);
                        rt.recycle(batch);
                        if (!lastSeen && sink.cancelled()) {
                            cancelled = true;
                            break;
                        }
                    } while (!lastSeen);
                }
            } else {
                batch = new RecordBatcher.Batch();
                do {
                    batcher.fill(batch);
                    consume(batch);
                    if (!batch.last && sink.cancelled()) {
                        cancelled = true;
                        break;
                    }
                } while (!batch.last);
            }
            assembler.flushAll();
            if (inputError != null) {
                recordsRead++;
                quarantine(0, 0, inputError, "");
            } else if (!cancelled && lines == 0) {
                recordsRead++;
                quarantine(0, 0, "the file is empty: no audit records", "");
            }
            sink.progress(fileBytesRead, totalBytes);
            Map<String, Long> counts = new HashMap<>();
            typeCounts.forEach((k, v) -> counts.put(k, v[0]));
            return new ImportStats(format, host == null ? unnamedHost : host, recordsRead, recordsInEvents,
                    recordsOther, recordsQuarantined, events, counts, cancelled, inputError);
        }

        private void consume(RecordBatcher.Batch b) {
            for (int i = 0; i < b.size; i++) {
                Object item = b.items[i];
                if (item instanceof AuditRecord rec) {
                    recordsRead++;
                    long[] count = typeCounts.get(rec.type);
                    if (count == null) {
                        typeCounts.put(rec.type, count = new long[1]);
                    }
                    count[0]++;
                    if (host == null && rec.host() != null) {
                        host = rec.host();
                    }
                    assembler.add(rec);
                } else if (item instanceof RecordBatcher.Problem p) {
                    recordsRead++;
                    quarantine(p.line(), p.byteOffset(), p.reason(), p.rawText());
                } else if (item == RecordBatcher.SEPARATOR) {
                    assembler.flushAll(); // ausearch prints one event between separators
                }
            }
            fileBytesRead = b.fileBytesRead;
            totalBytes = b.totalBytes;
            lines = b.lines;
            if (b.last) {
                lastSeen = true;
                inputError = b.inputError;
            }
            sink.progress(fileBytesRead, totalBytes);
        }

        private void quarantine(long line, long offset, String reason, String raw) {
            recordsQuarantined++;
            sink.quarantined(new QuarantinedRecord(sourceId, line, offset, reason, raw));
        }

        @Override
        public void beyondCap(AuditRecord r, int maxRecordsPerEvent) {
            quarantine(r.line, r.byteOffset, "event " + r.nativeId() + " has more than " + maxRecordsPerEvent
                    + " records; this " + r.type + " record past the cap is kept here, not in the event",
                    capped++ < 1_000 ? r.rawText() : null);
        }

        @Override
        public void completed(List<AuditRecord> records) {
            Event event;
            try {
                event = mapper.map(records, EventId.of(sourceId, events));
            } catch (RuntimeException e) {
                // A shape we did not foresee must not stop the import: keep every record, say why.
                for (AuditRecord r : records) {
                    quarantine(r.line, r.byteOffset, "could not interpret " + r.type + " event " + r.nativeId()
                            + ": " + e, r.rawText());
                }
                return;
            }
            String badTime = EventTimeRange.problem(event.time());
            if (badTime != null) {
                for (AuditRecord r : records) {
                    quarantine(r.line, r.byteOffset, "event " + r.nativeId() + ": " + badTime, r.rawText());
                }
                return;
            }
            events++;
            if (event instanceof OtherRecord) {
                recordsOther += records.size();
            } else {
                recordsInEvents += records.size();
            }
            sink.event(event);
        }
    }
}
