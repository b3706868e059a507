package io.ransomtrace.app.store;

/** A query on an open case failed (the file became unreadable, the disk failed). */
public class CaseStoreException extends RuntimeException {
    public CaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
