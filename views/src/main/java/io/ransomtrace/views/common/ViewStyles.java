package io.ransomtrace.views.common;

import javafx.scene.Parent;

/** The views' stylesheet: each component adds it to itself so it looks right alone or inside the workbench. */
public final class ViewStyles {
    public static final String STYLESHEET =
            ViewStyles.class.getResource("/io/ransomtrace/views/views.css").toExternalForm();

    private ViewStyles() {
    }

    public static void apply(Parent parent, String styleClass) {
        if (!parent.getStylesheets().contains(STYLESHEET)) {
            parent.getStylesheets().add(STYLESHEET);
        }
        parent.getStyleClass().add(styleClass);
    }
}
