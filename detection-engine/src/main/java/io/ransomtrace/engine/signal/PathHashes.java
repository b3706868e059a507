package io.ransomtrace.engine.signal;

/**
 * The hashes the detector needs of one path — whole path, its directory, and the path without its last
 * suffix — computed in a single pass. A reusable scratch object (one per detector, single-threaded), so the
 * hot path neither allocates nor hashes the same characters three times. Each hash equals what
 * {@link PathNames#hash(String, int, int)} gives for the same range.
 */
public final class PathHashes {
    private static final long ROOT_DIRECTORY = PathNames.hash("/");

    /** Hash of the whole path. */
    public long full;
    /** Hash of the directory part (see {@link PathNames#directoryHash}). */
    public long directory;
    /** Hash of the path before the dot of its last suffix, or 0 when there is no suffix. */
    public long stem;
    /** Index of the last '/', or -1. */
    public int slash;
    /** Index of the dot starting the last suffix (see {@link PathNames#suffixDot}), or -1. */
    public int dot;

    public PathHashes of(String path) {
        int n = path.length();
        slash = path.lastIndexOf('/');
        int d = path.lastIndexOf('.');
        dot = (d <= slash + 1 || d == n - 1) ? -1 : d;
        long h = 0xcbf29ce484222325L;
        // three plain loops (directory, stem, rest) instead of one loop with two checks per character
        int stemEnd = dot > 0 ? dot : n;
        int dirEnd = Math.max(slash, 0);
        int i = 0;
        for (; i < dirEnd; i++) {
            h = (h ^ path.charAt(i)) * 0x100000001b3L;
        }
        long atSlash = h;
        for (; i < stemEnd; i++) {
            h = (h ^ path.charAt(i)) * 0x100000001b3L;
        }
        long atDot = h;
        for (; i < n; i++) {
            h = (h ^ path.charAt(i)) * 0x100000001b3L;
        }
        full = PathNames.mix(h);
        directory = slash <= 0 ? ROOT_DIRECTORY : PathNames.mix(atSlash);
        stem = dot > 0 ? PathNames.mix(atDot) : 0;
        return this;
    }
}
