package io.ransomtrace.importers.edr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Small parsing helpers shared by the EDR importers: lenient numbers, timestamps, command lines. */
public final class Texts {

    private static final DateTimeFormatter SPACE_SEPARATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

    private Texts() {
    }

    /** A long from text, or {@code fallback} when absent or not a number. */
    public static long parseLong(String s, long fallback) {
        if (s == null) {
            return fallback;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static int parseInt(String s, int fallback) {
        long v = parseLong(s, Long.MIN_VALUE);
        if (v == Long.MIN_VALUE || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            return fallback;
        }
        return (int) v;
    }

    public static Double parseDouble(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Parses the timestamp spellings EDR exports use: ISO-8601 instants and offsets
     * ({@code 2022-10-24T17:06:14.193Z}), ISO or space-separated local times taken as UTC
     * ({@code 2022-10-24 17:06:14.200}, Sysmon's UtcTime), and epoch numbers (seconds, milliseconds,
     * microseconds or nanoseconds, told apart by magnitude). Null when none fits.
     */
    public static Instant parseTime(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        char first = t.charAt(0);
        if (Character.isDigit(first) && t.length() <= 20 && t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return parseEpoch(t);
        }
        Instant fast = parseIsoLike(t);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the next spelling
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next spelling
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next spelling
        }
        try {
            return LocalDateTime.parse(t, SPACE_SEPARATED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /**
     * The common spellings {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction][Z|±hh:mm|±hhmm]} parsed by hand: exporters write
     * millions of them and the java.time fallbacks would cost an exception per miss. Null when the text has
     * another shape (the caller then tries java.time).
     */
    static Instant parseIsoLike(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
            i++;
            int digitsSeen = 0;
            while (i < n && Character.isDigit(t.charAt(i))) {
                if (digitsSeen < 9) {
                    nanos = nanos * 10 + (t.charAt(i) - '0');
                }
                digitsSeen++;
                i++;
            }
            if (digitsSeen == 0) {
                return null;
            }
            for (int d = Math.min(digitsSeen, 9); d < 9; d++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = t.charAt(i);
            if (c == 'Z' && i == n - 1) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && (n - i == 6 && t.charAt(i + 3) == ':' || n - i == 5 || n - i == 3)) {
                int oh = digits(t, i + 1, 2);
                int om = n - i == 3 ? 0 : digits(t, n - 2, 2);
                if (oh < 0 || om < 0) {
                    return null;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, (int) nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Epoch seconds (optionally fractional), millis, micros or nanos, told apart by magnitude. */
    public static Instant parseEpoch(String t) {
        try {
            if (t.contains(".")) {
                String[] parts = t.split("\\.", 2);
                long secs = Long.parseLong(parts[0]);
                String frac = (parts[1] + "000000000").substring(0, 9);
                return Instant.ofEpochSecond(secs, Long.parseLong(frac));
            }
            long v = Long.parseLong(t);
            if (v < 100_000_000_000L) {
                return Instant.ofEpochSecond(v);
            } else if (v < 100_000_000_000_000L) {
                return Instant.ofEpochMilli(v);
            } else if (v < 100_000_000_000_000_000L) {
                return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
            }
            return Instant.ofEpochSecond(v / 1_000_000_000, v % 1_000_000_000);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * Splits a command line as EDRs flatten it (arguments joined with spaces), honouring simple double and single
     * quotes so {@code sh -c "a b"} gives three arguments. Without the original argv this cannot be exact.
     */
    public static List<String> splitCommandLine(String commandLine) {
        List<String> out = new ArrayList<>();
        if (commandLine == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (c == ' ' || c == '\t') {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Resolves a relative path against a working directory; absolute paths and missing cwd pass through. */
    public static String resolve(String path, String cwd) {
        if (path == null || path.isEmpty() || path.startsWith("/") || cwd == null || !cwd.startsWith("/")) {
            return path;
        }
        String p = path.startsWith("./") ? path.substring(2) : path;
        return cwd.endsWith("/") ? cwd + p : cwd + "/" + p;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("-") || s.equals("(null)") ? null : s;
    }

    /** Cuts a text to {@code max} characters for summaries. */
    public static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "…";
    }
}
