package io.ransomtrace.views.common;

import javafx.scene.control.TableColumnBase;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.Collection;

/**
 * Column widths from the texts a column will show, so that short values an analyst must read whole (a host, a
 * user, a count, a severity) are never cut to "…". Measured with the theme's body font, a little generously.
 */
public final class TextWidths {
    /** Cell padding and the sort arrow's room, either side of the text. */
    private static final double PADDING = 26;

    private TextWidths() {
    }

    /** The width {@code text} needs in a table cell of the body font. */
    public static double of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(Font.font(Font.getDefault().getFamily(), Math.max(13, Font.getDefault().getSize())));
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    /**
     * Raises the column's minimum (and preferred, when smaller) width to fit its title and every value, capped at
     * {@code max}: wider values are cut and shown whole in the cell's tooltip.
     */
    public static void fit(TableColumnBase<?, ?> column, Collection<String> values, double max) {
        double need = of(column.getText()) + PADDING;
        for (String v : values) {
            need = Math.max(need, of(v) + PADDING);
        }
        need = Math.min(max, need);
        if (column.getMinWidth() < need) {
            column.setMinWidth(need);
        }
        if (column.getPrefWidth() < need) {
            column.setPrefWidth(need);
        }
    }
}
