package io.ransomtrace.importers;

import io.ransomtrace.engine.model.Event;

/**
 * Where an importer delivers what it read. Called on the importer's thread, in source order.
 * Implementations must be fast (a bounded queue hand-off) because importers stream millions of events.
 */
public interface ImportSink {

    void event(Event event);

    void quarantined(QuarantinedRecord record);

    /** Progress: bytes of the (compressed) input consumed so far. Called every few thousand records. */
    default void progress(long bytesRead, long totalBytes) {
    }

    /** Importers poll this between records and stop early (returning partial stats) when it says true. */
    default boolean cancelled() {
        return false;
    }
}
