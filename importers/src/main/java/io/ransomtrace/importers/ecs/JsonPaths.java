package io.ransomtrace.importers.ecs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads ECS fields by their dotted name from a document whatever its nesting: Elasticsearch {@code _source}
 * documents nest ({@code {"process":{"pid":1}}}), Kibana and some exporters flatten ({@code {"process.pid":1}}),
 * and many mix both ({@code {"process":{"parent.pid":1}}}). Every split of the dotted name is tried.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The node at a dotted path, or null. */
    public static JsonNode node(JsonNode root, String path) {
        if (root == null || !root.isObject()) {
            return null;
        }
        return find(root, path.split("\\."), 0);
    }

    private static JsonNode find(JsonNode current, String[] parts, int from) {
        if (from == parts.length) {
            return current;
        }
        if (!current.isObject()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = from; i < parts.length; i++) {
            if (i > from) {
                key.append('.');
            }
            key.append(parts[i]);
            JsonNode child = current.get(key.toString());
            if (child != null && !child.isNull()) {
                JsonNode found = find(child, parts, i + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A scalar as text (the first element of an array), or null when absent, null or an object. */
    public static String text(JsonNode root, String path) {
        JsonNode n = node(root, path);
        if (n == null) {
            return null;
        }
        if (n.isArray()) {
            n = n.size() > 0 ? n.get(0) : null;
        }
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    /** The first present of several paths. */
    public static String firstText(JsonNode root, String... paths) {
        for (String p : paths) {
            String t = text(root, p);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** All scalars at a path (an array's elements or the single value), lowercased for keyword comparison. */
    public static List<String> keywords(JsonNode root, String path) {
        List<String> out = new ArrayList<>();
        JsonNode n = node(root, path);
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText().toLowerCase(java.util.Locale.ROOT));
                }
            }
        } else if (n.isValueNode()) {
            out.add(n.asText().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** The string elements of an array (or a single string as a one-element list), or null when absent. */
    public static List<String> strings(JsonNode root, String path) {
        JsonNode n = node(root, path);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        } else if (n.isValueNode()) {
            out.add(n.asText());
        }
        return out;
    }
}
