package io.ransomtrace.importers.laurel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.ransomtrace.importers.auditd.LaurelEventAdapter;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads laurel's JSON lines (one already assembled audit event per line) and maps each through the same
 * rules as raw audit records, so an event reads the same whether laurel or auditd wrote it.
 * A record here is one JSON line; its type (for the counts) is its SYSCALL or, without one, its first record.
 */
public final class LaurelImporter implements Importer {

    /** Laurel lines can carry long argument lists; far beyond this is junk. */
    public static final int MAX_LINE_BYTES = 4 << 20;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Format format() {
        return Format.LAUREL;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        int sourceId = source.sourceId();
        LaurelEventAdapter adapter = new LaurelEventAdapter(sourceId);
        Map<String, Long> typeCounts = new HashMap<>();
        long read = 0;
        long inEvents = 0;
        long other = 0;
        long quarantined = 0;
        long events = 0;
        String host = null;
        boolean cancelled = false;
        String inputProblem = null;
        try (LineReader reader = LineReader.open(source.path(), MAX_LINE_BYTES)) {
            while (reader.next()) {
                long lineNo = reader.lineNumber();
                if ((lineNo & 1023) == 0) {
                    if (sink.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    sink.progress(reader.fileBytesRead(), reader.totalBytes());
                }
                if (reader.isBlank()) {
                    continue;
                }
                read++;
                String reason;
                if (reader.overlong()) {
                    reason = "line of " + reader.fullLength() + " bytes exceeds the " + MAX_LINE_BYTES
                            + "-byte limit; only its beginning is kept";
                } else {
                    reason = null;
                    try {
                        JsonNode node = json.readTree(reader.buffer(), reader.start(), reader.length());
                        if (node == null || !node.isObject()) {
                            reason = "not a laurel event (a JSON object per line expected)";
                        } else {
                            Event e = adapter.map(node, EventId.of(sourceId, events), lineNo, reader.byteOffset());
                            if (e == null) {
                                reason = adapter.error();
                            } else if ((reason = EventTimeRange.problem(e.time())) != null) {
                                // quarantined below, counted once
                            } else {
                                events++;
                                if (e instanceof OtherRecord) other++;
                                else inEvents++;
                                List<String> types = LaurelEventAdapter.recordTypes(node);
                                typeCounts.merge(types.isEmpty() ? "?" : types.get(0), 1L, Long::sum);
                                if (host == null) host = LaurelEventAdapter.node(node);
                                sink.event(e);
                            }
                        }
                    } catch (JsonProcessingException ex) {
                        reason = "malformed JSON: " + ex.getOriginalMessage();
                    } catch (RuntimeException ex) {
                        reason = "could not interpret laurel event: " + ex;
                    }
                }
                if (reason != null) {
                    quarantined++;
                    sink.quarantined(new QuarantinedRecord(sourceId, lineNo, reader.byteOffset(), reason,
                            reader.quarantineText()));
                }
            }
            String fileProblem = reader.inputError();
            inputProblem = fileProblem;
            if (fileProblem == null && !cancelled && reader.lineNumber() == 0) {
                fileProblem = "the file is empty: no laurel events";
            }
            if (fileProblem != null) {
                read++;
                quarantined++;
                sink.quarantined(new QuarantinedRecord(sourceId, 0, reader.byteOffset(), fileProblem, ""));
            }
            sink.progress(reader.fileBytesRead(), reader.totalBytes());
        }
        return new ImportStats(Format.LAUREL, host == null ? "unknown" : host, read, inEvents, other, quarantined,
                events, typeCounts, cancelled, inputProblem);
    }
}
