package io.ransomtrace.importers.ecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.auditd.AuditdLineFeed;
import io.ransomtrace.importers.edr.RecordRejected;

/**
 * ECS documents fed one NDJSON line at a time (as Auditbeat or Elastic Agent write them to Kafka), mapped
 * exactly as {@link EcsImporter} maps the lines of an NDJSON file. Its only state is the event count, which
 * numbers the events.
 */
public final class EcsLineFeed {
    private final int sourceId;
    private final AuditdLineFeed.Output output;
    private final ObjectMapper mapper;
    private long events;
    private long recordsRead;
    private long quarantined;

    public EcsLineFeed(int sourceId, AuditdLineFeed.Output output) {
        this.sourceId = sourceId;
        this.output = output;
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(EcsImporter.MAX_LINE_BYTES)
                        .maxNestingDepth(64)
                        .maxNumberLength(64)
                        .build())
                .build());
    }

    /** One NDJSON line (a document, or a wrapper of documents). */
    public void line(String text, long lineNumber, long offset) {
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return;
        }
        if (text.length() > EcsImporter.MAX_LINE_BYTES) {
            recordsRead++;
            quarantine(lineNumber, offset, "line of " + text.length() + " characters is longer than the "
                    + EcsImporter.MAX_LINE_BYTES + "-byte limit for one ECS document", text);
            return;
        }
        JsonNode doc;
        try {
            doc = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            recordsRead++;
            quarantine(lineNumber, offset, "not valid JSON: " + e.getOriginalMessage(), text);
            return;
        }
        if (doc == null || !doc.isObject()) {
            recordsRead++;
            quarantine(lineNumber, offset, "a JSON " + (doc == null ? "nothing"
                    : doc.getNodeType().toString().toLowerCase()) + ", not an ECS document object", text);
            return;
        }
        for (JsonNode d : EcsEventMapper.unwrap(doc)) {
            accept(d, lineNumber, offset, text);
        }
    }

    private void accept(JsonNode raw, long line, long offset, String rawText) {
        recordsRead++;
        if (raw == null || !raw.isObject()) {
            quarantine(line, offset, "not an ECS document object", raw == null ? rawText : raw.toString());
            return;
        }
        JsonNode doc = EcsEventMapper.source(raw);
        Provenance provenance = new Provenance(sourceId, line, offset, EcsEventMapper.nativeId(doc));
        Event event;
        try {
            event = EcsEventMapper.map(doc, EventId.of(sourceId, events), provenance);
        } catch (RecordRejected e) {
            quarantine(line, offset, e.getMessage(), rawText);
            return;
        } catch (RuntimeException e) {
            quarantine(line, offset, "could not be mapped (" + e + ")", rawText);
            return;
        }
        events++;
        output.event(event);
    }

    private void quarantine(long line, long offset, String reason, String raw) {
        quarantined++;
        output.quarantined(new QuarantinedRecord(sourceId, line, offset, reason, raw));
    }

    public long events() {
        return events;
    }

    public long recordsRead() {
        return recordsRead;
    }

    public long quarantined() {
        return quarantined;
    }

    /** Restores the counters (an ECS line is mapped whole; nothing else waits between lines). */
    public void restore(long events, long recordsRead, long quarantined) {
        this.events = events;
        this.recordsRead = recordsRead;
        this.quarantined = quarantined;
    }
}
