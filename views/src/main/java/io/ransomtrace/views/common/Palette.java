package io.ransomtrace.views.common;

import javafx.scene.paint.Color;

/**
 * Colours for what the views draw on a Canvas, where CSS looked-up colours do not reach. Every colour here is
 * mid-luminance so it reads on both the light and the dark Primer theme; text drawn inside a filled shape picks
 * black or white by the fill's luminance ({@link #textOn(Color)}).
 */
public final class Palette {
    /** Axis labels, tick text, legend text: a grey that is legible on white and on near-black. */
    public static final Color AXIS_TEXT = Color.web("#8c959f");
    /** Grid lines: the same grey, faint. */
    public static final Color GRID = Color.web("#8c959f", 0.22);
    /** The rubber band of a drag selection. */
    public static final Color SELECTION_FILL = Color.web("#4493f8", 0.18);
    public static final Color SELECTION_STROKE = Color.web("#4493f8", 0.85);
    /** Outline of the bucket or cell under the cursor, or the one selected. */
    public static final Color HOVER_STROKE = Color.web("#4493f8");

    public static final Color CREATE = Color.web("#3aa6a0");
    public static final Color WRITE = Color.web("#e09b2d");
    public static final Color RENAME = Color.web("#9a7bd8");
    public static final Color DELETE = Color.web("#d9634c");
    public static final Color NOTE = Color.web("#d0459e");

    public static final Color MARK_FIRST_EVENT = Color.web("#8c959f");
    public static final Color MARK_FIRST_ALERT = Color.web("#e5534b");
    public static final Color MARK_FIRST_NOTE = NOTE;
    public static final Color MARK_PIVOT = Color.web("#4493f8");

    /** Sequential scale for "when was it hit", early to late (viridis, without its darkest end). */
    private static final Color[] SEQUENTIAL = {
            Color.web("#414487"), Color.web("#2a788e"), Color.web("#22a884"), Color.web("#7ad151"),
            Color.web("#fde725")};

    private Palette() {
    }

    /** The sequential colour at {@code t} in [0, 1] (clamped): 0 is earliest, 1 latest. */
    public static Color sequential(double t) {
        if (Double.isNaN(t)) {
            return AXIS_TEXT;
        }
        double x = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
        int i = Math.min((int) Math.floor(x), SEQUENTIAL.length - 2);
        return SEQUENTIAL[i].interpolate(SEQUENTIAL[i + 1], x - i);
    }

    /** Black or white, whichever reads better on {@code fill}. */
    public static Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.55 ? Color.web("#1f2328") : Color.WHITE;
    }
}
