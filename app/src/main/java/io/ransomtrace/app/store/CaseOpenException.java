package io.ransomtrace.app.store;

import java.io.IOException;

/** A case file could not be opened; the message says why in words an analyst can act on. */
public class CaseOpenException extends IOException {
    public CaseOpenException(String message) {
        super(message);
    }

    public CaseOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
