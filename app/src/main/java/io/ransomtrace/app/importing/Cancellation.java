package io.ransomtrace.app.importing;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets the analyst stop a running import (the window's Cancel button, Ctrl-C on the command line). The import
 * stops at the next record, commits what it has, and marks the source interrupted so it can be re-imported.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
