package io.ransomtrace.engine.signal;

import java.util.List;
import java.util.Locale;

/**
 * Finds the first of a few keywords inside a range of a string, case-insensitively, without allocating.
 * Only positions whose character starts some keyword are compared, so a miss costs about one check per
 * character (file names are scanned on every creation).
 */
final class KeywordMatcher {
    private final String[] words;
    private final boolean[] firstChars = new boolean[128];
    private final boolean anyNonAscii;

    KeywordMatcher(List<String> keywords) {
        words = keywords.stream().filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        boolean nonAscii = false;
        for (String w : words) {
            char c = w.charAt(0);
            if (c < 128) {
                firstChars[c] = true;
            } else {
                nonAscii = true;
            }
        }
        anyNonAscii = nonAscii;
    }

    /** The first keyword found in s[from, to), or null. */
    String find(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c < 128 ? !firstChars[c] : !anyNonAscii) {
                continue;
            }
            for (String w : words) {
                int len = w.length();
                if (i + len <= to && Character.toLowerCase(w.charAt(0)) == c && s.regionMatches(true, i, w, 0, len)) {
                    return w;
                }
            }
        }
        return null;
    }
}
