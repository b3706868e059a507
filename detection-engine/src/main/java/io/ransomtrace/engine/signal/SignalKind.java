package io.ransomtrace.engine.signal;

/**
 * The signals the detector measures. Impact signals show that data was actually changed the way encryption
 * changes it; context signals (a tool ran, many files changed) only raise confidence.
 */
public enum SignalKind {
    ENCRYPTION_TOOL("encryption-tool", false),
    BULK_INVOCATION("bulk-invocation", false),
    MASS_MODIFICATION("mass-modification", false),
    EXTENSION_CHANGE("extension-change", true),
    OVERWRITE_IN_PLACE("overwrite-in-place", true),
    DELETE_AFTER_ENCRYPT("delete-after-encrypt", true),
    RANSOM_NOTE("ransom-note", true),
    CONTENT_HINT("content-hint", false),
    /** Not scored: decides when a campaign may be high before the volume shows (see EarlyCertaintySignal). */
    EARLY_CERTAINTY("early-certainty", false);

    private final String label;
    private final boolean impact;

    SignalKind(String label, boolean impact) {
        this.label = label;
        this.impact = impact;
    }

    /** Stable name used in findings and JSON. */
    public String label() {
        return label;
    }

    /** True when the signal shows data being changed, not only activity around it. */
    public boolean impact() {
        return impact;
    }
}
