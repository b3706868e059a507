package io.ransomtrace.engine.text;

import java.util.Locale;

/**
 * The one place where strings from logs and cases (file names, command lines, user names, analyst notes: all of it
 * attacker-controlled or at least untrusted) are made safe to show: the command line's output, the window and every
 * export go through here, so a terminal escape or a bidi override in a file name is shown, never obeyed.
 *
 * <ul>
 *   <li>bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) are shown as
 *       {@code [U+202E]}, so a name such as {@code invoice\u202Efdp.exe} cannot pass for a PDF;</li>
 *   <li>other control characters (C0, DEL, C1), zero-width and invisible formatting characters (U+200B–U+200D,
 *       U+2060–U+2064, soft hyphen, BOM) and unpaired surrogates are shown the same way;</li>
 *   <li>strings longer than {@link #MAX_SHOWN} characters are cut with an ellipsis and their full length;</li>
 *   <li>{@link #html} additionally escapes {@code & < > " '} for both text and attribute positions.</li>
 * </ul>
 * The visible markers are plain ASCII so that every PDF font can draw them.
 */
public final class Inert {

    /** Longest string shown whole; a 10 kB command line is cut after this many characters. */
    public static final int MAX_SHOWN = 240;

    private Inert() {
    }

    /** The string made visible and capped, without markup escaping (for chart labels and plain text). */
    public static String plain(String s) {
        return plain(s, MAX_SHOWN);
    }

    public static String plain(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max && !hasHidden(s)) {
            return s; // the common case: nothing to show differently, no copy
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 16);
        int shown = 0;
        int i = 0;
        while (i < s.length() && shown < max) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (isHidden(cp) || (len == 1 && Character.isSurrogate((char) cp))) {
                out.append(marker(cp));
            } else {
                out.appendCodePoint(cp);
            }
            shown++;
            i += len;
        }
        if (i < s.length()) {
            out.append(String.format(Locale.ROOT, "… [%,d characters in all]", s.codePointCount(0, s.length())));
        }
        return out.toString();
    }

    /**
     * The string made visible but not cut: for exports that must keep the whole value (a CSV restore list) and
     * for the command line, which cuts where its layout needs to.
     */
    public static String visible(String s) {
        return s == null ? null : plain(s, Integer.MAX_VALUE);
    }

    /** True when the string holds a character that {@link #plain} would show as a marker. */
    public static boolean hasHidden(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isHidden(c) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The string made visible, capped and escaped for XHTML text and attribute values. */
    public static String html(String s) {
        return html(s, MAX_SHOWN);
    }

    public static String html(String s, int max) {
        return escape(plain(s, max));
    }

    /** Escapes markup characters of a string that is already safe to show (our own template text). */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** True for characters that change how text around them is displayed without showing themselves. */
    public static boolean isHidden(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
                || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200e || cp == 0x200f || cp == 0x061c
                // zero-width and invisible formatting characters: a name can hide a difference in them
                || (cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x180e || cp == 0x00ad
                || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
    }

    private static String marker(int cp) {
        return String.format(Locale.ROOT, "[U+%04X]", cp);
    }
}
