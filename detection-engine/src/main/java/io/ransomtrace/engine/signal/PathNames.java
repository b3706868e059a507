package io.ransomtrace.engine.signal;

/**
 * Allocation-free helpers over path strings: hashing a range, finding the base name and suffix. The hot
 * path hashes paths instead of storing them.
 */
public final class PathNames {
    private PathNames() {
    }

    /** 64-bit hash of s[from, to). */
    public static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** splitmix finaliser over an FNV-1a state: spreads FNV's weak low bits for table indexing. */
    public static long mix(long h) {
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    /** Hash of s[from, to) with ASCII letters folded to lower case (for case-insensitive suffix sets). */
    public static long hashLower(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    public static long hash(String s) {
        return hash(s, 0, s.length());
    }

    /** Hash of the directory part of a path (everything before the last '/'). */
    public static long directoryHash(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? hash("/") : hash(path, 0, slash);
    }

    public static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /**
     * Index of the dot that starts the last suffix of the base name, or -1 when the name has none (a leading
     * dot, as in ".bashrc", does not start a suffix).
     */
    public static int suffixDot(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1 || dot == path.length() - 1) {
            return -1;
        }
        return dot;
    }

    /**
     * True for a file in a cache directory: /var/cache (FHS 5.5: data a program regenerates, deleted without loss)
     * or a ~/.cache of the XDG base directories. Rewriting such a file in place holds nothing hostage: fc-cache,
     * debconf and mandb refresh their caches that way during every package install.
     */
    public static boolean inCacheDirectory(String path) {
        return path.startsWith("/var/cache/") || path.contains("/.cache/");
    }

    /**
     * A log file: under /var/log (FHS), or named {@code *.log} / {@code *.log.N}. Emptying one ({@code truncate -s 0},
     * what logrotate's copytruncate and every admin clearing a log does) is upkeep: its lines were written to be
     * rotated away, not a person's data.
     */
    public static boolean isLogFile(String path) {
        if (path == null) {
            return false;
        }
        if (path.startsWith("/var/log/")) {
            return true;
        }
        int slash = path.lastIndexOf('/');
        int log = path.lastIndexOf(".log");
        return log > slash && (log + 4 == path.length()
                || path.charAt(log + 4) == '.' && digits(path, log + 5, path.length()));
    }

    /** True when s[from, to) is all digits (rotation suffixes such as ".1"). */
    public static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Resolves a command-line operand against the process's working directory, folding "." and "..". */
    public static String resolve(String cwd, String operand) {
        if (operand == null || operand.isEmpty()) {
            return operand;
        }
        String p = operand.startsWith("/") || cwd == null ? operand : cwd + "/" + operand;
        if (!p.startsWith("/")) {
            return p;
        }
        String[] parts = p.split("/");
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                stack.pollLast();
            } else {
                stack.addLast(part);
            }
        }
        return "/" + String.join("/", stack);
    }
}
