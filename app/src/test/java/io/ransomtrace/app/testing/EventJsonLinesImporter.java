package io.ransomtrace.app.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A test importer for a JSON-lines file of engine events ({@code {"type":"FileOp","event":{...}}}): it can
 * express every field of every event type, so round-trip tests can check that nothing is lost. Like a real
 * importer it counts lines and bytes, sets provenance from where each line is, assigns ids from the source id
 * and ordinal, quarantines lines it cannot read and stops when cancelled.
 */
public final class EventJsonLinesImporter implements Importer {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                        @Override
                        protected Instant _deserialize(String value, DeserializationContext ctxt) {
                            return Instant.parse(value);
                        }
                    }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<? extends Event>> TYPES = Map.of("FileOp", FileOp.class,
            "ProcessExec", ProcessExec.class, "ProcessExit", ProcessExit.class, "OtherRecord", OtherRecord.class);

    /** One line of the format for an event. */
    public static String line(Event e) throws IOException {
        return JSON.writeValueAsString(Map.of("type", e.getClass().getSimpleName(), "event", e));
    }

    @Override
    public Format format() {
        return TestCatalog.JSON_EVENTS;
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        long total = Files.size(source.path());
        long lineNo = 0;
        long offset = 0;
        long events = 0;
        long quarantined = 0;
        Map<String, Long> types = new HashMap<>();
        boolean cancelled = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(source.path()),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                long lineOffset = offset;
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (sink.cancelled()) {
                    cancelled = true;
                    lineNo--;
                    break;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    String type = node.path("type").asText();
                    Class<? extends Event> cls = TYPES.get(type);
                    if (cls == null) {
                        throw new IOException("unknown event type '" + type + "'");
                    }
                    Event e = JSON.treeToValue(node.get("event"), cls);
                    Provenance p = new Provenance(source.sourceId(), lineNo, lineOffset,
                            e.provenance() == null ? null : e.provenance().nativeId());
                    sink.event(withIdAndProvenance(e, EventId.of(source.sourceId(), events), p));
                    events++;
                    types.merge(type, 1L, Long::sum);
                } catch (IOException | RuntimeException bad) {
                    quarantined++;
                    sink.quarantined(new QuarantinedRecord(source.sourceId(), lineNo, lineOffset,
                            "not an event line: " + bad.getMessage().lines().findFirst().orElse(""), line));
                }
                if (lineNo % 1000 == 0) {
                    sink.progress(offset, total);
                }
            }
        }
        sink.progress(Math.min(offset, total), total);
        return new ImportStats(format(), null, lineNo, events, 0, quarantined, events, types, cancelled);
    }

    public static Event withIdAndProvenance(Event e, long id, Provenance p) {
        if (e instanceof FileOp f) {
            return new FileOp(id, f.time(), f.host(), f.actor(), f.kind(), f.path(), f.targetPath(), f.openFlags(),
                    f.mode(), f.success(), f.inode(), f.contentHint(), p);
        } else if (e instanceof ProcessExec x) {
            return new ProcessExec(id, x.time(), x.host(), x.actor(), x.argv(), x.argvTruncated(), x.cwd(), x.tty(),
                    x.parentEntityId(), x.success(), p);
        } else if (e instanceof ProcessExit x) {
            return new ProcessExit(id, x.time(), x.host(), x.actor(), x.exitCode(), p);
        }
        OtherRecord o = (OtherRecord) e;
        return new OtherRecord(id, o.time(), o.host(), o.actor(), o.type(), o.summary(), o.fields(), p);
    }
}
