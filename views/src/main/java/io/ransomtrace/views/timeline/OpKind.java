package io.ransomtrace.views.timeline;

import io.ransomtrace.views.common.Palette;
import javafx.scene.paint.Color;

/** The file operations the rewrite timeline stacks, bottom to top. */
public enum OpKind {
    /** Existing file opened for writing or truncated: the in-place overwrite of encryption. */
    WRITE("write/overwrite", Palette.WRITE),
    CREATE("create", Palette.CREATE),
    RENAME("rename", Palette.RENAME),
    DELETE("delete", Palette.DELETE),
    /** A ransom note written. */
    NOTE("note", Palette.NOTE);

    private final String label;
    private final Color color;

    OpKind(String label, Color color) {
        this.label = label;
        this.color = color;
    }

    public String label() {
        return label;
    }

    public Color color() {
        return color;
    }
}
