package io.ransomtrace.engine;

/**
 * Thrown by {@link Detector#accept} when the thread feeding it was interrupted: the run was cancelled (the
 * workbench's live tuning interrupts a re-run made stale by a newer parameter change). The detector is left
 * half-way and must be thrown away; the thread's interrupt flag is left set for the caller to see.
 */
public final class DetectionCancelledException extends RuntimeException {
    private final long eventsAccepted;

    public DetectionCancelledException(long eventsAccepted) {
        super("detection cancelled after " + eventsAccepted + " events: the thread was interrupted");
        this.eventsAccepted = eventsAccepted;
    }

    /** Events handed to the detector before it noticed the interrupt. */
    public long eventsAccepted() {
        return eventsAccepted;
    }
}
