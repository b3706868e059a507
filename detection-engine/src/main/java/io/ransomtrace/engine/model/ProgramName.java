package io.ransomtrace.engine.model;

/**
 * "Executable path → program name", the one place that says it: the last element of the path, as {@code ps} and
 * an analyst name a program ({@code /usr/bin/openssl} → {@code openssl}). A path ending in a slash names no file
 * and is returned whole rather than as an empty name.
 */
public final class ProgramName {

    private ProgramName() {
    }

    /** The program name of {@code path}; null when the path is null or empty. */
    public static String of(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** The program name of {@code path}, or {@code unknown} when there is none. */
    public static String of(String path, String unknown) {
        String name = of(path);
        return name == null ? unknown : name;
    }
}
