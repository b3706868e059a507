package io.ransomtrace.app.ui;

import io.ransomtrace.views.common.StatusBar;

/** What the controllers tell the analyst: a line in the status bar, and errors also in a dialog. */
final class Notices {
    private final StatusBar statusBar;
    private final Dialogs dialogs;

    Notices(StatusBar statusBar, Dialogs dialogs) {
        this.statusBar = statusBar;
        this.dialogs = dialogs;
    }

    void say(String message) {
        statusBar.showIdle(message);
    }

    /** The status bar's current line, for adding to it. */
    String current() {
        return statusBar.message().getText();
    }

    void error(String what, Throwable e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        statusBar.showIdle(what + ": " + msg);
        dialogs.error(what, msg);
    }
}
