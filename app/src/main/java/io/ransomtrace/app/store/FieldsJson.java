package io.ransomtrace.app.store;

import java.util.Arrays;
import java.util.Map;

/**
 * The fields of an other record as a JSON object with sorted keys, read back with Jackson by
 * {@link EventRowReader}. Written by hand because a busy log has hundreds of thousands of such records and a
 * sorted copy plus a general serializer per record was a visible part of the import.
 */
final class FieldsJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FieldsJson() {
    }

    static String write(Map<String, String> fields) {
        return write(fields, Integer.MAX_VALUE);
    }

    /**
     * As {@link #write(Map)}, each key and value cut to {@code maxChars} and the fields after the total passes
     * about {@code maxChars} left out (an {@code "…"} key says how many), so the JSON stays valid and bounded.
     */
    static String write(Map<String, String> fields, int maxChars) {
        String[] keys = fields.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        StringBuilder out = new StringBuilder(16 + keys.length * 24);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (out.length() > maxChars) {
                string(out, "…");
                out.append(':');
                string(out, (keys.length - i) + " more fields not kept");
                break;
            }
            string(out, StoredText.cap(keys[i], maxChars));
            out.append(':');
            String v = fields.get(keys[i]);
            if (v == null) {
                out.append("null");
            } else {
                string(out, StoredText.cap(v, maxChars));
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // control characters, and lone surrogates which would not survive UTF-8 in the case file
                    if (ch < 0x20 || Character.isSurrogate(ch) && !pairedSurrogate(s, i)) {
                        out.append("\\u").append(HEX[ch >> 12 & 0xf]).append(HEX[ch >> 8 & 0xf])
                                .append(HEX[ch >> 4 & 0xf]).append(HEX[ch & 0xf]);
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
