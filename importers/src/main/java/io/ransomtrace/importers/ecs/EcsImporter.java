package io.ransomtrace.importers.ecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Imports Elastic Common Schema documents: NDJSON (one document per line, as Elastic Agent, Auditbeat file
 * output, elasticdump or an {@code _search} scroll writes them), a JSON array of documents, pretty-printed
 * documents one after another, or an Elastic pipeline-test file ({@code {"events":[...]}}). Arrays and
 * pretty-printed files are read with Jackson's streaming parser one element at a time, so a huge array is never
 * held whole.
 *
 * <p>One record is one document. In NDJSON a broken line is quarantined and the next line is read normally; in
 * an array or pretty-printed file, JSON broken in the middle cannot be resynchronised, so the rest of the file
 * from the break is quarantined as one record naming the line and column. See {@link EcsEventMapper} for the
 * field mapping.
 */
public final class EcsImporter implements Importer {

    /** Longest NDJSON line (and, in arrays, longest single string) read; longer ones are quarantined. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Most JSON values one document in an array or pretty-printed file may hold before it is skipped. */
    public static final int MAX_TOKENS_PER_DOCUMENT = 100_000;
    private static final int HEAD_BYTES = 64 * 1024;
    private static final int PROGRESS_EVERY = 4096;

    private final ObjectMapper mapper;

    public EcsImporter() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_LINE_BYTES)
                        .maxNestingDepth(64)
                        .maxNumberLength(64)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    @Override
    public Format format() {
        return Format.ECS_NDJSON;
    }

    /**
     * True when the head of a file looks like ECS JSON: it starts with an object or array and carries ECS field
     * names ({@code @timestamp}, {@code event.category}/{@code event.action}, {@code ecs.version}, or
     * {@code process.pid}), and it is not an osquery results log ({@code hostIdentifier}) or a Falco alert
     * ({@code output_fields}).
     */
    public static boolean looksLike(byte[] head) {
        if (head == null) {
            return false;
        }
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8);
        String s = text.stripLeading();
        if (s.startsWith("\ufeff")) {
            s = s.substring(1).stripLeading();
        }
        if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
            return false;
        }
        if (s.contains("\"hostIdentifier\"") || s.contains("\"output_fields\"") || s.contains("\"SYSCALL\"")) {
            return false;
        }
        boolean event = s.contains("\"event\"") || s.contains("\"event.");
        boolean eventDetail = s.contains("\"category\"") || s.contains("\"action\"") || s.contains("\"kind\"")
                || s.contains("\"event.category\"") || s.contains("\"event.action\"");
        boolean process = (s.contains("\"process\"") || s.contains("\"process.")) && s.contains("pid\"");
        return s.contains("\"@timestamp\"") && (event || process)
                || event && eventDetail
                || s.contains("\"ecs\"") || s.contains("\"ecs.version\"")
                || s.contains("\"winlog\"") && s.contains("Sysmon");
    }

    /** The host of this source's documents that name none (see {@link EcsEventMapper#map(JsonNode, long, Provenance, String)}). */
    private String unnamedHost = SourceFile.UNKNOWN_HOST;

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        ImportTally tally = new ImportTally(Format.ECS_NDJSON, source.sourceId(), sink);
        unnamedHost = source.hostOfUnnamedRecords();
        try (SourceStreams.Opened opened = SourceStreams.open(source.path())) {
            BufferedInputStream in = new BufferedInputStream(opened, HEAD_BYTES);
            in.mark(HEAD_BYTES);
            byte[] head = in.readNBytes(HEAD_BYTES);
            in.reset();
            try {
                if (isLineDelimited(head)) {
                    readLines(in, opened, tally);
                } else {
                    readDocuments(in, opened, tally);
                }
            } catch (IOException e) {
                // Content that stops abruptly (a truncated gzip, a failing disk mid-read): keep what was read.
                tally.quarantine(0, 0, "input could not be read to its end: " + e.getMessage(), null);
            }
            if (opened.damage() != null) {
                tally.quarantine(0, 0, opened.damage(), null);
            }
        }
        return tally.stats();
    }

    /**
     * NDJSON unless the file is a JSON array or pretty-printed JSON. Any complete line of the head that is on its
     * own a whole JSON object means NDJSON (pretty-printed JSON never has one), so a broken first line, a byte
     * order mark or a file that starts in the middle of a line still reads line by line, where a bad line costs
     * only itself.
     */
    private boolean isLineDelimited(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\ufeff')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '{') {
            return i >= text.length() || text.charAt(i) != '[';
        }
        int nl = text.indexOf('\n', i);
        if (nl < 0) {
            // One line so far: the whole file, or a line longer than the head (pretty-printed JSON would have
            // broken lines by now). Line mode reads it with the line bound.
            return true;
        }
        int lines = 0;
        for (int from = i; from < text.length() && lines < 256; lines++) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                break; // the head cut this line
            }
            String line = text.substring(from, end).strip();
            if (line.startsWith("{") && line.endsWith("}") && parsesAsOneObject(line)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    private boolean parsesAsOneObject(String line) {
        try {
            JsonNode node = mapper.readerFor(JsonNode.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(line);
            return node != null && node.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void readLines(InputStream in, SourceStreams.Opened opened, ImportTally tally) throws IOException {
        LineSource lines = new LineSource(in, MAX_LINE_BYTES);
        LineSource.Line line;
        long n = 0;
        while ((line = lines.next()) != null) {
            if (tally.cancelRequested()) {
                return;
            }
            if (++n % PROGRESS_EVERY == 0) {
                tally.progress(opened.compressedBytesRead(), opened.totalBytes());
            }
            if (line.overLong()) {
                tally.quarantine(line.number(), line.byteOffset(), "line of " + line.lengthBytes()
                        + " bytes is longer than the " + MAX_LINE_BYTES + "-byte limit for one ECS document", line.text());
                continue;
            }
            String text = line.number() == 1 && line.text().startsWith("\ufeff") ? line.text().substring(1) : line.text();
            if (text.isBlank()) {
                continue;
            }
            JsonNode doc;
            try {
                doc = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                tally.quarantine(line.number(), line.byteOffset(), "not valid JSON: " + e.getOriginalMessage(), text);
                continue;
            }
            if (doc == null || !doc.isObject()) {
                tally.quarantine(line.number(), line.byteOffset(), "a JSON " + (doc == null ? "nothing"
                        : doc.getNodeType().toString().toLowerCase()) + ", not an ECS document object", text);
                continue;
            }
            for (JsonNode d : EcsEventMapper.unwrap(doc)) {
                accept(d, line.number(), line.byteOffset(), tally, text);
            }
        }
    }

    private void readDocuments(InputStream in, SourceStreams.Opened opened, ImportTally tally) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonLocation lastGood = null;
            try {
                JsonToken token;
                while ((token = p.nextToken()) != null) {
                    if (tally.cancelRequested()) {
                        return;
                    }
                    lastGood = p.currentTokenLocation();
                    if (token == JsonToken.START_ARRAY) {
                        readArray(p, opened, tally);
                    } else if (token == JsonToken.START_OBJECT) {
                        readRootObject(p, opened, tally);
                    } else {
                        JsonLocation loc = p.currentTokenLocation();
                        tally.quarantine(loc.getLineNr(), Math.max(0, loc.getByteOffset()),
                                "a JSON " + token + " at top level, not an ECS document", p.getText());
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation() != null ? e.getLocation() : lastGood;
                long line = loc == null ? 0 : loc.getLineNr();
                long offset = loc == null ? 0 : Math.max(0, loc.getByteOffset());
                tally.quarantine(line, offset, "JSON broken at line " + line + " column "
                        + (loc == null ? 0 : loc.getColumnNr()) + ": " + e.getOriginalMessage()
                        + "; the rest of the file from there was not read", null);
            }
        }
    }

    private void readArray(JsonParser p, SourceStreams.Opened opened, ImportTally tally) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "array not closed: the file ends early");
            }
            if (tally.cancelRequested()) {
                return;
            }
            JsonLocation loc = p.currentTokenLocation();
            if (token == JsonToken.START_OBJECT) {
                BoundedTree tree = new BoundedTree(MAX_TOKENS_PER_DOCUMENT);
                JsonNode doc = tree.read(p);
                if (tree.exceeded()) {
                    tally.quarantine(loc.getLineNr(), Math.max(0, loc.getByteOffset()), "document has more than "
                            + MAX_TOKENS_PER_DOCUMENT + " JSON values; skipped whole", null);
                    continue;
                }
                for (JsonNode d : EcsEventMapper.unwrap(doc)) {
                    accept(d, loc.getLineNr(), Math.max(0, loc.getByteOffset()), tally, null);
                }
            } else {
                String raw = token.isScalarValue() ? p.getText() : token.toString();
                p.skipChildren();
                tally.quarantine(loc.getLineNr(), Math.max(0, loc.getByteOffset()),
                        "array element is a JSON " + token + ", not an ECS document object", raw);
            }
            if (tally.recordsRead() % PROGRESS_EVERY == 0) {
                tally.progress(opened.compressedBytesRead(), opened.totalBytes());
            }
        }
    }

    /**
     * A top-level object is either a wrapper whose single field holds an array of documents (streamed element
     * by element) or a document itself (read whole).
     */
    private void readRootObject(JsonParser p, SourceStreams.Opened opened, ImportTally tally) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        ObjectNode doc = mapper.createObjectNode();
        BoundedTree tree = new BoundedTree(MAX_TOKENS_PER_DOCUMENT);
        boolean first = true;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (first && value == JsonToken.START_ARRAY && (name.equals("events") || name.equals("hits"))) {
                readArray(p, opened, tally);
                skipRestOfObject(p);
                return;
            }
            first = false;
            doc.set(name, tree.read(p));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "object not closed: the file ends early");
        }
        if (tree.exceeded()) {
            tally.quarantine(start.getLineNr(), Math.max(0, start.getByteOffset()), "document has more than "
                    + MAX_TOKENS_PER_DOCUMENT + " JSON values; skipped whole", null);
            return;
        }
        accept(doc, start.getLineNr(), Math.max(0, start.getByteOffset()), tally, null);
    }

    private static void skipRestOfObject(JsonParser p) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            p.nextToken();
            p.skipChildren();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "object not closed: the file ends early");
        }
    }

    private void accept(JsonNode raw, long line, long offset, ImportTally tally, String rawText) {
        if (raw == null || !raw.isObject()) {
            tally.quarantine(line, offset, "not an ECS document object", raw == null ? rawText : raw.toString());
            return;
        }
        JsonNode doc = EcsEventMapper.source(raw);
        String type = EcsEventMapper.recordType(doc);
        Provenance provenance = new Provenance(tally.sourceId(), line, offset, EcsEventMapper.nativeId(doc));
        Event event;
        try {
            event = EcsEventMapper.map(doc, tally.nextEventId(), provenance, unnamedHost);
        } catch (RecordRejected e) {
            tally.quarantine(line, offset, e.getMessage(), rawText != null ? rawText : doc.toString());
            return;
        } catch (RuntimeException e) {
            // A mapping bug must cost one record, never the import.
            tally.quarantine(line, offset, "could not be mapped (" + e + ")", rawText != null ? rawText : doc.toString());
            return;
        }
        tally.seenHost(event.host());
        if (event instanceof OtherRecord) {
            tally.other(event, 1, type);
        } else {
            tally.mapped(event, 1, type);
        }
    }


    /**
     * Builds a tree from the parser's current value like {@code readValueAsTree}, but stops keeping values once a
     * budget of values is spent (and skips the rest of the value), so one enormous document in a JSON array cannot
     * exhaust the heap.
     */
    private static final class BoundedTree {
        private final com.fasterxml.jackson.databind.node.JsonNodeFactory nodes =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        private int budget;
        private boolean exceeded;

        BoundedTree(int budget) {
            this.budget = budget;
        }

        boolean exceeded() {
            return exceeded;
        }

        JsonNode read(JsonParser p) throws IOException {
            if (exceeded || --budget < 0) {
                exceeded = true;
                p.skipChildren();
                return nodes.nullNode();
            }
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode o = nodes.objectNode();
                    JsonToken next;
                    while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        JsonNode v = read(p);
                        if (!exceeded) {
                            o.set(name, v);
                        }
                    }
                    if (next != JsonToken.END_OBJECT) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "object not closed");
                    }
                    return o;
                }
                case START_ARRAY -> {
                    com.fasterxml.jackson.databind.node.ArrayNode a = nodes.arrayNode();
                    JsonToken next;
                    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (next == null) {
                            throw new com.fasterxml.jackson.core.JsonParseException(p, "array not closed");
                        }
                        JsonNode v = read(p);
                        if (!exceeded) {
                            a.add(v);
                        }
                    }
                    return a;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(p.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? nodes.numberNode(p.getBigIntegerValue()) : nodes.numberNode(p.getLongValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(p.getDoubleValue());
                }
                case VALUE_TRUE -> {
                    return nodes.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return nodes.booleanNode(false);
                }
                default -> {
                    return nodes.nullNode();
                }
            }
        }
    }
}
