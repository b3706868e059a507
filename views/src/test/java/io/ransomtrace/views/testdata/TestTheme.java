package io.ransomtrace.views.testdata;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Tests show components under the theme the app uses, so CSS looked-up colours resolve as in production. */
public final class TestTheme {
    private TestTheme() {
    }

    public static void apply() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }
}
