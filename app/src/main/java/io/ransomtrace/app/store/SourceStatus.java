package io.ransomtrace.app.store;

/** Where the import of a source stands. */
public enum SourceStatus {
    /** Being imported right now by this process. */
    IMPORTING,
    /** Every record of the file was read and stored. */
    COMPLETE,
    /**
     * The file was read as far as it goes, but its data ends early (a truncated or damaged gzip file): what could
     * be read is stored, and importing it again would give the same. The status note says where it stopped.
     */
    PARTIAL,
    /**
     * The import stopped before the end (cancelled, the process was killed, the file could not be read to the
     * end). Events committed so far are kept; the source can be imported again, which replaces them.
     */
    INTERRUPTED
}
