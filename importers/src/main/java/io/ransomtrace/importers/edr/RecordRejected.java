package io.ransomtrace.importers.edr;

/** A record that cannot become an event; the message is the quarantine reason an analyst reads. */
public final class RecordRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordRejected(String reason) {
        super(reason, null, false, false);
    }
}
