package io.ransomtrace.importers.auditd;

import java.util.ArrayDeque;
import java.util.Deque;

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
        Deque<String> parts = new ArrayDeque<>();
        addSegments(parts, cwd);
        addSegments(parts, name);
        if (parts.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder(cwd.length() + name.length() + 1);
        for (String p : parts) {
            sb.append('/').append(p);
        }
        return sb.toString();
    }

    private static void addSegments(Deque<String> parts, String path) {
        int i = 0;
        int n = path.length();
        while (i <= n) {
            int slash = path.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            String seg = path.substring(i, end);
            if (seg.equals("..")) {
                parts.pollLast();
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                parts.addLast(seg);
            }
            if (slash < 0) break;
            i = slash + 1;
        }
    }
}
