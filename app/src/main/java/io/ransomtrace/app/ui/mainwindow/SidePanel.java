package io.ransomtrace.app.ui.mainwindow;

/** The panels stacked as tabs on the right of the window, in their order on screen. */
public enum SidePanel {
    INSPECTOR("tab-inspector", "Inspector"),
    TUNING("tab-tuning", "Tuning"),
    ALLOWLIST("tab-allowlist", "Allowlist");

    private final String id;
    private final String title;

    SidePanel(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
