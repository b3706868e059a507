package io.ransomtrace.views.common;

import java.util.Locale;

/** Counts in words: "1 finding", "2 findings", "1 directory", "12 directories". */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun, singular for exactly one; thousands grouped ("1,810 findings"). */
    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural(noun));
    }

    /** The plural of a regular English noun: "file" → "files", "directory" → "directories", "process" → "processes". */
    public static String plural(String noun) {
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        return noun + "s";
    }
}
