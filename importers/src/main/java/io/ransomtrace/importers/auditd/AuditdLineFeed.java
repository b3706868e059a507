package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.snapshot.SnapshotFormatException;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;
import io.ransomtrace.importers.LineReader;
import io.ransomtrace.importers.QuarantinedRecord;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One host's audit records fed a line at a time, as a shipper (audisp, laurel, a Kafka producer) delivers them,
 * through the same parser, event reassembly and mapping as {@link AuditdImporter}: the same lines give the same
 * events. Events and quarantined lines go to the {@link Output} as they complete. Its state (events waiting
 * for their last record, account names learned from logins, the event count) can be saved and restored, so a
 * stream processor can checkpoint it.
 */
public final class AuditdLineFeed {

    /** Where completed events and unreadable lines go, in input order. */
    public interface Output {
        void event(Event event);

        void quarantined(QuarantinedRecord record);
    }

    private static final int STATE_VERSION = 3;

    private final int sourceId;
    private final Output output;
    private final AuditLineParser parser = new AuditLineParser(ZoneOffset.UTC);
    private final EventMapper mapper;
    private final EventAssembler assembler;
    private long events;
    private long recordsRead;
    private long quarantined;

    /** @param sourceId the source id event ids and provenance carry (one per host stream) */
    public AuditdLineFeed(int sourceId, Output output) {
        this.sourceId = sourceId;
        this.output = output;
        this.mapper = new EventMapper(sourceId, "unknown");
        this.assembler = EventAssembler.withDefaults(this::completed);
    }

    /**
     * One line (without its line break), in UTF-8 as the log holds it.
     *
     * @param lineNumber 1-based position of the line in the host's stream
     * @param offset     where the line starts (a byte offset in a file, an offset in a topic)
     */
    public void line(byte[] utf8, long lineNumber, long offset) {
        line(utf8, 0, utf8.length, lineNumber, offset);
    }

    public void line(byte[] buf, int start, int length, long lineNumber, long offset) {
        if (isBlank(buf, start, length)) {
            return;
        }
        recordsRead++;
        if (length > AuditdImporter.MAX_LINE_BYTES) {
            quarantine(lineNumber, offset, "line of " + length + " bytes is longer than any audit record (limit "
                    + AuditdImporter.MAX_LINE_BYTES + " bytes); only its beginning is kept",
                    LineReader.escape(buf, start, Math.min(length, QuarantinedRecord.RAW_TEXT_CAP)));
            return;
        }
        if (length >= 4 && buf[start] == '-' && buf[start + 1] == '-' && buf[start + 2] == '-' && buf[start + 3] == '-') {
            recordsRead--; // ausearch's event separator is not a record
            assembler.flushAll();
            return;
        }
        AuditRecord rec = parser.parse(buf, start, length, lineNumber, offset);
        if (rec == null) {
            quarantine(lineNumber, offset, parser.error(), LineReader.escape(buf, start, length));
            return;
        }
        rec.fields(); // parsed before reassembly, as the importer's reading thread does (same memory accounting)
        assembler.add(rec);
    }

    /** Hands on every event still waiting for records (end of input, or the host has gone quiet). */
    public void flush() {
        assembler.flushAll();
    }

    /** Events handed on so far. */
    public long events() {
        return events;
    }

    /** Records (non-blank lines) read so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /** Lines and events quarantined so far. */
    public long quarantined() {
        return quarantined;
    }

    /** Records waiting for the rest of their event. */
    public int pendingEvents() {
        return assembler.pendingEvents();
    }

    private static boolean isBlank(byte[] b, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private void completed(List<AuditRecord> records) {
        Event event;
        try {
            event = mapper.map(records, EventId.of(sourceId, events));
        } catch (RuntimeException e) {
            // as in AuditdImporter: a shape nobody foresaw costs its records, never the stream
            for (AuditRecord r : records) {
                quarantine(r.line, r.byteOffset, "could not interpret " + r.type + " event " + r.nativeId() + ": " + e,
                        r.rawText());
            }
            return;
        }
        events++;
        output.event(event);
    }

    private void quarantine(long line, long offset, String reason, String raw) {
        quarantined++;
        output.quarantined(new QuarantinedRecord(sourceId, line, offset, reason, raw));
    }

    /** The feed's state: waiting records (as their raw lines), learned account names and directories, counters. */
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(STATE_VERSION);
        w.writeLong(events);
        w.writeLong(recordsRead);
        w.writeLong(quarantined);
        assembler.writeState(w);
        mapper.names().writeState(w);
        mapper.directories().writeState(w);
    }

    /** Restores what {@link #writeState} wrote into this fresh feed (same source id). */
    public void readState(SnapshotReader r) throws IOException {
        int version = r.readInt();
        if (version != STATE_VERSION) {
            throw new SnapshotFormatException("audit line feed state of version " + version + "; this build reads "
                    + STATE_VERSION);
        }
        events = r.readLong();
        recordsRead = r.readLong();
        quarantined = r.readLong();
        assembler.readState(r, parser);
        mapper.names().readState(r);
        mapper.directories().readState(r);
    }
}
