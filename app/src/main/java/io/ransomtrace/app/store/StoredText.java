package io.ransomtrace.app.store;

/**
 * Length caps for strings stored in a case, applied before they reach the database or the import's caches. Logs
 * are attacker-controlled: a path of a million characters would otherwise be interned with each of its parent
 * directories (a million-character string per level) and a single argv could take a gigabyte. Real values are far
 * below the caps (Linux limits a path to 4096 bytes); a cut value ends with a marker saying how long it was and a
 * digest of the whole, so two long values that differ only at their end stay distinct.
 */
final class StoredText {

    /** Paths, executables, working directories: PATH_MAX. */
    static final int PATH = 4096;
    /** Names: user, host, comm, tty, ids. */
    static final int NAME = 1024;
    /** A whole command line (NUL-joined argv), a summary. */
    static final int TEXT = 128 * 1024;

    private StoredText() {
    }

    static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        String marker = "…[" + s.length() + " chars, #" + Long.toHexString(PathDictionary.hash64(s)) + "]";
        int keep = Math.max(0, max - marker.length());
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return s.substring(0, keep) + marker;
    }

    static String path(String s) {
        return cap(s, PATH);
    }

    static String name(String s) {
        return cap(s, NAME);
    }

    static String text(String s) {
        return cap(s, TEXT);
    }
}
