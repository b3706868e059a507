package io.ransomtrace.importers.osquery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.edr.ImportTally;
import io.ransomtrace.importers.edr.LineSource;
import io.ransomtrace.importers.edr.RecordRejected;
import io.ransomtrace.importers.edr.SourceStreams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports an osquery results log ({@code osqueryd.results.log} or anything a logger plugin wrote in that shape):
 * one JSON object per line, either a differential row ({@code "columns": {...}, "action": "added"|"removed"}),
 * a batch of differential rows ({@code "diffResults": {"added": [...], "removed": [...]}}) or a snapshot
 * ({@code "snapshot": [...]}).
 *
 * <p>A record is one result row (a snapshot line of 50 rows is 50 records); a line that is not valid JSON or
 * has no rows is one quarantined record. {@code file_events} MOVED_FROM rows are held (at most
 * {@link #MAX_PENDING_MOVES}) until the MOVED_TO row with the same {@code transaction_id} arrives and the two
 * become one RENAME; an unpaired MOVED_FROM still becomes a RENAME with no target, an unpaired MOVED_TO a CREATE.
 */
public final class OsqueryImporter implements Importer {

    public static final int MAX_LINE_BYTES = 4 << 20;
    public static final int MAX_PENDING_MOVES = 4096;
    private static final int PROGRESS_EVERY = 4096;

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_BYTES)
                    .maxNestingDepth(32).maxNumberLength(64).build())
            .build());

    @Override
    public Format format() {
        return Format.OSQUERY;
    }

    /** True when the head is osquery result JSON: {@code hostIdentifier} plus columns, snapshot or diffResults. */
    public static boolean looksLike(byte[] head) {
        if (head == null) {
            return false;
        }
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (s.startsWith("\ufeff")) {
            s = s.substring(1);
        }
        return s.startsWith("{") && s.contains("\"hostIdentifier\"")
                && (s.contains("\"columns\"") || s.contains("\"snapshot\"") || s.contains("\"diffResults\""));
    }

    /** The host of rows without hostIdentifier ({@link SourceFile#hostOfUnnamedRecords}). */
    private String unnamedHost = SourceFile.UNKNOWN_HOST;

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        ImportTally tally = new ImportTally(Format.OSQUERY, source.sourceId(), sink);
        unnamedHost = source.hostOfUnnamedRecords();
        Map<String, OsqueryRow> pendingMoves = new LinkedHashMap<>();
        try (SourceStreams.Opened opened = SourceStreams.open(source.path())) {
            try {
                LineSource lines = new LineSource(opened, MAX_LINE_BYTES);
                LineSource.Line line;
                long n = 0;
                while ((line = lines.next()) != null) {
                    if (tally.cancelRequested()) {
                        break;
                    }
                    readLine(line, tally, pendingMoves);
                    if (++n % PROGRESS_EVERY == 0) {
                        tally.progress(opened.compressedBytesRead(), opened.totalBytes());
                    }
                }
            } catch (IOException e) {
                tally.quarantine(0, 0, "input could not be read to its end: " + e.getMessage(), null);
            }
            if (opened.damage() != null) {
                tally.quarantine(0, 0, opened.damage(), null);
            }
        }
        for (OsqueryRow unpaired : pendingMoves.values()) {
            emit(unpaired, tally);
        }
        return tally.stats();
    }

    private void readLine(LineSource.Line line, ImportTally tally, Map<String, OsqueryRow> pendingMoves) {
        if (line.overLong()) {
            tally.quarantine(line.number(), line.byteOffset(), "line of " + line.lengthBytes()
                    + " bytes is longer than the " + MAX_LINE_BYTES + "-byte limit", line.text());
            return;
        }
        String text = line.number() == 1 && line.text().startsWith("\ufeff") ? line.text().substring(1) : line.text();
        if (text.isBlank()) {
            return;
        }
        JsonNode doc;
        try {
            doc = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            tally.quarantine(line.number(), line.byteOffset(), "not valid JSON: " + e.getOriginalMessage(), text);
            return;
        }
        if (doc == null || !doc.isObject()) {
            tally.quarantine(line.number(), line.byteOffset(), "not an osquery result object", text);
            return;
        }
        String name = textOf(doc, "name");
        String host = textOf(doc, "hostIdentifier");
        if (host == null) {
            host = unnamedHost; // the detector judges no event without a host
        }
        long unixTime = doc.has("unixTime") ? doc.get("unixTime").asLong(-1) : -1;
        String counter = textOf(doc, "counter");
        String envelopeId = (name == null ? "-" : name) + ":" + (counter != null ? counter : unixTime);
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        if (doc.get("columns") != null) {
            String action = textOf(doc, "action");
            rows.add(Map.entry(action == null ? "added" : action, doc.get("columns")));
        } else if (doc.get("snapshot") instanceof com.fasterxml.jackson.databind.node.ArrayNode snap) {
            snap.forEach(r -> rows.add(Map.entry("snapshot", r)));
        } else if (doc.get("diffResults") != null && doc.get("diffResults").isObject()) {
            for (String action : new String[]{"added", "removed"}) {
                JsonNode arr = doc.get("diffResults").get(action);
                if (arr != null && arr.isArray()) {
                    arr.forEach(r -> rows.add(Map.entry(action, r)));
                }
            }
        } else {
            tally.quarantine(line.number(), line.byteOffset(),
                    "osquery result line without columns, snapshot or diffResults", text);
            return;
        }
        if (rows.isEmpty()) {
            return; // an empty snapshot: the query ran and found nothing
        }
        int index = 0;
        for (Map.Entry<String, JsonNode> entry : rows) {
            JsonNode columns = entry.getValue();
            String nativeId = rows.size() > 1 ? envelopeId + "#" + index : envelopeId;
            index++;
            if (columns == null || !columns.isObject()) {
                tally.quarantine(line.number(), line.byteOffset(), "osquery row is not an object of columns",
                        columns == null ? text : columns.toString());
                continue;
            }
            OsqueryRow row = new OsqueryRow(name, host, unixTime, entry.getKey(), columns, nativeId, line.number(),
                    line.byteOffset());
            String action = OsqueryEventMapper.fileAction(row);
            String tx = row.column("transaction_id");
            if ("MOVED_FROM".equals(action) && tx != null && !"0".equals(tx)) {
                OsqueryRow previous = pendingMoves.remove(tx);
                if (previous != null) {
                    emit(previous, tally);
                }
                pendingMoves.put(tx, row);
                if (pendingMoves.size() > MAX_PENDING_MOVES) {
                    Iterator<OsqueryRow> oldest = pendingMoves.values().iterator();
                    OsqueryRow old = oldest.next();
                    oldest.remove();
                    emit(old, tally);
                }
                continue;
            }
            if ("MOVED_TO".equals(action) && tx != null && pendingMoves.containsKey(tx)) {
                emitRename(pendingMoves.remove(tx), row, tally);
                continue;
            }
            emit(row, tally);
        }
    }

    private static void emit(OsqueryRow row, ImportTally tally) {
        Provenance provenance = new Provenance(tally.sourceId(), row.line(), row.byteOffset(), row.nativeId());
        try {
            Event event = OsqueryEventMapper.map(row, tally.nextEventId(), provenance);
            tally.seenHost(event.host());
            if (event instanceof OtherRecord) {
                tally.other(event, 1, OsqueryEventMapper.recordType(row));
            } else {
                tally.mapped(event, 1, OsqueryEventMapper.recordType(row));
            }
        } catch (RecordRejected e) {
            tally.quarantine(row.line(), row.byteOffset(), e.getMessage(), row.columns().toString());
        } catch (RuntimeException e) {
            tally.quarantine(row.line(), row.byteOffset(), "could not be mapped (" + e + ")", row.columns().toString());
        }
    }

    private static void emitRename(OsqueryRow from, OsqueryRow to, ImportTally tally) {
        Provenance provenance = new Provenance(tally.sourceId(), from.line(), from.byteOffset(), from.nativeId());
        try {
            Event event = OsqueryEventMapper.rename(from, to, tally.nextEventId(), provenance);
            tally.seenHost(event.host());
            tally.mapped(event, 2, OsqueryEventMapper.recordType(from));
        } catch (RecordRejected e) {
            tally.quarantine(from.line(), from.byteOffset(), e.getMessage(), from.columns().toString());
            tally.quarantine(to.line(), to.byteOffset(), e.getMessage(), to.columns().toString());
        }
    }

    private static String textOf(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }
}
