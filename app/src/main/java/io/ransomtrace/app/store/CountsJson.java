package io.ransomtrace.app.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a source's record-type counts, the flat JSON object {@code {"SYSCALL":5359130,"PATH":...}} the import
 * writes: every source is listed whenever a case is opened, and starting a general JSON library for these few
 * pairs cost more than the rest of opening a case. Anything else than such an object reads as no counts.
 */
final class CountsJson {
    private CountsJson() {
    }

    static Map<String, Long> read(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        int[] pos = {skipSpace(json, 0)};
        if (!take(json, pos, '{')) {
            return Map.of();
        }
        if (take(json, pos, '}')) {
            return out;
        }
        do {
            String key = string(json, pos);
            if (key == null || !take(json, pos, ':')) {
                return Map.of();
            }
            int start = pos[0];
            int digits = start < json.length() && json.charAt(start) == '-' ? start + 1 : start;
            int i = digits;
            while (i < json.length() && json.charAt(i) >= '0' && json.charAt(i) <= '9') {
                i++;
            }
            if (i == digits || i - digits > 19) {
                return Map.of();
            }
            try {
                out.put(key, Long.parseLong(json, start, i, 10));
            } catch (NumberFormatException e) {
                return Map.of();
            }
            pos[0] = skipSpace(json, i);
        } while (take(json, pos, ','));
        return take(json, pos, '}') && pos[0] == json.length() ? out : Map.of();
    }

    private static String string(String s, int[] pos) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != '"') {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = pos[0] + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                pos[0] = skipSpace(s, i + 1);
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char e = s.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        return null;
                    }
                    try {
                        sb.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                    } catch (NumberFormatException x) {
                        return null;
                    }
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean take(String s, int[] pos, char c) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == c) {
            pos[0] = skipSpace(s, pos[0] + 1);
            return true;
        }
        return false;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
