package io.ransomtrace.views.inspector;

/** Where the inspector can take the analyst from an event or a process. */
public enum EventLink {
    /** Select the event's process in the process tree. */
    SHOW_IN_PROCESS_TREE("Show in process tree"),
    /** List the events of the event's process (or of the process shown) in the events grid. */
    EVENTS_OF_THIS_PROCESS("Events of this process");

    private final String label;

    EventLink(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
