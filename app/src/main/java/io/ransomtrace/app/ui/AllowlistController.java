package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.profile.AllowlistRule;

import java.util.List;

/**
 * The allowlist panel (right): every change is stored in the case and the detector runs again with it, so a
 * suppressed finding shows greyed with its reason at once. Context menus start a rule from a process's
 * executable, command line or user.
 */
final class AllowlistController {
    private final MainWindow window;
    private final CurrentCase current;
    private final Notices notices;
    private final CaseLoader loader;

    AllowlistController(MainWindow window, CurrentCase current, Notices notices, CaseLoader loader) {
        this.window = window;
        this.current = current;
        this.notices = notices;
        this.loader = loader;
        window.allowlistEditor().setDefaultAuthor(System.getProperty("user.name", ""));
        window.allowlistEditor().setOnChanged(this::changed);
    }

    void show(OpenCase c) {
        window.allowlistEditor().setEntries(c.settings().allowlist());
    }

    /** Starts a new rule on {@code field} = {@code value}: the analyst gives the reason. */
    void prefill(AllowlistRule.MatchField field, String value) {
        window.showSidePanel(SidePanel.ALLOWLIST);
        window.allowlistEditor().prefill(field, value == null ? "" : value);
    }

    /** Stores the editor's rules in the case and re-runs the detector with them. */
    private void changed(List<AllowlistRule> rules) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        try {
            c.session().keepAllowlist(rules);
        } catch (RuntimeException e) {
            notices.error("Cannot store the allowlist", e);
            return;
        }
        loader.rerun(c.settings().withAllowlist(rules));
    }
}
