package io.ransomtrace.importers;

import java.io.IOException;

/**
 * Reads one source and streams its events to a sink. Implementations keep memory bounded whatever the
 * input size, never let an exception escape for bad input (malformed data goes to
 * {@link ImportSink#quarantined}), and keep the {@link ImportStats} invariant.
 */
public interface Importer {

    Format format();

    /**
     * @throws IOException only when the file itself cannot be opened or read (missing, unreadable); bad content
     *                     is quarantined instead
     */
    ImportStats importSource(SourceFile source, ImportSink sink) throws IOException;
}
