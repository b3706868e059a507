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
        // Built in one buffer: "/segment" per kept segment, where each one starts remembered so that ".." can
        // cut the last one off (this runs for every relative PATH record).
        StringBuilder sb = new StringBuilder(cwd.length() + name.length() + 1);
        Segments starts = new Segments();
        addSegments(sb, starts, cwd);
        addSegments(sb, starts, name);
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static void addSegments(StringBuilder sb, Segments starts, String path) {
        int i = 0;
        int n = path.length();
        while (i <= n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            int len = end - i;
            if (len == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
                if (starts.depth > 0) {
                    sb.setLength(starts.pop());
                }
            } else if (len > 0 && !(len == 1 && path.charAt(i) == '.')) {
                starts.push(sb.length());
                sb.append('/').append(path, i, end);
            }
            if (slash < 0) break;
            i = slash + 1;
        }
    }

    /** Where each kept segment starts in the buffer. */
    private static final class Segments {
        int[] at = new int[16];
        int depth;

        void push(int start) {
            if (depth == at.length) {
                at = java.util.Arrays.copyOf(at, depth * 2);
            }
            at[depth++] = start;
        }

        int pop() {
            return at[--depth];
        }
    }
}
