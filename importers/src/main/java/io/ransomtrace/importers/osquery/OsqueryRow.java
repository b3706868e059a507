package io.ransomtrace.importers.osquery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One result row of an osquery results log with the envelope it came in.
 *
 * @param query      the scheduled query's name ({@code name}), e.g. {@code process_events}
 * @param host       {@code hostIdentifier}
 * @param unixTime   the envelope's {@code unixTime} (when the query ran), or -1
 * @param action     {@code added}, {@code removed} or {@code snapshot}
 * @param columns    the row's columns (strings unless the log was written with numerics)
 * @param nativeId   an identifier built from the envelope: {@code <name>:<counter or unixTime>[#row]}
 * @param line       line of the result line in the log
 * @param byteOffset byte offset of that line
 */
public record OsqueryRow(String query, String host, long unixTime, String action, JsonNode columns, String nativeId,
                         long line, long byteOffset) {

    public String column(String name) {
        JsonNode n = columns.get(name);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    /** The table the query reads, guessed from its name (pack queries are named {@code pack_<pack>_<query>}). */
    public String table() {
        String q = query == null ? "" : query;
        // the longer name first: "process_file_events" ends with "_file_events"
        for (String t : new String[]{"process_file_events", "bpf_process_events", "process_events", "file_events"}) {
            if (q.equals(t) || q.endsWith("_" + t) || q.endsWith("/" + t)) {
                return t;
            }
        }
        if (columns.has("operation") && columns.has("executable") && columns.has("path")) {
            return "process_file_events";
        }
        if (columns.has("target_path") && columns.has("action") && columns.has("transaction_id")) {
            return "file_events";
        }
        if (columns.has("cmdline") && columns.has("parent") && columns.has("path")) {
            return columns.has("ntime") || columns.has("json_cmdline") ? "bpf_process_events" : "process_events";
        }
        return q;
    }
}
