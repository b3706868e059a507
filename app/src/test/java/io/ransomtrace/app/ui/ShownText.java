package io.ransomtrace.app.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The texts as the screen shows them: a label or cell too narrow for its text draws it cut, ending in "…", and
 * that cut string is what its skin's text node holds. Tests read them to prove that a value is shown whole.
 */
final class ShownText {
    static final String ELLIPSIS = "…";

    private ShownText() {
    }

    /** Every drawn text under {@code root} (labels, cells, column headers), as drawn. */
    static List<String> under(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /** The drawn texts of the visible cells of the columns with these ids (and of their headers). */
    static List<String> ofColumns(Node table, Set<String> columnIds) {
        List<String> out = new ArrayList<>();
        for (Node n : columnNodes(table, columnIds)) {
            collect(n, out);
        }
        return out;
    }

    /** The visible, non-empty cells of the columns with these ids, then those columns' headers. */
    private static List<Node> columnNodes(Node table, Set<String> columnIds) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : table.lookupAll(".indexed-cell")) {
            TableColumnBase<?, ?> column = n instanceof TreeTableCell<?, ?> t ? t.getTableColumn()
                    : n instanceof TableCell<?, ?> t ? t.getTableColumn() : null;
            if (column != null && columnIds.contains(column.getId()) && n.isVisible()
                    && !((IndexedCell<?>) n).isEmpty()) {
                nodes.add(n);
            }
        }
        for (Node header : table.lookupAll(".column-header")) {
            if (header.getId() != null && columnIds.contains(header.getId())) {
                nodes.add(header);
            }
        }
        return nodes;
    }

    /**
     * The labels and cells under {@code root} drawn cut: their text as drawn is not their whole text. Each entry
     * reads "whole text → as drawn".
     */
    static List<String> cut(Node root) {
        List<String> out = new ArrayList<>();
        cut(root, out);
        return out;
    }

    /** {@link #cut} limited to the visible cells of these columns and their headers. */
    static List<String> cutInColumns(Node table, Set<String> columnIds) {
        List<String> out = new ArrayList<>();
        for (Node n : columnNodes(table, columnIds)) {
            cut(n, out);
        }
        return out;
    }

    private static void cut(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                // Drawn cut: ends in the ellipsis its whole text does not end in (an empty text is not drawn yet).
                if (c instanceof Text t && t.getText() != null && !t.getText().equals(l.getText())
                        && t.getText().endsWith(ELLIPSIS)) {
                    out.add(l.getText() + " → " + t.getText());
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                cut(c, out);
            }
        }
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isEmpty()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
