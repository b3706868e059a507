package io.ransomtrace.importers.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the columns of one CSV export become events: which column holds which {@link CsvField}, how its
 * timestamps are written, and which values of the action column mean which {@link CsvOperation}.
 *
 * <p>YAML form (see the built-ins under {@code /io/ransomtrace/importers/csv/mappings/}):
 * <pre>
 * name: splunk-sysmon-linux
 * description: Splunk search export of Sysmon for Linux events
 * delimiter: ","
 * timestamp:
 *   format: auto            # auto | epoch-seconds | epoch-millis | a java.time pattern
 *   zone: UTC               # zone of timestamps that carry none
 * columns:
 *   timestamp: _time
 *   action: EventID
 *   pid: ProcessId
 * actions:
 *   "1": process-start
 *   "11": file-create
 * unmatched-action: other   # what an action value not listed means
 * file-columns:             # optional: columns that replace those of 'columns' on file rows
 *   pid: InitiatingProcessId
 * </pre>
 *
 * <p>{@code file-columns} is for exports whose rows name two processes: a process-start row describes the new
 * process (Defender {@code ProcessId}, SentinelOne {@code TgtProcPid}) while a file row's actor is the process
 * that did the write (Defender {@code InitiatingProcessId}, SentinelOne {@code SrcProcPid}). Fields not listed
 * there keep their {@code columns} column on file rows.
 *
 * @param name            short name shown in the import dialog
 * @param description     one sentence on where such files come from
 * @param delimiter       field separator
 * @param timestampFormat {@code auto}, {@code epoch-seconds}, {@code epoch-millis} or a DateTimeFormatter pattern
 * @param zone            zone for timestamps without an offset
 * @param columns         field to column name
 * @param actions         action column value to operation (matched exactly, then ignoring case)
 * @param unmatchedAction the operation for action values not in {@code actions}
 * @param fileColumns     field to column name on file rows, overriding {@code columns} (empty for most exports)
 */
public record CsvMapping(String name, String description, char delimiter, String timestampFormat, ZoneId zone,
                         Map<CsvField, String> columns, Map<String, CsvOperation> actions,
                         CsvOperation unmatchedAction, Map<CsvField, String> fileColumns) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final int MAX_YAML_BYTES = 256 * 1024;

    /** A mapping whose file rows use the same columns as its process rows. */
    public CsvMapping(String name, String description, char delimiter, String timestampFormat, ZoneId zone,
                      Map<CsvField, String> columns, Map<String, CsvOperation> actions, CsvOperation unmatchedAction) {
        this(name, description, delimiter, timestampFormat, zone, columns, actions, unmatchedAction, Map.of());
    }

    public CsvMapping {
        columns = Collections.unmodifiableMap(new EnumMap<>(columns.isEmpty() ? new EnumMap<>(CsvField.class) : columns));
        fileColumns = fileColumns == null || fileColumns.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(fileColumns));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        if (unmatchedAction == null) {
            unmatchedAction = CsvOperation.OTHER;
        }
        if (zone == null) {
            zone = ZoneId.of("UTC");
        }
        if (timestampFormat == null || timestampFormat.isBlank()) {
            timestampFormat = "auto";
        }
    }

    public String column(CsvField field) {
        return columns.get(field);
    }

    /** The columns a file row is read with: {@code columns} with {@code file-columns} laid over them. */
    public Map<CsvField, String> columnsForFileRows() {
        if (fileColumns.isEmpty()) {
            return columns;
        }
        Map<CsvField, String> c = new EnumMap<>(CsvField.class);
        c.putAll(columns);
        c.putAll(fileColumns);
        return Collections.unmodifiableMap(c);
    }

    /** The operation an action value means: exact match, then ignoring case, then {@link #unmatchedAction()}. */
    public CsvOperation operationFor(String actionValue) {
        if (actionValue == null) {
            return unmatchedAction;
        }
        String v = actionValue.strip();
        CsvOperation op = actions.get(v);
        if (op != null) {
            return op;
        }
        for (Map.Entry<String, CsvOperation> e : actions.entrySet()) {
            if (e.getKey().equalsIgnoreCase(v)) {
                return e.getValue();
            }
        }
        return unmatchedAction;
    }

    /** A copy mapping {@code field} to {@code column} (null removes the field): how the import dialog edits. */
    public CsvMapping withColumn(CsvField field, String column) {
        Map<CsvField, String> c = new EnumMap<>(CsvField.class);
        c.putAll(columns);
        if (column == null || column.isBlank()) {
            c.remove(field);
        } else {
            c.put(field, column);
        }
        return new CsvMapping(name, description, delimiter, timestampFormat, zone, c, actions, unmatchedAction,
                fileColumns);
    }

    /** A copy where the action value {@code value} means {@code operation} (null removes the value). */
    public CsvMapping withAction(String value, CsvOperation operation) {
        Map<String, CsvOperation> a = new LinkedHashMap<>(actions);
        if (operation == null) {
            a.remove(value);
        } else {
            a.put(value, operation);
        }
        return new CsvMapping(name, description, delimiter, timestampFormat, zone, columns, a, unmatchedAction,
                fileColumns);
    }

    /** A copy with another name, delimiter and timestamp format/zone. */
    public CsvMapping withSettings(String newName, char newDelimiter, String newTimestampFormat, ZoneId newZone) {
        return new CsvMapping(newName, description, newDelimiter, newTimestampFormat, newZone, columns, actions,
                unmatchedAction, fileColumns);
    }

    /** The formatter for a pattern timestamp format, or null for auto and epoch formats. */
    DateTimeFormatter formatter() {
        return switch (timestampFormat) {
            case "auto", "epoch-seconds", "epoch-millis" -> null;
            default -> DateTimeFormatter.ofPattern(timestampFormat, Locale.ROOT).withZone(zone);
        };
    }

    /**
     * Checks this mapping against a CSV header. Column names match exactly, else ignoring case and surrounding
     * space. Errors: timestamp or action not mapped or missing from the header, neither pid nor path present,
     * no action values, a bad timestamp pattern. Missing optional columns are warnings.
     */
    public CsvMappingCheck check(List<String> header) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (CsvField required : List.of(CsvField.TIMESTAMP, CsvField.ACTION)) {
            if (!columns.containsKey(required)) {
                errors.add("the mapping gives no column for " + required.key() + " (" + required.meaning() + ")");
            }
        }
        for (Map.Entry<CsvField, String> e : columns.entrySet()) {
            if (indexIn(header, e.getValue()) < 0) {
                String msg = "column '" + e.getValue() + "' (for " + e.getKey().key() + ") is not in the header"
                        + suggestion(header, e.getValue());
                if (e.getKey() == CsvField.TIMESTAMP || e.getKey() == CsvField.ACTION) {
                    errors.add(msg);
                } else {
                    warnings.add(msg);
                }
            }
        }
        for (Map.Entry<CsvField, String> e : fileColumns.entrySet()) {
            if (indexIn(header, e.getValue()) < 0) {
                warnings.add("column '" + e.getValue() + "' (for " + e.getKey().key() + " on file rows) is not in the "
                        + "header" + suggestion(header, e.getValue()));
            }
        }
        boolean hasPid = columns.containsKey(CsvField.PID) && indexIn(header, columns.get(CsvField.PID)) >= 0;
        boolean hasPath = columns.containsKey(CsvField.PATH) && indexIn(header, columns.get(CsvField.PATH)) >= 0
                || fileColumns.containsKey(CsvField.PATH) && indexIn(header, fileColumns.get(CsvField.PATH)) >= 0;
        if (!hasPid && !hasPath) {
            errors.add("neither a pid nor a path column of the mapping is in the header, so no event could be built");
        }
        if (actions.isEmpty() && unmatchedAction == CsvOperation.OTHER) {
            errors.add("the mapping lists no action values, so every row would be kept as 'other'");
        }
        try {
            formatter();
        } catch (IllegalArgumentException e) {
            errors.add("timestamp format '" + timestampFormat + "' is not a valid pattern: " + e.getMessage());
        }
        if (header.size() < 2) {
            errors.add("the header has " + header.size() + " column(s); is the delimiter '" + printable(delimiter)
                    + "' right?");
        }
        return new CsvMappingCheck(this, errors, warnings);
    }

    /** Index of a column in the header: exact, else ignoring case and surrounding space; -1 when absent. */
    public static int indexIn(List<String> header, String column) {
        if (column == null) {
            return -1;
        }
        int i = header.indexOf(column);
        if (i >= 0) {
            return i;
        }
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).strip().equalsIgnoreCase(column.strip())) {
                return j;
            }
        }
        return -1;
    }

    private static String suggestion(List<String> header, String wanted) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String h : header) {
            int d = distance(h.toLowerCase(Locale.ROOT), wanted.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = h;
            }
        }
        if (best != null && bestDistance <= Math.max(2, wanted.length() / 3)) {
            return "; did you mean '" + best + "'?";
        }
        return "";
    }

    private static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    // ---- YAML ----

    public static CsvMapping load(Path file) throws IOException, CsvMappingException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    public static CsvMapping load(InputStream in) throws IOException, CsvMappingException {
        byte[] bytes = in.readNBytes(MAX_YAML_BYTES + 1);
        if (bytes.length > MAX_YAML_BYTES) {
            throw new CsvMappingException(List.of("mapping file is larger than " + MAX_YAML_BYTES + " bytes"));
        }
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (IOException e) {
            throw new CsvMappingException(List.of("not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        return fromTree(root);
    }

    public static CsvMapping load(Reader reader) throws IOException, CsvMappingException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) > 0) {
            sb.append(buf, 0, n);
            if (sb.length() > MAX_YAML_BYTES) {
                throw new CsvMappingException(List.of("mapping file is larger than " + MAX_YAML_BYTES + " characters"));
            }
        }
        return load(new java.io.ByteArrayInputStream(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static CsvMapping fromTree(JsonNode root) throws CsvMappingException {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new CsvMappingException(List.of("a mapping must be a YAML map with name, columns and actions"));
        }
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!List.of("name", "description", "delimiter", "timestamp", "columns", "actions", "unmatched-action",
                    "file-columns").contains(k)) {
                problems.add("unknown key '" + k + "' (known: name, description, delimiter, timestamp, columns, "
                        + "actions, unmatched-action, file-columns)");
            }
        }
        String name = text(root.get("name"));
        if (name == null) {
            problems.add("the mapping has no name");
        }
        String description = text(root.get("description"));
        char delimiter = ',';
        String d = root.has("delimiter") ? root.get("delimiter").asText() : ",";
        if (d.equals("\\t") || d.equalsIgnoreCase("tab")) {
            d = "\t";
        }
        if (d.length() != 1) {
            problems.add("delimiter must be one character (or 'tab'), not '" + d + "'");
        } else {
            delimiter = d.charAt(0);
        }
        String format = "auto";
        ZoneId zone = ZoneId.of("UTC");
        JsonNode ts = root.get("timestamp");
        if (ts != null && ts.isObject()) {
            if (ts.has("format")) {
                format = ts.get("format").asText();
            }
            if (ts.has("zone")) {
                try {
                    zone = ZoneId.of(ts.get("zone").asText());
                } catch (DateTimeException e) {
                    problems.add("timestamp zone '" + ts.get("zone").asText() + "' is not a known time zone");
                }
            }
        } else if (ts != null && ts.isValueNode()) {
            format = ts.asText();
        }
        Map<CsvField, String> columns = new EnumMap<>(CsvField.class);
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isObject()) {
            problems.add("the mapping has no 'columns' map (field: column name)");
        } else {
            readColumns(cols, "columns", columns, problems);
        }
        Map<CsvField, String> fileColumns = new EnumMap<>(CsvField.class);
        JsonNode fileCols = root.get("file-columns");
        if (fileCols != null && fileCols.isObject()) {
            readColumns(fileCols, "file-columns", fileColumns, problems);
        } else if (fileCols != null && !fileCols.isNull()) {
            problems.add("'file-columns' must be a map (field: column name)");
        }
        Map<String, CsvOperation> actions = new LinkedHashMap<>();
        JsonNode acts = root.get("actions");
        if (acts != null && acts.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = acts.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                CsvOperation op = CsvOperation.ofKey(e.getValue().asText());
                if (op == null) {
                    problems.add("action value '" + e.getKey() + "' maps to unknown operation '" + e.getValue().asText()
                            + "' (known: " + knownOperations() + ")");
                } else {
                    actions.put(e.getKey(), op);
                }
            }
        } else if (acts != null) {
            problems.add("'actions' must be a map (action value: operation)");
        }
        CsvOperation unmatched = CsvOperation.OTHER;
        if (root.has("unmatched-action")) {
            unmatched = CsvOperation.ofKey(root.get("unmatched-action").asText());
            if (unmatched == null) {
                problems.add("unmatched-action '" + root.get("unmatched-action").asText() + "' is not an operation");
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvMappingException(problems);
        }
        CsvMapping mapping = new CsvMapping(name, description, delimiter, format, zone, columns, actions, unmatched,
                fileColumns);
        try {
            mapping.formatter();
        } catch (IllegalArgumentException e) {
            throw new CsvMappingException(List.of("timestamp format '" + format + "' is not a valid pattern: "
                    + e.getMessage()));
        }
        return mapping;
    }

    private static void readColumns(JsonNode cols, String section, Map<CsvField, String> into, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> it = cols.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            CsvField f = CsvField.ofKey(e.getKey());
            String column = text(e.getValue());
            if (f == null) {
                problems.add("unknown field '" + e.getKey() + "' in " + section + " (known: " + knownFields() + ")");
            } else if (column == null) {
                problems.add("field '" + e.getKey() + "' in " + section + " is mapped to no column");
            } else {
                into.put(f, column);
            }
        }
    }

    /** Writes this mapping as YAML that {@link #load} reads back to an equal mapping. */
    public void save(Writer writer) throws IOException {
        YAML.writeValue(writer, toTree());
    }

    public void save(OutputStream out) throws IOException {
        YAML.writeValue(out, toTree());
    }

    public String toYaml() {
        StringWriter w = new StringWriter();
        try {
            save(w);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private ObjectNode toTree() {
        ObjectNode root = YAML.createObjectNode();
        root.put("name", name);
        if (description != null) {
            root.put("description", description);
        }
        root.put("delimiter", delimiter == '\t' ? "tab" : String.valueOf(delimiter));
        ObjectNode ts = root.putObject("timestamp");
        ts.put("format", timestampFormat);
        ts.put("zone", zone.getId());
        ObjectNode cols = root.putObject("columns");
        columns.forEach((f, c) -> cols.put(f.key(), c));
        ObjectNode acts = root.putObject("actions");
        actions.forEach((v, op) -> acts.put(v, op.key()));
        root.put("unmatched-action", unmatchedAction.key());
        if (!fileColumns.isEmpty()) {
            ObjectNode fileCols = root.putObject("file-columns");
            fileColumns.forEach((f, c) -> fileCols.put(f.key(), c));
        }
        return root;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() || n.asText().isBlank() ? null : n.asText();
    }

    private static String knownFields() {
        List<String> k = new ArrayList<>();
        for (CsvField f : CsvField.values()) {
            k.add(f.key());
        }
        return String.join(", ", k);
    }

    private static String knownOperations() {
        List<String> k = new ArrayList<>();
        for (CsvOperation o : CsvOperation.values()) {
            k.add(o.key());
        }
        return String.join(", ", k);
    }
}
