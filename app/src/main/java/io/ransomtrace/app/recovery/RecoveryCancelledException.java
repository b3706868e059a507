package io.ransomtrace.app.recovery;

/** Thrown when the caller cancelled a plan while the case was being read. */
public final class RecoveryCancelledException extends RuntimeException {
    public RecoveryCancelledException() {
        super("recovery planning cancelled");
    }
}
