package io.ransomtrace.importers.auditd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key=value fields of one audit record, parsed by hand from the line bytes (no regex: this runs for every
 * record of multi-gigabyte logs). Values stay as byte ranges until asked for.
 *
 * <p>Handles the shapes auditd writes: {@code key=value}, {@code key="quoted value"}, hex-encoded values,
 * user-space messages {@code msg='k=v k=v'} (their inner fields are flattened into this record), the ENRICHED
 * format's {@code 0x1d} separator before uppercase interpreted fields, and words without {@code =} (as in AVC
 * records), which are skipped.
 */
final class AuditFields {
    private static final byte GS = 0x1d;

    private final byte[] b;
    private final boolean interpreted;
    /** While scanning: keyStart, keyEnd, valStart, valEnd per field, in the per-thread scratch array. */
    private int[] offs;
    /**
     * After scanning, kept with the record: keyStart, valStart, valEnd per field (a key always ends right before
     * its value starts), relative to {@link #base}, as chars: a record's offsets were as many bytes as its line.
     * {@link #wide} instead for a line too long for char offsets. Then the key's {@link #signature}: a lookup by
     * key (a dozen per record) compares one number per field, and bytes only where it matches.
     */
    private char[] narrow;
    private int[] wide;
    private int base;
    private int n;
    /** End of the last unquoted value, for ausearch -i values that contain spaces. */
    private int lastValueEnd = -1;

    /** Where {@link #scan} collects a record's offsets before they are copied to an array of the right size. */
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[][]{new int[4 * 64]});

    private AuditFields(byte[] b, boolean interpreted, int[] scratch) {
        this.b = b;
        this.interpreted = interpreted;
        this.offs = scratch;
    }

    static AuditFields parse(byte[] b, int from, int to, boolean interpreted, boolean proctitleRecord) {
        return parse(b, from, to, interpreted, proctitleRecord, false);
    }

    /**
     * @param execveRecord an EXECVE record: in ausearch -i output its arguments are printed as they are, spaces and
     *                     '=' included ({@code a2=cd /srv && for d in *&#47;; do d=${d%/}; …}), so only an argument key
     *                     ({@code argc}, {@code aN}, {@code aN_len}, {@code aN[k]}) starts a field
     */
    static AuditFields parse(byte[] b, int from, int to, boolean interpreted, boolean proctitleRecord,
                             boolean execveRecord) {
        // One pass into a per-thread scratch array, then one right-sized copy: this runs for every record, and a
        // first pass to size the array (or regrowth from a small one) cost as much as the scan itself.
        int[][] holder = SCRATCH.get();
        AuditFields f = new AuditFields(b, interpreted, holder[0]);
        f.execveArguments = execveRecord && interpreted;
        f.scan(from, to, proctitleRecord && interpreted);
        holder[0] = f.offs; // keeps a scratch array that had to grow
        f.keep(from, to);
        return f;
    }

    private void scan(int from, int to, boolean restOfLineForProctitle) {
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == ' ' || c == GS || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int ks = i;
            while (i < to && b[i] != '=' && b[i] != ' ' && b[i] != GS) {
                i++;
            }
            if (i >= to || b[i] != '=') {
                // A bare word (AVC "denied", "{", ...). In ausearch -i output values are not quoted, so a word
                // right after a value continues it: exe=/usr/bin/python2.7 (deleted), name=/tmp/my file
                if (interpreted && n > 0 && offs[n * 4 - 1] == lastValueEnd && lastValueEnd >= 0
                        && !(i - ks == 1 && (b[ks] == '{' || b[ks] == '}'))) {
                    offs[n * 4 - 1] = i;
                    lastValueEnd = i;
                }
                continue;
            }
            int ke = i;
            if (execveArguments && n > 0 && offs[n * 4 - 1] == lastValueEnd && lastValueEnd >= 0
                    && !argumentKey(ks, ke)) {
                // d=${d%/}; inside an argument printed as it is: the argument goes on
                while (i < to && b[i] != ' ' && b[i] != GS) {
                    i++;
                }
                offs[n * 4 - 1] = i;
                lastValueEnd = i;
                continue;
            }
            i++;
            if (restOfLineForProctitle && ke - ks == 9 && matches(ks, "proctitle")) {
                int ve = to;
                while (ve > i && (b[ve - 1] == ' ' || b[ve - 1] == '\r')) ve--;
                add(ks, ke, i, ve);
                return;
            }
            if (i < to && b[i] == '"') {
                int close = indexOf((byte) '"', i + 1, to);
                int ve = close < 0 ? to : close + 1;
                add(ks, ke, i, ve);
                i = ve;
            } else if (i < to && b[i] == '\'') {
                int close = indexOf((byte) '\'', i + 1, to);
                int ve = close < 0 ? to : close;
                add(ks, ke, i, close < 0 ? to : close + 1);
                scan(i + 1, ve, false); // user-space message: its k=v pairs are the interesting fields
                i = close < 0 ? to : close + 1;
            } else {
                int vs = i;
                while (i < to && b[i] != ' ' && b[i] != GS) {
                    i++;
                }
                add(ks, ke, vs, i);
                lastValueEnd = i;
            }
        }
    }

    /** True for argc, aN, aN_len and aN[k]: the keys an EXECVE record has. */
    private boolean argumentKey(int ks, int ke) {
        if (ke - ks == 4 && matches(ks, "argc")) {
            return true;
        }
        if (ke - ks < 2 || b[ks] != 'a' || b[ks + 1] < '0' || b[ks + 1] > '9') {
            return false;
        }
        int k = ks + 1;
        while (k < ke && b[k] >= '0' && b[k] <= '9') {
            k++;
        }
        if (k == ke) {
            return true;
        }
        if (ke - k == 4 && b[k] == '_' && b[k + 1] == 'l' && b[k + 2] == 'e' && b[k + 3] == 'n') {
            return true;
        }
        return b[k] == '[' && b[ke - 1] == ']';
    }

    /** Set for an EXECVE record of ausearch -i output (see {@link #parse(byte[], int, int, boolean, boolean, boolean)}). */
    private boolean execveArguments;

    private static final int STRIDE = 4;

    private void keep(int from, int to) {
        int[] scanned = offs;
        offs = null;
        base = from;
        if (to - from <= Character.MAX_VALUE) {
            narrow = new char[n * STRIDE];
            for (int i = 0; i < n; i++) {
                int ks = scanned[i * 4];
                narrow[i * STRIDE] = (char) (ks - from);
                narrow[i * STRIDE + 1] = (char) (scanned[i * 4 + 2] - from);
                narrow[i * STRIDE + 2] = (char) (scanned[i * 4 + 3] - from);
                narrow[i * STRIDE + 3] = signature(b, ks, scanned[i * 4 + 1]);
            }
        } else {
            wide = new int[n * STRIDE];
            for (int i = 0; i < n; i++) {
                int ks = scanned[i * 4];
                wide[i * STRIDE] = ks;
                wide[i * STRIDE + 1] = scanned[i * 4 + 2];
                wide[i * STRIDE + 2] = scanned[i * 4 + 3];
                wide[i * STRIDE + 3] = signature(b, ks, scanned[i * 4 + 1]);
            }
        }
    }

    /** A 16-bit hash of a key and its length; equal for a key's bytes and its (ASCII) String. */
    private static char signature(byte[] b, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return (char) (h ^ h >>> 16);
    }

    private static char signature(String key) {
        int h = key.length();
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + (byte) key.charAt(i);
        }
        return (char) (h ^ h >>> 16);
    }

    private int signature(int i) {
        return narrow != null ? narrow[i * STRIDE + 3] : wide[i * STRIDE + 3];
    }

    private int keyStart(int i) {
        return narrow != null ? base + narrow[i * STRIDE] : wide[i * STRIDE];
    }

    private int keyEnd(int i) {
        return valueStart(i) - 1; // the '='
    }

    private int valueStart(int i) {
        return narrow != null ? base + narrow[i * STRIDE + 1] : wide[i * STRIDE + 1];
    }

    private int valueEnd(int i) {
        return narrow != null ? base + narrow[i * STRIDE + 2] : wide[i * STRIDE + 2];
    }

    private int indexOf(byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) return i;
        }
        return -1;
    }

    private void add(int ks, int ke, int vs, int ve) {
        if (n * 4 + 4 > offs.length) {
            offs = Arrays.copyOf(offs, offs.length * 2);
        }
        int p = n * 4;
        offs[p] = ks;
        offs[p + 1] = ke;
        offs[p + 2] = vs;
        offs[p + 3] = ve;
        n++;
    }

    private boolean matches(int start, String key) {
        for (int k = 0; k < key.length(); k++) {
            if (b[start + k] != key.charAt(k)) return false;
        }
        return true;
    }

    int size() {
        return n;
    }

    /** Approximate heap bytes held by the parsed offsets (for the memory bounds). */
    int memoryEstimate() {
        return (narrow != null ? narrow.length * 2 : wide.length * 4) + 48;
    }

    String key(int i) {
        return new String(b, keyStart(i), keyEnd(i) - keyStart(i), StandardCharsets.ISO_8859_1);
    }

    /** The value as written (quotes kept). */
    String rawValue(int i) {
        return new String(b, valueStart(i), valueEnd(i) - valueStart(i), StandardCharsets.UTF_8);
    }

    /** Index of the first field with this key, or -1. */
    int indexOf(String key) {
        int len = key.length();
        char sig = signature(key);
        if (narrow != null) {
            char[] o = narrow;
            for (int i = 0; i < n; i++) {
                if (o[i * STRIDE + 3] == sig) {
                    int ks = base + o[i * STRIDE];
                    if (keyEnd(i) - ks == len && matches(ks, key)) {
                        return i;
                    }
                }
            }
            return -1;
        }
        for (int i = 0; i < n; i++) {
            int ks = keyStart(i);
            if (signature(i) == sig && keyEnd(i) - ks == len && matches(ks, key)) {
                return i;
            }
        }
        return -1;
    }

    boolean has(String key) {
        return indexOf(key) >= 0;
    }

    String raw(String key) {
        int i = indexOf(key);
        return i < 0 ? null : rawValue(i);
    }

    /** The value with quotes removed; null when absent or written as (null). */
    String text(String key) {
        int i = indexOf(key);
        return i < 0 ? null : text(i);
    }

    String text(int i) {
        int vs = valueStart(i);
        int ve = valueEnd(i);
        if (ve - vs >= 2 && b[vs] == '"' && b[ve - 1] == '"') {
            return new String(b, vs + 1, ve - vs - 2, StandardCharsets.UTF_8);
        }
        if (ve - vs == 6 && matches(vs, "(null)")) {
            return null;
        }
        return new String(b, vs, ve - vs, StandardCharsets.UTF_8);
    }

    private static final int TEXT = 1;
    /** Hex is decoded in raw records only: the same bytes read as two kinds. */
    private static final int DECODED_RAW = 2;
    private static final int DECODED_INTERPRETED = 3;

    /** {@link #text(String)}, through the cache of repeated values. */
    String text(String key, RepeatedValues cache) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        int vs = valueStart(i);
        int ve = valueEnd(i);
        String v = cache.find(b, vs, ve, TEXT);
        if (v == null) {
            v = text(i);
            cache.put(b, vs, ve, TEXT, v);
        }
        return v;
    }

    /** {@link #decoded(String)}, through the cache of repeated values. */
    String decoded(String key, RepeatedValues cache) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        int vs = valueStart(i);
        int ve = valueEnd(i);
        int kind = interpreted ? DECODED_INTERPRETED : DECODED_RAW;
        String v = cache.find(b, vs, ve, kind);
        if (v == null) {
            v = decoded(i);
            cache.put(b, vs, ve, kind, v);
        }
        return v;
    }

    /**
     * A value that auditd may have hex-encoded (exe, name, cwd, comm, proctitle, EXECVE arguments, key):
     * quoted means literal, unquoted hex means encoded. {@code (null)} and {@code (none)} mean no value.
     */
    String decoded(String key) {
        int i = indexOf(key);
        return i < 0 ? null : decoded(i);
    }

    String decoded(int i) {
        byte[] bytes = decodedBytes(i);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] decodedBytes(int i) {
        int vs = valueStart(i);
        int ve = valueEnd(i);
        int len = ve - vs;
        if (len >= 2 && b[vs] == '"' && b[ve - 1] == '"') {
            return Arrays.copyOfRange(b, vs + 1, ve - 1);
        }
        if (len == 6 && (matches(vs, "(null)") || matches(vs, "(none)"))) {
            return null;
        }
        if (!interpreted && len % 2 == 0 && len > 0 && isHex(vs, ve)) {
            byte[] out = new byte[len / 2];
            for (int k = 0; k < out.length; k++) {
                out[k] = (byte) ((hexDigit(b[vs + 2 * k]) << 4) | hexDigit(b[vs + 2 * k + 1]));
            }
            return out;
        }
        return Arrays.copyOfRange(b, vs, ve);
    }

    private boolean isHex(int from, int to) {
        for (int i = from; i < to; i++) {
            if (hexDigit(b[i]) < 0) return false;
        }
        return true;
    }

    static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    /** A decimal number (auditd writes ids, pids and exit codes in decimal); {@code dflt} when absent or not a number. */
    long number(String key, long dflt) {
        int i = indexOf(key);
        if (i < 0) return dflt;
        int vs = valueStart(i);
        int ve = valueEnd(i);
        if (ve > vs && b[vs] == '"' && b[ve - 1] == '"') {
            vs++;
            ve--;
        }
        return parseDecimal(b, vs, ve, dflt);
    }

    static long parseDecimal(byte[] b, int vs, int ve, long dflt) {
        boolean neg = false;
        if (vs < ve && b[vs] == '-') {
            neg = true;
            vs++;
        }
        if (vs >= ve || ve - vs > 19) return dflt;
        long v = 0;
        for (int k = vs; k < ve; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) return dflt;
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /**
     * A syscall argument: hex in raw logs ({@code a2=241}); in ausearch -i output {@code 0x241}, a decimal, an
     * octal mode ({@code 0644}) or a symbol, which gives {@code dflt}.
     */
    long hex(String key, long dflt) {
        int i = indexOf(key);
        if (i < 0) return dflt;
        int vs = valueStart(i);
        int ve = valueEnd(i);
        if (ve - vs > 2 && b[vs] == '0' && (b[vs + 1] == 'x' || b[vs + 1] == 'X')) {
            return parseRadix(vs + 2, ve, 16, dflt);
        }
        if (interpreted) {
            if (ve - vs > 1 && b[vs] == '0') return parseRadix(vs + 1, ve, 8, dflt);
            return parseDecimal(b, vs, ve, dflt);
        }
        return parseRadix(vs, ve, 16, dflt);
    }

    /** An octal value such as a PATH mode ({@code mode=0100644}). */
    long octal(String key, long dflt) {
        int i = indexOf(key);
        if (i < 0) return dflt;
        return parseRadix(valueStart(i), valueEnd(i), 8, dflt);
    }

    private long parseRadix(int vs, int ve, int radix, long dflt) {
        if (vs >= ve || ve - vs > 16 + (radix == 8 ? 6 : 0)) return dflt;
        long v = 0;
        for (int k = vs; k < ve; k++) {
            int d = hexDigit(b[k]);
            if (d < 0 || d >= radix) return dflt;
            v = v * radix + d;
        }
        return v;
    }

    /** True when the key's value equals the given ASCII text (quotes not stripped). */
    boolean valueIs(String key, String expected) {
        int i = indexOf(key);
        if (i < 0) return false;
        int vs = valueStart(i);
        return valueEnd(i) - vs == expected.length() && matches(vs, expected);
    }
}
