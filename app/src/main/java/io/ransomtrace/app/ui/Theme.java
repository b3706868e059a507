package io.ransomtrace.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks of the workbench. AtlantaFX Primer: calm, dense, readable for long sessions. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** Applies this theme to every window of the application (must run on the JavaFX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The theme currently applied, LIGHT when none of ours is. */
    public static Theme current() {
        return DARK.userAgentStylesheet.equals(Application.getUserAgentStylesheet()) ? DARK : LIGHT;
    }
}
