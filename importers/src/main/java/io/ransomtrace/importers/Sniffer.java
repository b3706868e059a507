package io.ransomtrace.importers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells which {@link Format} a file is in from its first kilobytes (decompressed when gzip), by what each
 * format's lines look like, never by the file name. Returns {@link Format#UNKNOWN} for binary or
 * unrecognised content. A byte order mark, or a first line cut in the middle, does not change the verdict.
 */
public final class Sniffer {

    /** How much of the (decompressed) file is looked at. */
    public static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 64;

    private static final java.util.regex.Pattern LAUREL_ID =
            java.util.regex.Pattern.compile("\"ID\"\\s*:\\s*\"\\d+\\.\\d+:\\d+\"");

    private Sniffer() {
    }

    /**
     * Sniffs a file from its first {@link #SAMPLE_BYTES} bytes of content, never more: a line without end or a
     * gzip bomb costs the sample, not the file. Only regular files are opened ({@link InputFileCheck}).
     */
    public static Format sniff(Path path) throws IOException {
        byte[] head = InputFileCheck.head(path, SAMPLE_BYTES);
        List<String> lines = new ArrayList<>();
        int binary = 0;
        int total = 0;
        int start = 0;
        boolean full = head.length == SAMPLE_BYTES;
        while (start < head.length && lines.size() < SAMPLE_LINES) {
            int nl = start;
            while (nl < head.length && head[nl] != '\n') {
                nl++;
            }
            if (nl == head.length && full && !lines.isEmpty()) {
                break; // the sample cut this line: judge by the whole lines before it
            }
            int end = nl;
            for (int i = start, checked = Math.min(end, start + 4096); i < checked; i++) {
                int c = head[i] & 0xff;
                total++;
                if ((c < 0x20 && c != '\t' && c != '\r' && c != 0x1d) || c == 0x7f) binary++;
            }
            String line = new String(head, start, Math.min(end - start, 8192), StandardCharsets.UTF_8);
            if (lines.isEmpty() && line.startsWith("\ufeff")) {
                line = line.substring(1); // a byte order mark says nothing about the format
            }
            if (!line.isBlank()) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
            start = nl + 1;
        }
        if (lines.isEmpty() || binary > total / 20) {
            return Format.UNKNOWN;
        }
        return sniff(lines);
    }

    /** Decides from sample lines (non-blank, in file order). */
    public static Format sniff(List<String> lines) {
        String first = lines.get(0).strip();
        // dmesg prefixes the kernel's audit lines with its clock ([ 1234.567890] audit: type=1300 audit(…)): not JSON
        if ((startsJson(first) && !kernelAuditLine(first)) || mostlyJsonAfterAFragment(lines)) {
            String sample = String.join("\n", lines.subList(0, Math.min(lines.size(), 64)));
            if (LAUREL_ID.matcher(sample).find()) return Format.LAUREL;
            if (sample.contains("\"hostIdentifier\"") || (sample.contains("\"unixTime\"") && sample.contains("\"name\""))
                    || sample.contains("\"columns\"") && sample.contains("\"action\"")) {
                return Format.OSQUERY;
            }
            if (sample.contains("\"@timestamp\"") || sample.contains("\"ecs\"") || sample.contains("\"event.")
                    || sample.contains("\"event\"") || sample.contains("\"winlog\"")) {
                return Format.ECS_NDJSON;
            }
            return Format.UNKNOWN;
        }
        int raw = 0;
        int interpreted = 0;
        int enriched = 0;
        int rules = 0;
        int separators = 0;
        for (String line : lines) {
            String s = line.strip();
            if (s.startsWith("----")) {
                separators++;
                continue;
            }
            int msg = s.indexOf("msg=audit(");
            if (msg < 0 && kernelAuditLine(s)) {
                raw++; // type=1300 audit(SEC.MS:SERIAL): the kernel's own line (dmesg, kern.log, the journal)
                continue;
            }
            if (msg >= 0 && s.contains("type=")) {
                char c = msg + 10 < s.length() ? s.charAt(msg + 10) : ' ';
                int colon = s.indexOf(':', msg);
                int slash = s.indexOf('/', msg);
                if (Character.isDigit(c) && slash > 0 && slash < colon) {
                    interpreted++;
                } else if (Character.isDigit(c)) {
                    raw++;
                    if (s.indexOf('\u001d') >= 0 || hasEnrichedField(s)) enriched++;
                }
                continue;
            }
            if (s.startsWith("-a ") || s.startsWith("-w ") || s.startsWith("-A ") || s.equals("-D")
                    || s.startsWith("-b ") || s.startsWith("-e ") || s.startsWith("-f ") || s.startsWith("-W ")
                    || s.equals("No rules") || s.startsWith("--backlog_wait_time") || s.startsWith("-r ")
                    || s.startsWith("--loginuid-immutable")) {
                rules++;
            }
        }
        if (interpreted > 0 && interpreted >= raw) return Format.AUDITD_INTERPRETED;
        if (raw > 0) return enriched > 0 ? Format.AUDITD_ENRICHED : Format.AUDITD_RAW;
        if (rules > 0 && rules * 2 >= countNonComment(lines)) return Format.AUDIT_RULES;

        String sample = String.join("\n", lines);
        if (sample.contains("<Event") && (sample.contains("Linux-Sysmon") || sample.contains("Sysmon"))) {
            return Format.SYSMON_XML;
        }
        if (sysmonLogViewText(lines)) return Format.SYSMON_TEXT;
        if (looksLikeCsv(lines)) return Format.CSV;
        return Format.UNKNOWN;
    }

    /** sysmonLogView's text: an {@code Event SYSMONEVENT_…} line followed by an indented {@code Name: value} line. */
    private static boolean sysmonLogViewText(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            String next = lines.get(i + 1);
            if (lines.get(i).startsWith("Event SYSMONEVENT_") && !next.isEmpty()
                    && Character.isWhitespace(next.charAt(0)) && next.contains(": ")) {
                return true;
            }
        }
        return false;
    }

    /** {@code … type=1300 audit(1796633834.962:153): …}: a numbered type and the stamp without msg=. */
    private static boolean kernelAuditLine(String s) {
        int t = s.indexOf("type=");
        if (t < 0 || (t > 0 && s.charAt(t - 1) != ' ')) {
            return false;
        }
        int k = t + 5;
        int digits = k;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        return digits > k && digits - k <= 5 && s.startsWith(" audit(", digits) && digits + 7 < s.length()
                && Character.isDigit(s.charAt(digits + 7));
    }

    private static boolean startsJson(String line) {
        return line.startsWith("{") || line.startsWith("[");
    }

    /**
     * A JSON-lines file cut somewhere in a line (a log copied from the middle, a rotated piece) starts with the
     * tail of a record: judge it by the lines after that fragment.
     */
    private static boolean mostlyJsonAfterAFragment(List<String> lines) {
        if (lines.size() < 2) {
            return false;
        }
        int json = 0;
        for (int i = 1; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.startsWith("{") && s.endsWith("}")) json++;
        }
        return json * 2 > lines.size() - 1;
    }

    /** ENRICHED logs whose 0x1d byte was lost in transit still show uppercase interpreted fields (AUID="alice"). */
    private static boolean hasEnrichedField(String s) {
        return s.contains(" AUID=\"") || s.contains(" UID=\"") || s.contains(" ARCH=") || s.contains(" SYSCALL=")
                || s.contains(")AUID=\"") || s.contains("\"UID=\"");
    }

    private static int countNonComment(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            if (!l.strip().startsWith("#")) n++;
        }
        return n;
    }

    /** A header of three or more columns and rows that split the same way, with any of the usual delimiters. */
    private static boolean looksLikeCsv(List<String> lines) {
        if (lines.size() < 2) return false;
        for (String delimiter : new String[]{",", ";", "\t", "|"}) {
            String split = java.util.regex.Pattern.quote(delimiter);
            int headerCols = lines.get(0).split(split, -1).length;
            if (headerCols < 3) continue;
            int agree = 0;
            int n = Math.min(lines.size(), 10);
            for (int i = 1; i < n; i++) {
                if (lines.get(i).split(split, -1).length >= headerCols) agree++;
            }
            if (agree * 2 >= n - 1) return true;
        }
        return false;
    }
}
