package io.ransomtrace.engine.snapshot;

import java.io.IOException;

/** A snapshot that cannot be restored: corrupt, of another format version, or taken with another profile. */
public final class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message);
    }
}
