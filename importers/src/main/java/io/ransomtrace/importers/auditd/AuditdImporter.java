package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.OtherRecord;
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

    /** No audit record is longer than ~9 KB (kernel limit); anything far longer is junk. */
    public static final int MAX_LINE_BYTES = 256 * 1024;

    private final Format format;
    private final ZoneId interpretedZone;

    /** @param format one of AUDITD_RAW, AUDITD_ENRICHED, AUDITD_INTERPRETED (all shapes are read either way) */
    public AuditdImporter(Format format) {
        this(format, ZoneOffset.UTC);
    }

    /**
     * @param interpretedZone the zone ausearch -i printed its local times in (the output does not say);
     *                        UTC unless the analyst knows better
     */
    public AuditdImporter(Format format, ZoneId interpretedZone) {
        if (format != Format.AUDITD_RAW && format != Format.AUDITD_ENRICHED && format != Format.AUDITD_INTERPRETED) {
            throw new IllegalArgumentException("not an auditd format: " + format);
        }
        this.format = format;
        this.interpretedZone = interpretedZone;
    }

    @Override
    public Format format() {
        return format;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        try (LineReader reader = LineReader.open(source.path(), MAX_LINE_BYTES)) {
            return new Run(source.sourceId(), sink, reader).run();
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
        private String host;

        Run(int sourceId, ImportSink sink, LineReader reader) {
            this.sourceId = sourceId;
            this.sink = sink;
            this.reader = reader;
            this.mapper = new EventMapper(sourceId, "unknown");
        }

        ImportStats run() {
            boolean cancelled = false;
            while (reader.next()) {
                long lineNo = reader.lineNumber();
                if ((lineNo & 1023) == 0) {
                    if (sink.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    if ((lineNo & 16383) == 0) {
                        sink.progress(reader.fileBytesRead(), reader.totalBytes());
                    }
                }
                if (reader.isBlank()) {
                    continue;
                }
                if (isSeparator()) {
                    assembler.flushAll(); // ausearch prints one event between separators
                    continue;
                }
                recordsRead++;
                if (reader.overlong()) {
                    quarantine(lineNo, reader.byteOffset(), "line of " + reader.fullLength()
                            + " bytes is longer than any audit record (limit " + MAX_LINE_BYTES
                            + " bytes); only its beginning is kept", reader.quarantineText());
                    continue;
                }
                AuditRecord rec = parser.parse(reader.buffer(), reader.start(), reader.length(), lineNo,
                        reader.byteOffset());
                if (rec == null) {
                    quarantine(lineNo, reader.byteOffset(), parser.error(), reader.quarantineText());
                    continue;
                }
                typeCounts.computeIfAbsent(rec.type, t -> new long[1])[0]++;
                if (host == null && rec.host() != null) {
                    host = rec.host();
                }
                assembler.add(rec);
            }
            assembler.flushAll();
            if (reader.inputError() != null) {
                recordsRead++;
                quarantine(0, reader.byteOffset(), reader.inputError(), "");
            } else if (!cancelled && reader.lineNumber() == 0) {
                recordsRead++;
                quarantine(0, 0, "the file is empty: no audit records", "");
            }
            sink.progress(reader.fileBytesRead(), reader.totalBytes());
            Map<String, Long> counts = new HashMap<>();
            typeCounts.forEach((k, v) -> counts.put(k, v[0]));
            return new ImportStats(format, host == null ? "unknown" : host, recordsRead, recordsInEvents,
                    recordsOther, recordsQuarantined, events, counts, cancelled);
        }

        private boolean isSeparator() {
            byte[] b = reader.buffer();
            int s = reader.start();
            return reader.length() >= 4 && b[s] == '-' && b[s + 1] == '-' && b[s + 2] == '-' && b[s + 3] == '-';
        }

        private void quarantine(long line, long offset, String reason, String raw) {
            recordsQuarantined++;
            sink.quarantined(new QuarantinedRecord(sourceId, line, offset, reason, raw));
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
