package io.ransomtrace.importers.csv;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
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
import io.ransomtrace.importers.edr.Texts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a CSV export from an EDR or SIEM search through a {@link CsvMapping}: given one, or else the built-in
 * that fits the header ({@link CsvMappings#bestFor}). When no mapping fits, the header line is quarantined with
 * every built-in's reasons and nothing else is read: an unrecognised export is reported, never guessed.
 *
 * <p>A record is one CSV row. Rows are cut from a bounded line stream; a quoted field may span lines (up to
 * {@link #MAX_ROW_LINES} lines and {@link #MAX_ROW_CHARS} characters), and each row is parsed on its own with
 * Apache Commons CSV, so a broken row costs only itself; after an unbalanced quote, reading resumes at the next
 * line (see {@code RowReader}).
 */
public final class CsvImporter implements Importer {

    public static final int MAX_LINE_BYTES = 1 << 20;
    public static final int MAX_ROW_CHARS = 1 << 20;
    public static final int MAX_ROW_LINES = 64;
    private static final int PROGRESS_EVERY = 4096;

    private final CsvMapping mapping;

    /** Picks the built-in mapping that fits each file's header. */
    public CsvImporter() {
        this(null);
    }

    /** Reads every file through the given mapping (the analyst's pick or edit). */
    public CsvImporter(CsvMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    /**
     * True when the head looks like a delimited table with a header: the first line splits into at least three
     * fields on comma, semicolon or tab, the second line into as many, and neither starts like JSON or XML or an
     * audit record.
     */
    public static boolean looksLike(byte[] head) {
        if (head == null) {
            return false;
        }
        String s = new String(head, StandardCharsets.UTF_8);
        if (s.startsWith("\ufeff")) {
            s = s.substring(1);
        }
        String[] lines = s.split("\r?\n", 3);
        if (lines.length < 2 || lines[0].isBlank()) {
            return false;
        }
        String first = lines[0].strip();
        if (first.startsWith("{") || first.startsWith("[") || first.startsWith("<") || first.startsWith("type=")
                || first.startsWith("node=")) {
            return false;
        }
        for (char d : new char[]{',', ';', '\t'}) {
            int n = fieldCount(lines[0], d);
            if (n >= 3 && fieldCount(lines[1], d) == n) {
                return true;
            }
        }
        return false;
    }

    private static int fieldCount(String line, char delimiter) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** Reads a file's header (first non-blank row) with the given delimiter; empty when the file has none. */
    public static List<String> readHeader(Path file, char delimiter) throws IOException {
        try (SourceStreams.Opened in = SourceStreams.open(file)) {
            LineSource lines = new LineSource(in, MAX_LINE_BYTES);
            LineSource.Line line;
            while ((line = lines.next()) != null) {
                if (!line.text().isBlank() && !line.overLong()) {
                    try {
                        return parseRow(stripBom(line.text()), delimiter);
                    } catch (RecordRejected e) {
                        return List.of();
                    }
                }
            }
        }
        return List.of();
    }

    @Override
    public ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        ImportTally tally = new ImportTally(Format.CSV, source.sourceId(), sink);
        try (SourceStreams.Opened opened = SourceStreams.open(source.path())) {
            try {
                read(opened, tally, source.hostOfUnnamedRecords());
            } catch (IOException e) {
                tally.quarantine(0, 0, "input could not be read to its end: " + e.getMessage(), null);
            }
            if (opened.damage() != null) {
                tally.quarantine(0, 0, opened.damage(), null);
            }
        }
        return tally.stats();
    }

    private void read(SourceStreams.Opened opened, ImportTally tally, String unnamedHost) throws IOException {
        LineSource lines = new LineSource(opened, MAX_LINE_BYTES);
        RowReader rows = new RowReader(lines, tally);
        Row headerRow = rows.next();
        if (headerRow == null) {
            return;
        }
        String headerText = stripBom(headerRow.text);
        char delimiter = mapping != null ? mapping.delimiter() : guessDelimiter(headerText);
        List<String> header;
        try {
            header = parseRow(headerText, delimiter);
        } catch (RecordRejected e) {
            tally.quarantine(headerRow.line, headerRow.offset, "header row unreadable: " + e.getMessage(), headerText);
            return;
        }
        CsvMapping used = mapping;
        if (used == null) {
            Optional<CsvMapping> best = CsvMappings.bestFor(header);
            if (best.isEmpty() && delimiter != ',') {
                best = CsvMappings.bestFor(parseRowQuietly(headerText, ','));
            }
            if (best.isEmpty()) {
                tally.quarantine(headerRow.line, headerRow.offset, noFitReason(header), headerText);
                return;
            }
            used = best.get();
            if (used.delimiter() != delimiter) {
                header = parseRowQuietly(headerText, used.delimiter());
            }
        } else {
            CsvMappingCheck check = used.check(header);
            if (!check.fits()) {
                tally.quarantine(headerRow.line, headerRow.offset, "mapping '" + used.name()
                        + "' does not fit this header: " + String.join("; ", check.errors()), headerText);
                return;
            }
        }
        RowMapper mapper = new RowMapper(used, header, tally.sourceId(), unnamedHost);
        rows.expect(header.size(), used.delimiter());
        Row row;
        long n = 0;
        while ((row = rows.next()) != null) {
            if (tally.cancelRequested()) {
                return;
            }
            mapper.accept(row, tally);
            if (++n % PROGRESS_EVERY == 0) {
                tally.progress(opened.compressedBytesRead(), opened.totalBytes());
            }
        }
    }

    /**
     * Why nothing was read: the closest built-in and the columns it misses first (what the analyst compares with
     * the export), how to pass a mapping, then every built-in's errors.
     */
    static String noFitReason(List<String> header) {
        StringBuilder why = new StringBuilder("no built-in column mapping fits this header, so nothing was read "
                + "(never guessed). ");
        Optional<CsvMappings.Closest> closest = CsvMappings.closest(header);
        if (closest.isPresent()) {
            CsvMappings.Closest c = closest.get();
            why.append("Closest built-in: ").append(c.mapping().name()).append(" (").append(c.present())
                    .append(" of its columns present; missing: ").append(String.join(", ", c.missing()))
                    .append("). ");
        } else {
            why.append("No built-in shares a column with it. ");
        }
        why.append("Write a mapping (YAML, see docs/csv-mappings.md) and pass it with --csv-mapping FILE.yaml to "
                + "scan or import, or map the columns in the window. ");
        for (CsvMappingCheck c : CsvMappings.checkAll(header)) {
            why.append(c.mapping().name()).append(": ").append(String.join("; ", c.errors())).append(". ");
        }
        return why.toString().strip();
    }

    /**
     * A path from a folder column and a name column (Defender's FolderPath and FileName). Exports differ on
     * whether the folder column already ends with the name, so it is appended only when it does not.
     */
    static String inFolder(String folder, String name) {
        if (folder == null || name == null || name.contains("/") || name.contains("\\")) {
            return folder;
        }
        if (folder.equals(name) || folder.endsWith("/" + name) || folder.endsWith("\\" + name)) {
            return folder;
        }
        char separator = folder.contains("\\") && !folder.contains("/") ? '\\' : '/';
        return folder.endsWith(String.valueOf(separator)) ? folder + name : folder + separator + name;
    }

    private static String stripBom(String s) {
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }

    private static char guessDelimiter(String header) {
        char best = ',';
        int bestCount = 0;
        for (char d : new char[]{',', ';', '\t', '|'}) {
            int c = fieldCount(header, d);
            if (c > bestCount) {
                bestCount = c;
                best = d;
            }
        }
        return best;
    }

    static List<String> parseRow(String text, char delimiter) throws RecordRejected {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new RecordRejected("row holds " + records.size() + " CSV records instead of one");
            }
            return records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new RecordRejected("malformed CSV: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
    }

    private static List<String> parseRowQuietly(String text, char delimiter) {
        try {
            return parseRow(text, delimiter);
        } catch (RecordRejected e) {
            return List.of();
        }
    }

    /** One CSV row's text (possibly several lines joined) with where it starts. */
    private record Row(long line, long offset, String text) {
    }

    /**
     * Joins lines while a quoted field is open, within bounds. A quote that never closes (a broken export, a
     * hostile value) costs one row, not the rows after it: when the field is still open at the end of the file or
     * after {@link #MAX_ROW_LINES} lines, or when a following line looks like a whole row of its own (balanced
     * quotes, at least as many fields as the header), the first line alone is quarantined and reading resumes at
     * the line after it.
     */
    private static final class RowReader {
        private final LineSource lines;
        private final ImportTally tally;
        private final java.util.ArrayDeque<LineSource.Line> pushedBack = new java.util.ArrayDeque<>();
        private int columns;
        private char delimiter = ',';

        RowReader(LineSource lines, ImportTally tally) {
            this.lines = lines;
            this.tally = tally;
        }

        /** Once the header is known: a line with this many fields and balanced quotes is a row of its own. */
        void expect(int columns, char delimiter) {
            this.columns = columns;
            this.delimiter = delimiter;
        }

        private LineSource.Line nextLine() throws IOException {
            return pushedBack.isEmpty() ? lines.next() : pushedBack.pollFirst();
        }

        Row next() throws IOException {
            LineSource.Line line;
            while ((line = nextLine()) != null) {
                if (line.overLong()) {
                    tally.quarantine(line.number(), line.byteOffset(), "line of " + line.lengthBytes()
                            + " bytes is longer than the " + MAX_LINE_BYTES + "-byte limit", line.text());
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                if (!quotesOpen(line.text())) {
                    return new Row(line.number(), line.byteOffset(), line.text());
                }
                List<LineSource.Line> joined = new ArrayList<>();
                StringBuilder text = new StringBuilder(line.text());
                String broken = null;
                while (broken == null && quotesOpen(text)) {
                    LineSource.Line more = nextLine();
                    if (more == null) {
                        broken = "quoted field not closed before the end of the file";
                    } else if (more.overLong() || joined.size() + 2 > MAX_ROW_LINES
                            || text.length() + more.text().length() > MAX_ROW_CHARS) {
                        joined.add(more);
                        broken = "quoted field still open after " + (joined.size() + 1) + " lines";
                    } else if (looksLikeARow(more.text())) {
                        joined.add(more);
                        broken = "quoted field not closed, and the next line is a row of its own";
                    } else {
                        joined.add(more);
                        text.append('\n').append(more.text());
                    }
                }
                if (broken == null) {
                    return new Row(line.number(), line.byteOffset(), text.toString());
                }
                tally.quarantine(line.number(), line.byteOffset(), broken + " (an unbalanced quote?): this line is "
                        + "kept here and reading resumes at the next one", line.text());
                for (int i = joined.size() - 1; i >= 0; i--) {
                    pushedBack.addFirst(joined.get(i));
                }
            }
            return null;
        }

        private boolean looksLikeARow(String text) {
            return columns >= 2 && !quotesOpen(text) && fieldCount(text, delimiter) >= columns;
        }

        private static boolean quotesOpen(CharSequence s) {
            int quotes = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '"') {
                    quotes++;
                }
            }
            return quotes % 2 == 1;
        }
    }

    /**
     * Turns rows into events through one mapping and header. A row is read with the mapping's {@code columns}, a
     * file row with {@code columns} overlaid by {@code file-columns} (the acting process of the write).
     */
    private static final class RowMapper {
        private final CsvMapping mapping;
        private final int columnCount;
        private final Map<CsvField, Integer> processIndex;
        private final Map<CsvField, Integer> fileIndex;
        private Map<CsvField, Integer> index;
        private final DateTimeFormatter formatter;
        private final int sourceId;
        private final EntityPids entityPids = new EntityPids();
        /** The host of rows that name none (no host column, or an empty one). */
        private final String unnamedHost;

        RowMapper(CsvMapping mapping, List<String> header, int sourceId, String unnamedHost) {
            this.mapping = mapping;
            this.unnamedHost = unnamedHost;
            this.columnCount = header.size();
            this.sourceId = sourceId;
            this.processIndex = indexOf(mapping.columns(), header);
            this.fileIndex = indexOf(mapping.columnsForFileRows(), header);
            this.index = processIndex;
            this.formatter = mapping.formatter();
        }

        private static Map<CsvField, Integer> indexOf(Map<CsvField, String> columns, List<String> header) {
            Map<CsvField, Integer> index = new EnumMap<>(CsvField.class);
            columns.forEach((field, column) -> {
                int i = CsvMapping.indexIn(header, column);
                if (i >= 0) {
                    index.put(field, i);
                }
            });
            return index;
        }

        void accept(Row row, ImportTally tally) {
            List<String> values;
            try {
                values = parseRow(row.text, mapping.delimiter());
            } catch (RecordRejected e) {
                tally.quarantine(row.line, row.offset, e.getMessage(), row.text);
                return;
            }
            if (values.size() != columnCount) {
                tally.quarantine(row.line, row.offset, "row has " + values.size() + " fields, the header "
                        + columnCount, row.text);
                return;
            }
            index = processIndex;
            String actionValue = get(values, CsvField.ACTION);
            CsvOperation op = mapping.operationFor(actionValue);
            index = op.fileOpKind() != null ? fileIndex : processIndex;
            String type = "csv:" + (actionValue == null ? "-" : Texts.cap(actionValue, 48));
            Provenance provenance = new Provenance(sourceId, row.line, row.offset, get(values, CsvField.EVENT_ID));
            try {
                Event event = map(values, op, actionValue, tally.nextEventId(), provenance);
                tally.seenHost(event.host());
                if (event instanceof OtherRecord) {
                    tally.other(event, 1, type);
                } else {
                    tally.mapped(event, 1, type);
                }
            } catch (RecordRejected e) {
                tally.quarantine(row.line, row.offset, e.getMessage(), row.text);
            } catch (RuntimeException e) {
                tally.quarantine(row.line, row.offset, "could not be mapped (" + e + ")", row.text);
            }
        }

        private Event map(List<String> v, CsvOperation op, String actionValue, long id, Provenance provenance)
                throws RecordRejected {
            Instant time = time(get(v, CsvField.TIMESTAMP));
            String host = get(v, CsvField.HOST);
            if (host == null) {
                host = unnamedHost; // a mapping without a host column: one host's export, as an audit.log without node=
            }
            String outcome = get(v, CsvField.OUTCOME);
            boolean success = outcome == null || !List.of("failure", "failed", "fail", "denied", "false")
                    .contains(outcome.strip().toLowerCase(java.util.Locale.ROOT));
            switch (op) {
                case PROCESS_START -> {
                    Actor actor = actor(v, true);
                    entityPids.learn(get(v, CsvField.ENTITY_ID), actor.pid(), actor.ppid());
                    String commandLine = get(v, CsvField.COMMAND_LINE);
                    List<String> argv = Texts.splitCommandLine(commandLine);
                    return new ProcessExec(id, time, host, actor, argv, commandLine == null, get(v, CsvField.CWD),
                            null, get(v, CsvField.PARENT_ENTITY_ID), success, provenance);
                }
                case PROCESS_END -> {
                    String code = get(v, CsvField.EXIT_CODE);
                    return new ProcessExit(id, time, host, actor(v, true), code == null ? null : Texts.parseInt(code, 0),
                            provenance);
                }
                case OTHER -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (Map.Entry<CsvField, Integer> e : index.entrySet()) {
                        String value = Texts.blankToNull(v.get(e.getValue()));
                        if (value != null && fields.size() < 16) {
                            fields.put(e.getKey().key(), Texts.cap(value, 512));
                        }
                    }
                    Actor actor = get(v, CsvField.PID) != null ? actor(v, false) : Actor.NONE;
                    return new OtherRecord(id, time, host, actor, "csv:" + Texts.cap(String.valueOf(actionValue), 48),
                            "CSV row with action " + Texts.cap(String.valueOf(actionValue), 80), fields, provenance);
                }
                default -> {
                    FileOpKind kind = op.fileOpKind();
                    String path = inFolder(get(v, CsvField.PATH), get(v, CsvField.FILE_NAME));
                    String target = null;
                    if (kind == FileOpKind.RENAME) {
                        String original = inFolder(get(v, CsvField.ORIGINAL_PATH), get(v, CsvField.ORIGINAL_FILE_NAME));
                        if (original != null) {
                            target = path;
                            path = original;
                        } else {
                            target = get(v, CsvField.TARGET_PATH);
                        }
                    } else if (kind == FileOpKind.LINK) {
                        target = get(v, CsvField.TARGET_PATH);
                    }
                    if (path == null) {
                        throw new RecordRejected("file operation " + op.key() + " without a path");
                    }
                    String cwd = get(v, CsvField.CWD);
                    return new FileOp(id, time, host, actor(v, false), kind, Texts.resolve(path, cwd),
                            Texts.resolve(target, cwd), 0, -1, success, -1, hint(v), provenance);
                }
            }
        }

        private ContentHint hint(List<String> v) {
            Double entropy = Texts.parseDouble(get(v, CsvField.ENTROPY));
            String header = get(v, CsvField.HEADER_BYTES);
            String ext = get(v, CsvField.ORIGINAL_EXTENSION);
            return entropy == null && header == null && ext == null ? null : new ContentHint(entropy, header, ext, null);
        }

        private Actor actor(List<String> v, boolean strict) throws RecordRejected {
            String pidText = get(v, CsvField.PID);
            int pid = Texts.parseInt(pidText, -1);
            int ppid = Texts.parseInt(get(v, CsvField.PPID), -1);
            String entityId = get(v, CsvField.ENTITY_ID);
            if (pid < 0 && entityId != null) {
                // a row that names its process only by the EDR's id (Falcon's ContextProcessId, an EndOfProcess):
                // the pid of the process start that carried that id earlier in the file
                int[] known = entityPids.get(entityId);
                if (known != null) {
                    pid = known[0];
                    ppid = ppid < 0 ? known[1] : ppid;
                }
            }
            if (ppid < 0) {
                int[] parent = entityPids.get(get(v, CsvField.PARENT_ENTITY_ID));
                if (parent != null) {
                    ppid = parent[0];
                }
            }
            if (strict && pid < 0) {
                throw new RecordRejected("process event without a numeric pid (" + (pidText == null ? "empty" : "'"
                        + Texts.cap(pidText, 40) + "'") + (entityId == null ? "" : ", and no earlier process start "
                        + "with entity id '" + Texts.cap(entityId, 40) + "'") + ")");
            }
            Credentials creds = new Credentials(
                    Credentials.normalizeId(Texts.parseLong(get(v, CsvField.UID), Credentials.UNSET)),
                    Credentials.UNSET, Credentials.UNSET,
                    Credentials.normalizeId(Texts.parseLong(get(v, CsvField.LOGIN_UID), Credentials.UNSET)),
                    Credentials.UNSET, get(v, CsvField.USER), get(v, CsvField.LOGIN_USER));
            return new Actor(pid, ppid, get(v, CsvField.EXECUTABLE), get(v, CsvField.PROCESS_NAME), creds, entityId);
        }

        private Instant time(String text) throws RecordRejected {
            if (text == null) {
                throw new RecordRejected("row without a timestamp");
            }
            String t = text.strip();
            Instant parsed = null;
            switch (mapping.timestampFormat()) {
                case "epoch-seconds" -> parsed = epoch(t, false);
                case "epoch-millis" -> parsed = epoch(t, true);
                case "auto" -> parsed = Texts.parseTime(t);
                default -> {
                    try {
                        TemporalAccessor ta = formatter.parse(t);
                        parsed = ta.isSupported(ChronoField.INSTANT_SECONDS) ? Instant.from(ta)
                                : ZonedDateTime.from(ta).toInstant();
                    } catch (java.time.DateTimeException e) {
                        parsed = Texts.parseTime(t); // an ISO or epoch value in a column documented otherwise
                    }
                }
            }
            if (parsed == null) {
                throw new RecordRejected("timestamp '" + Texts.cap(t, 60) + "' does not match the mapping's format '"
                        + mapping.timestampFormat() + "'");
            }
            return parsed;
        }

        private static Instant epoch(String t, boolean millis) {
            try {
                if (t.contains(".")) {
                    double d = Double.parseDouble(t);
                    long ms = (long) (millis ? d : d * 1000);
                    return Instant.ofEpochMilli(ms);
                }
                long v = Long.parseLong(t);
                return millis ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null;
            }
        }

        /**
         * The pid (and parent pid) of process starts by their EDR entity id, for rows that give only the id; the
         * oldest are forgotten past {@link #LIMIT} so memory stays bounded on any file.
         */
        private static final class EntityPids {
            private static final int LIMIT = 200_000;
            private final Map<String, int[]> byEntity = new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
                    return size() > LIMIT;
                }
            };

            void learn(String entityId, int pid, int ppid) {
                if (entityId != null && pid >= 0) {
                    byEntity.put(entityId, new int[]{pid, ppid});
                }
            }

            int[] get(String entityId) {
                return entityId == null ? null : byEntity.get(entityId);
            }
        }

        private String get(List<String> values, CsvField field) {
            Integer i = index.get(field);
            if (i == null || i >= values.size()) {
                return null;
            }
            return Texts.blankToNull(values.get(i));
        }
    }

}
