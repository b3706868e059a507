package io.ransomtrace.importers.auditd;

/** Makes a PATH name absolute against the process's working directory, as the analyst needs to read it. */
final class PathResolver {
    private PathResolver() {
    }

    /** {@code name} unchanged when absolute or when no cwd is known; otherwise cwd/name with . and .. folded. */
    static String resolve(String cwd, String name) {
        if (name == null || name.isEmpty() || name.charAt(0) == '/' || cwd == null || cwd.isEmpty()
                || cwd.charAt(0) != '/') {
            return name;
        }
        // Built in one buffer, "/segment" per kept segment: ".." cuts the buffer back to its last '/' (segments
        // hold none), so no list of substrings is made (this runs for every relative PATH record).
        StringBuilder sb = new StringBuilder(cwd.length() + name.length() + 1);
        addSegments(sb, cwd);
        addSegments(sb, name);
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static void addSegments(StringBuilder sb, String path) {
        int i = 0;
        int n = path.length();
        while (i <= n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            int len = end - i;
            if (len == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
                if (!sb.isEmpty()) {
                    sb.setLength(sb.lastIndexOf("/"));
                }
            } else if (len > 0 && !(len == 1 && path.charAt(i) == '.')) {
                sb.append('/').append(path, i, end);
            }
            if (slash < 0) break;
            i = slash + 1;
        }
    }
}
