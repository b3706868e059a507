package io.ransomtrace.importers.edr;

import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.EventTimeRange;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts what one import read and hands events and quarantined records to the sink, so that every EDR importer
 * keeps the {@link ImportStats} invariant the same way: each record read is counted exactly once, as part of an
 * event, as another record, or as quarantined.
 */
public final class ImportTally {

    private static final int MAX_RECORD_TYPES = 512;

    private final Format format;
    private final int sourceId;
    private final ImportSink sink;
    private final Map<String, Long> recordTypeCounts = new HashMap<>();
    private String host;
    private long recordsRead;
    private long recordsInEvents;
    private long recordsOther;
    private long recordsQuarantined;
    private long events;
    private long nextOrdinal;
    private boolean cancelled;

    public ImportTally(Format format, int sourceId, ImportSink sink) {
        this.format = format;
        this.sourceId = sourceId;
        this.sink = sink;
    }

    public int sourceId() {
        return sourceId;
    }

    /** The id the next emitted event gets: ordinals follow emission order. */
    public long nextEventId() {
        return EventId.of(sourceId, nextOrdinal);
    }

    /** Emits a mapped event (exec, exit, file operation) made of {@code records} input records. */
    public void mapped(Event event, long records, String recordType) {
        if (quarantinedForTime(event, records)) {
            return;
        }
        emit(event);
        recordsRead += records;
        recordsInEvents += records;
        countType(recordType, records);
    }

    /** Emits an {@code OtherRecord} made of {@code records} input records. */
    public void other(Event event, long records, String recordType) {
        if (quarantinedForTime(event, records)) {
            return;
        }
        emit(event);
        recordsRead += records;
        recordsOther += records;
        countType(recordType, records);
    }

    /** An event whose time no clock gives is quarantined (all its records), never handed on. */
    private boolean quarantinedForTime(Event event, long records) {
        String problem = EventTimeRange.problem(event.time());
        if (problem == null) {
            return false;
        }
        Provenance p = event.provenance();
        long line = p == null ? 0 : p.line();
        long offset = p == null ? 0 : p.byteOffset();
        for (long i = 0; i < records; i++) {
            quarantine(line, offset, problem, i == 0 ? String.valueOf(event) : null);
        }
        return true;
    }

    /** Quarantines one input record. */
    public void quarantine(long line, long byteOffset, String reason, String rawText) {
        recordsRead++;
        recordsQuarantined++;
        sink.quarantined(new QuarantinedRecord(sourceId, line, byteOffset, reason, escape(rawText)));
        countType("quarantined", 1);
    }

    public void seenHost(String name) {
        if (host == null && name != null && !name.isBlank()) {
            host = name;
        }
    }

    /** Polls the sink's cancel flag; true once cancelled. */
    public boolean cancelRequested() {
        if (!cancelled && sink.cancelled()) {
            cancelled = true;
        }
        return cancelled;
    }

    public void progress(long bytesRead, long totalBytes) {
        sink.progress(bytesRead, totalBytes);
    }

    public long recordsRead() {
        return recordsRead;
    }

    public ImportStats stats() {
        return new ImportStats(format, host, recordsRead, recordsInEvents, recordsOther, recordsQuarantined, events,
                recordTypeCounts, cancelled);
    }

    private void emit(Event event) {
        sink.event(event);
        events++;
        nextOrdinal++;
    }

    private void countType(String type, long n) {
        if (type == null) {
            return;
        }
        if (recordTypeCounts.size() >= MAX_RECORD_TYPES && !recordTypeCounts.containsKey(type)) {
            type = "(other types)"; // a hostile file must not grow this map without bound
        }
        recordTypeCounts.merge(type, n, Long::sum);
    }

    /** Escapes control characters so raw text stays printable; the record itself caps the length. */
    public static String escape(String raw) {
        if (raw == null) {
            return null;
        }
        int limit = Math.min(raw.length(), QuarantinedRecord.RAW_TEXT_CAP + 64);
        StringBuilder sb = new StringBuilder(limit + 16);
        for (int i = 0; i < limit; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || (c >= 0x20 && c != 0x7f && c != '\ufffd')) {
                sb.append(c);
            } else if (c == '\ufffd') {
                sb.append("\\ufffd");
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        if (raw.length() > limit) {
            sb.append("…[").append(raw.length() - limit).append(" more chars]");
        }
        return sb.toString();
    }
}
