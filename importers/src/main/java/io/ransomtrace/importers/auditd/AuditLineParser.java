package io.ransomtrace.importers.auditd;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Turns one line into an {@link AuditRecord}, or says why it is not one.
 *
 * <p>Accepted shapes: {@code type=T msg=audit(SEC.MS:SERIAL): ...} as auditd writes it (RAW or ENRICHED), with
 * an optional {@code node=HOST } prefix and optionally behind a syslog header
 * ({@code Nov 28 10:00:00 web1 audispd: node=... type=...}); and ausearch's interpreted form
 * {@code type=T msg=audit(11/28/2026 10:00:00.123:456) : ...}, whose local time is read in the zone given; and the
 * kernel's own form {@code type=1300 audit(SEC.MS:SERIAL): ...} (numbered types, no {@code msg=}) as dmesg, kern.log,
 * syslog and the journal hold it when no audit daemon runs ({@code kernel: audit: type=1300 audit(…)}).
 */
final class AuditLineParser {

    private final ZoneId interpretedZone;
    private final String[] typeCache = new String[512];
    /** Recent node= values: a log of several hosts interleaves a few of them. */
    private final byte[][] nodeBytes = new byte[8][];
    private final String[] nodes = new String[8];
    private int nextNodeSlot;
    private String error;

    AuditLineParser(ZoneId interpretedZone) {
        this.interpretedZone = interpretedZone;
    }

    /** Why the last {@link #parse} returned null. */
    String error() {
        return error;
    }

    AuditRecord parse(byte[] buf, int start, int length, long lineNo, long offset) {
        int end = start + length;
        int i = start;
        String syslogHost = null;
        if (!startsWith(buf, i, end, "type=") && !startsWith(buf, i, end, "node=")) {
            int at = findRecordStart(buf, i, end);
            if (at < 0) {
                error = "not an audit record (no type=... msg=audit(...) header)";
                return null;
            }
            syslogHost = syslogHost(buf, i, at);
            i = at;
        }
        String node = null;
        if (startsWith(buf, i, end, "node=")) {
            int vs = i + 5;
            int ve = vs;
            while (ve < end && buf[ve] != ' ') ve++;
            node = node(buf, vs, ve);
            i = ve;
            while (i < end && buf[i] == ' ') i++;
        }
        if (!startsWith(buf, i, end, "type=")) {
            error = "audit record without type= after node=";
            return null;
        }
        int ts = i + 5;
        int te = ts;
        while (te < end && buf[te] != ' ') te++;
        if (te == ts) {
            error = "empty record type";
            return null;
        }
        String type = type(buf, ts, te);
        i = te;
        while (i < end && buf[i] == ' ') i++;
        if (startsWith(buf, i, end, "msg=audit(")) {
            i += 10;
        } else if (startsWith(buf, i, end, "audit(")) {
            i += 6; // the kernel's own line (dmesg, kern.log, the journal): type=1300 audit(SEC.MS:SERIAL): ...
        } else {
            error = "record " + type + " has no msg=audit(time:serial) stamp";
            return null;
        }
        long seconds;
        int millis;
        boolean interpreted;
        int p = i;
        while (p < end && buf[p] >= '0' && buf[p] <= '9') p++;
        if (p < end && buf[p] == '.' && p > i) {
            interpreted = false;
            seconds = AuditFields.parseDecimal(buf, i, p, -1);
            int ms = p + 1;
            int me = ms;
            while (me < end && buf[me] >= '0' && buf[me] <= '9') me++;
            if (seconds < 0 || me == ms || me - ms > 3) {
                error = "unreadable time stamp in msg=audit(...)";
                return null;
            }
            millis = (int) AuditFields.parseDecimal(buf, ms, me, 0);
            for (int k = me - ms; k < 3; k++) millis *= 10;
            p = me;
        } else {
            interpreted = true;
            long[] out = new long[2];
            p = parseLocalStamp(buf, i, end, out);
            if (p < 0) {
                error = "unreadable time stamp in msg=audit(...)";
                return null;
            }
            seconds = out[0];
            millis = (int) out[1];
        }
        if (p >= end || buf[p] != ':') {
            error = "no serial number in msg=audit(...)";
            return null;
        }
        int ss = p + 1;
        int se = ss;
        while (se < end && buf[se] >= '0' && buf[se] <= '9') se++;
        if (se == ss || se >= end || buf[se] != ')' || se - ss > 19) {
            error = "unreadable serial number in msg=audit(...)";
            return null;
        }
        long serial = AuditFields.parseDecimal(buf, ss, se, -1);
        // "SEC.MMM:SERIAL" as logged is the event's native id when written the way AuditRecord#nativeId writes it:
        // three digits of milliseconds (p is where they end), no leading zeros, no number long enough to overflow
        boolean canonicalStamp = !interpreted && buf[p - 4] == '.' && (buf[i] != '0' || p - 4 - i == 1)
                && (buf[ss] != '0' || se - ss == 1) && p - 4 - i <= 18 && se - ss <= 18;
        int body = se + 1;
        while (body < end && buf[body] == ' ') body++;
        if (body < end && buf[body] == ':') {
            body++; // older auditd daemon records omit it ("msg=audit(...) config changed, auid=0 ...")
        }
        byte[] copy = Arrays.copyOfRange(buf, start, end);
        return new AuditRecord(type, node, syslogHost, seconds, millis, serial, lineNo, offset, copy,
                body - start, interpreted, canonicalStamp ? i - start : -1, se - start);
    }

    /** Finds " node=" or " type=" followed somewhere by "msg=audit(" — the start of a record behind a syslog header. */
    private static int findRecordStart(byte[] b, int from, int end) {
        for (int i = from + 1; i + 5 <= end; i++) {
            if (b[i - 1] == ' ' && (startsWith(b, i, end, "type=") || startsWith(b, i, end, "node="))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The host of a syslog header: {@code Nov 28 10:00:00 HOST tag:}, {@code 2026-11-28T10:00:00Z HOST tag:} or
     * RFC 5424 {@code <13>1 TIMESTAMP HOST app ...}.
     */
    private String syslogHost(byte[] b, int from, int to) {
        String prefix = new String(b, from, to - from, StandardCharsets.UTF_8).trim();
        String[] tok = prefix.split(" +");
        int k = 0;
        if (tok.length > 0 && tok[0].startsWith("<")) {
            int gt = tok[0].indexOf('>');
            String rest = gt >= 0 ? tok[0].substring(gt + 1) : "";
            if (rest.equals("1")) {
                return tok.length > 2 ? tok[2] : null; // <PRI>1 TIMESTAMP HOST
            }
            tok[0] = rest;
            if (rest.isEmpty()) k = 1;
        }
        if (tok.length - k >= 4 && tok[k].length() == 3 && Character.isLetter(tok[k].charAt(0))) {
            return tok[k + 3]; // Mmm dd hh:mm:ss HOST
        }
        if (tok.length - k >= 2 && tok[k].length() >= 10 && tok[k].charAt(4) == '-') {
            return tok[k + 1]; // ISO timestamp HOST
        }
        return null;
    }

    /** Parses {@code MM/DD/YY[YY] HH:MM:SS.mmm} (or {@code YYYY-MM-DD HH:MM:SS.mmm}); returns the index after it. */
    private int parseLocalStamp(byte[] b, int i, int end, long[] out) {
        int[] num = new int[7];
        int n = 0;
        int p = i;
        int datePart1Len = 0;
        char dateSep = 0;
        while (p < end && n < 7) {
            int s = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') p++;
            if (p == s || p - s > 4) return -1;
            num[n] = (int) AuditFields.parseDecimal(b, s, p, 0);
            if (n == 0) datePart1Len = p - s;
            if (n == 1) dateSep = (char) b[p - (p - s) - 1];
            n++;
            if (n == 7) break;
            if (p >= end) return -1;
            byte sep = b[p];
            boolean ok = switch (n) {
                case 1, 2 -> sep == '/' || sep == '-';
                case 3 -> sep == ' ';
                case 4, 5 -> sep == ':';
                case 6 -> sep == '.';
                default -> false;
            };
            if (!ok) return -1;
            p++;
        }
        if (n < 7) return -1;
        try {
            int year;
            int month;
            int day;
            if (datePart1Len == 4 || dateSep == '-') {
                year = num[0];
                month = num[1];
                day = num[2];
            } else {
                month = num[0];
                day = num[1];
                year = num[2] < 100 ? 2000 + num[2] : num[2];
            }
            LocalDateTime t = LocalDate.of(year, month, day).atTime(num[3], num[4], num[5]);
            out[0] = t.atZone(interpretedZone).toEpochSecond();
            out[1] = num[6];
            return p;
        } catch (java.time.DateTimeException e) {
            return -1;
        }
    }

    private String type(byte[] b, int s, int e) {
        int h = 0;
        for (int k = s; k < e; k++) h = 31 * h + b[k];
        int slot = h & (typeCache.length - 1);
        String cached = typeCache[slot];
        if (cached != null && sameAscii(cached, b, s, e)) {
            return cached;
        }
        if (e - s <= 5 && allDigits(b, s, e)) {
            // the kernel numbers types: 1300 is SYSCALL (not cached: the name is not the bytes the cache compares)
            return AuditRecordTypes.name((int) AuditFields.parseDecimal(b, s, e, -1));
        }
        String t = new String(b, s, e - s, StandardCharsets.UTF_8);
        typeCache[slot] = t;
        return t;
    }

    private static boolean allDigits(byte[] b, int s, int e) {
        for (int k = s; k < e; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return false;
            }
        }
        return e > s;
    }

    private String node(byte[] b, int s, int e) {
        for (int k = 0; k < nodeBytes.length; k++) {
            byte[] known = nodeBytes[k];
            if (known != null && known.length == e - s && Arrays.equals(known, 0, e - s, b, s, e)) {
                return nodes[k];
            }
        }
        int slot = nextNodeSlot;
        nextNodeSlot = (slot + 1) % nodeBytes.length;
        nodeBytes[slot] = Arrays.copyOfRange(b, s, e);
        nodes[slot] = new String(nodeBytes[slot], StandardCharsets.UTF_8);
        return nodes[slot];
    }

    private static boolean sameAscii(String s, byte[] b, int from, int to) {
        if (s.length() != to - from) return false;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != b[from + k]) return false;
        }
        return true;
    }

    static boolean startsWith(byte[] b, int i, int end, String prefix) {
        if (end - i < prefix.length()) return false;
        for (int k = 0; k < prefix.length(); k++) {
            if (b[i + k] != prefix.charAt(k)) return false;
        }
        return true;
    }
}
