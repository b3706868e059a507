package io.ransomtrace.app.store;

import java.util.Arrays;
import java.util.List;

/**
 * argv is stored as one text joined by NUL, which no argument can contain (the kernel passes C strings), so
 * splitting gives back exactly the arguments, including empty ones and ones with spaces.
 */
final class Argv {
    private static final String SEPARATOR = "\u0000";

    private Argv() {
    }

    static String join(List<String> argv) {
        return argv.isEmpty() ? null : String.join(SEPARATOR, argv);
    }

    static List<String> split(String stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.asList(stored.split(SEPARATOR, -1));
    }
}
