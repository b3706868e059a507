package io.ransomtrace.engine.signal;

import java.util.Arrays;
import java.util.Collection;

/** A case-insensitive set of short names (suffixes) tested against a range of a path without allocating. */
public final class HashedNames {
    private final long[] sorted;

    HashedNames(Collection<String> names) {
        long[] h = new long[names.size()];
        int i = 0;
        for (String n : names) {
            h[i++] = PathNames.hashLower(n, 0, n.length());
        }
        Arrays.sort(h);
        sorted = h;
    }

    public boolean contains(String s, int from, int to) {
        return Arrays.binarySearch(sorted, PathNames.hashLower(s, from, to)) >= 0;
    }
}
