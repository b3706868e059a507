package io.ransomtrace.views.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the process tree reads processes, one level at a time (children are read when a node is expanded).
 * Called on the JavaFX thread: implementations should answer one level quickly (an indexed query).
 */
public interface ProcessSource {

    /** Processes of {@code host} without a known parent, in start order. */
    List<ProcessRow> roots(String host);

    /** Direct children of {@code parent}, in start order. */
    List<ProcessRow> children(ProcessRow parent);

    /** Whether {@code p} has children; override with a cheap EXISTS query. */
    default boolean hasChildren(ProcessRow p) {
        return !children(p).isEmpty();
    }

    /**
     * Processes of {@code host} whose exe, command line, user or pid contains {@code text}, each given as its
     * lineage: keys from a root down to the match. The default walks the whole tree; a case store should
     * override it with a query.
     */
    default List<List<String>> search(String host, String text) {
        List<List<String>> found = new ArrayList<>();
        String needle = text.toLowerCase(Locale.ROOT);
        for (ProcessRow r : roots(host)) {
            walk(r, new ArrayList<>(), needle, found);
        }
        return found;
    }

    private void walk(ProcessRow p, List<String> path, String needle, List<List<String>> found) {
        path.add(p.key());
        if (matches(p, needle)) {
            found.add(List.copyOf(path));
        }
        for (ProcessRow c : children(p)) {
            walk(c, path, needle, found);
        }
        path.remove(path.size() - 1);
    }

    private static boolean matches(ProcessRow p, String needle) {
        return contains(p.exe(), needle) || contains(p.commandLine(), needle) || contains(p.user(), needle)
                || contains(p.loginUser(), needle) || String.valueOf(p.pid()).equals(needle);
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }
}
