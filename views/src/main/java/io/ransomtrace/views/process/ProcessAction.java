package io.ransomtrace.views.process;

/** What the analyst can ask for from a process's context menu. */
public enum ProcessAction {
    SHOW_EVENTS("Show this process's events"),
    ALLOWLIST_EXE("Allowlist this executable…"),
    ALLOWLIST_COMMAND("Allowlist this command line…"),
    ALLOWLIST_USER("Allowlist this user…"),
    TAG("Tag…");

    private final String label;

    ProcessAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
