package io.ransomtrace.app.ui.mainwindow;

import javafx.scene.input.KeyCode;

/** The investigation tabs below the findings, in their order on screen, with their Ctrl+digit shortcut. */
public enum InvestigationTab {
    PROCESS_TREE("tab-process-tree", "Process tree", KeyCode.DIGIT1),
    TIMELINE("tab-timeline", "File-rewrite timeline", KeyCode.DIGIT2),
    SPREAD_MAP("tab-spread", "Note spread map", KeyCode.DIGIT3),
    EVENTS("tab-events", "Events", KeyCode.DIGIT4),
    COVERAGE("tab-coverage", "Coverage", KeyCode.DIGIT5);

    private final String id;
    private final String title;
    private final KeyCode shortcut;

    InvestigationTab(String id, String title, KeyCode shortcut) {
        this.id = id;
        this.title = title;
        this.shortcut = shortcut;
    }

    /** The tab's node id ({@code #tab-events}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    KeyCode shortcut() {
        return shortcut;
    }
}
