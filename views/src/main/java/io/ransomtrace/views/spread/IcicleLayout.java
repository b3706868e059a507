package io.ransomtrace.views.spread;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a directory tree out as an icicle: one row per depth, each directory as wide as the files encrypted
 * in its subtree (a directory with only notes still gets a sliver), children directly under their parent.
 */
public final class IcicleLayout {

    /** A directory's rectangle. */
    public record Cell(DirectoryNode node, int depth, double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    private IcicleLayout() {
    }

    public static List<Cell> layout(DirectoryNode root, double x, double y, double width, double rowHeight,
                                    int maxDepth) {
        List<Cell> cells = new ArrayList<>();
        place(root, 0, x, y, width, rowHeight, maxDepth, cells);
        return cells;
    }

    /** Files weigh 1 each; a note-only directory weighs one file so it can be seen and clicked. */
    static double weight(DirectoryNode n) {
        return Math.max(n.subtreeFiles(), n.subtreeNotes() > 0 || n.firstHit() != null ? 1 : 0);
    }

    private static void place(DirectoryNode n, int depth, double x, double y, double width, double rowHeight,
                              int maxDepth, List<Cell> out) {
        out.add(new Cell(n, depth, x, y, width, rowHeight));
        if (depth + 1 >= maxDepth || n.children().isEmpty()) {
            return;
        }
        double total = n.filesEncrypted();
        for (DirectoryNode c : n.children()) {
            total += weight(c);
        }
        if (total <= 0) {
            return;
        }
        double cx = x;
        for (DirectoryNode c : n.children()) {
            double w = width * weight(c) / total;
            if (w >= 0.5) {
                place(c, depth + 1, cx, y + rowHeight, w, rowHeight, maxDepth, out);
            }
            cx += w;
        }
    }
}
