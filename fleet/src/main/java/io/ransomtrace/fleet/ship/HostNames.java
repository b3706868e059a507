package io.ransomtrace.fleet.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which host a shipped line belongs to (the Kafka key): the name the line itself gives (auditd's {@code node=},
 * ECS {@code host.name}), else a name from the file it came from.
 */
public final class HostNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostNames() {
    }

    /**
     * A host named after its log file: without {@code .gz}, a rotation number and {@code .log}
     * ({@code fs01.log.2.gz} → {@code fs01}).
     */
    public static String fromFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.substring(dot + 1).chars().allMatch(Character::isDigit) && dot < name.length() - 1) {
            name = name.substring(0, dot);
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".log")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.isEmpty() ? file.getFileName().toString() : name;
    }

    /** The host a line names: {@code node=} of an audit record (also behind a syslog header), or ECS {@code host.name}. */
    public static String fromLine(byte[] line) {
        int start = 0;
        while (start < line.length && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        if (start < line.length && line[start] == '{') {
            return ecsHost(line);
        }
        int node = indexOf(line, "node=", start);
        int type = indexOf(line, "type=", start);
        if (node < 0 || (type >= 0 && node > type) || (node > 0 && line[node - 1] != ' ')) {
            return null;
        }
        int end = node + 5;
        while (end < line.length && line[end] != ' ') {
            end++;
        }
        return end > node + 5 ? new String(line, node + 5, end - node - 5, StandardCharsets.UTF_8) : null;
    }

    private static String ecsHost(byte[] line) {
        try {
            JsonNode doc = JSON.readTree(line);
            JsonNode source = doc.path("_source");
            JsonNode d = source.isObject() ? source : doc;
            JsonNode name = d.path("host").path("name");
            if (name.isMissingNode()) {
                name = d.path("host.name");
            }
            if (name.isMissingNode()) {
                name = d.path("host").path("hostname");
            }
            return name.isTextual() && !name.asText().isBlank() ? name.asText() : null;
        } catch (java.io.IOException e) {
            return null; // not JSON: the job quarantines the line; its host comes from the file
        }
    }

    private static int indexOf(byte[] hay, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= hay.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (hay[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
