package io.ransomtrace.importers.auditd;

import com.fasterxml.jackson.databind.JsonNode;
import io.ransomtrace.engine.model.Event;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bridges laurel's JSON events to the auditd mapping: each laurel event is rewritten as the audit records it
 * was assembled from (SYSCALL, EXECVE, CWD, PATH…, PROCTITLE), with string values hex-encoded exactly as the
 * kernel would, so a laurel event maps to the same model event as the raw records it came from.
 */
public final class LaurelEventAdapter {
    private final AuditLineParser parser = new AuditLineParser(ZoneOffset.UTC);
    private final EventMapper mapper;
    private String error;

    public LaurelEventAdapter(int sourceId) {
        this.mapper = new EventMapper(sourceId, "unknown");
    }

    /** Why the last {@link #records} call returned null. */
    public String error() {
        return error;
    }

    /** The audit record types a laurel event carries, primary (SYSCALL when present) first. */
    public static List<String> recordTypes(JsonNode event) {
        List<String> types = new ArrayList<>();
        for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (isRecordKey(k)) types.add(k);
        }
        if (types.remove("SYSCALL")) types.add(0, "SYSCALL");
        return types;
    }

    /** Maps one laurel event; null (see {@link #error()}) when it has no usable ID or no records. */
    public Event map(JsonNode event, long eventId, long line, long offset) {
        List<AuditRecord> records = records(event, line, offset);
        return records == null ? null : mapper.map(records, eventId);
    }

    /** The primary record's host, or null. */
    public static String node(JsonNode event) {
        JsonNode n = event.get("NODE");
        return n != null && n.isTextual() ? n.asText() : null;
    }

    List<AuditRecord> records(JsonNode event, long line, long offset) {
        error = null;
        JsonNode idNode = event.get("ID");
        if (idNode == null || !idNode.isTextual()) {
            error = "laurel event without an ID";
            return null;
        }
        String node = node(event);
        String head = (node != null && isToken(node) ? "node=" + node + " " : "") + "msg=audit(" + idNode.asText() + "): ";
        List<AuditRecord> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : event.properties()) {
            String type = e.getKey();
            if (!isRecordKey(type)) continue;
            JsonNode v = e.getValue();
            switch (type) {
                case "SYSCALL" -> add(out, type, head, syscallBody(v), line, offset);
                case "EXECVE" -> add(out, type, head, execveBody(v), line, offset);
                case "PROCTITLE" -> add(out, type, head, proctitleBody(v), line, offset);
                default -> {
                    if (v.isArray()) {
                        for (JsonNode item : v) add(out, type, head, genericBody(item), line, offset);
                    } else {
                        add(out, type, head, genericBody(v), line, offset);
                    }
                }
            }
            if (error != null) return null;
        }
        if (out.isEmpty()) {
            error = "laurel event " + idNode.asText() + " has no audit records";
            return null;
        }
        return out;
    }

    private void add(List<AuditRecord> out, String type, String head, String body, long line, long offset) {
        String text = head.startsWith("node=")
                ? head.substring(0, head.indexOf(' ') + 1) + "type=" + type + " " + head.substring(head.indexOf(' ') + 1) + body
                : "type=" + type + " " + head + body;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        AuditRecord r = parser.parse(b, 0, b.length, line, offset);
        if (r == null) {
            error = "laurel event with an unreadable ID: " + parser.error();
            return;
        }
        out.add(r);
    }

    private static boolean isRecordKey(String k) {
        if (k.equals("ID") || k.equals("NODE") || k.equals("PARENT_INFO") || k.isEmpty()) return false;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_' && !(c >= '0' && c <= '9')) return false;
        }
        return true;
    }

    private static String syscallBody(JsonNode v) {
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String k = e.getKey();
            JsonNode val = e.getValue();
            if (k.equals("ARGV") && val.isArray()) {
                for (int i = 0; i < val.size(); i++) {
                    sb.append(" a").append(i).append('=').append(stripPrefix(val.get(i).asText(), "0x"));
                }
            } else if (k.equals("arch")) {
                sb.append(" arch=").append(stripPrefix(val.asText(), "0x"));
            } else {
                appendField(sb, k, val);
            }
        }
        return sb.toString();
    }

    private static String execveBody(JsonNode v) {
        StringBuilder sb = new StringBuilder(128);
        JsonNode argc = v.get("argc");
        if (argc != null) sb.append("argc=").append(argc.asLong());
        JsonNode argv = v.get("ARGV");
        if (argv != null && argv.isArray()) {
            for (int i = 0; i < argv.size(); i++) {
                sb.append(" a").append(i).append('=').append(hex(argv.get(i).asText()));
            }
        }
        return sb.toString();
    }

    private static String proctitleBody(JsonNode v) {
        JsonNode argv = v.get("ARGV");
        if (argv == null || !argv.isArray()) {
            JsonNode p = v.get("proctitle");
            return p == null ? "" : "proctitle=" + hex(p.asText());
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) joined.append('\0');
            joined.append(argv.get(i).asText());
        }
        return "proctitle=" + hex(joined.toString());
    }

    private static String genericBody(JsonNode v) {
        StringBuilder sb = new StringBuilder(128);
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                appendField(sb, e.getKey(), e.getValue());
            }
        }
        return sb.toString();
    }

    /** Fields the kernel may hex-encode are written hex-encoded; other strings quoted (or hex when they hold quotes). */
    private static void appendField(StringBuilder sb, String k, JsonNode val) {
        if (!isToken(k)) return;
        sb.append(' ').append(k).append('=');
        if (val == null || val.isNull()) {
            sb.append("(null)");
        } else if (val.isNumber() || val.isBoolean()) {
            sb.append(val.asText());
        } else if (val.isTextual()) {
            String s = val.asText();
            if (k.equals("mode") && s.startsWith("0o")) {
                sb.append('0').append(s.substring(2));
            } else if (k.equals("name") || k.equals("exe") || k.equals("cwd") || k.equals("comm") || k.equals("key")
                    || s.indexOf('"') >= 0 || s.indexOf('\'') >= 0) {
                sb.append(hex(s));
            } else if (isToken(s) && !s.isEmpty()) {
                sb.append(s);
            } else {
                sb.append('"').append(s).append('"');
            }
        } else {
            sb.append('"').append(val.toString().replace('"', '\'')).append('"');
        }
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c == '\'' || c == '=' || c == 0x1d || c == 0x7f) return false;
        }
        return true;
    }

    private static String stripPrefix(String s, String p) {
        return s.startsWith(p) ? s.substring(p.length()) : s;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String hex(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) return "\"\"";
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }
}
