package io.ransomtrace.app.importing;

/**
 * Told how an import goes. Called on the import's writer thread (a UI must hand over to its own thread), a
 * few times a second at most, so implementations can afford to redraw.
 */
public interface ImportProgressListener {

    ImportProgressListener NONE = p -> {
    };

    void progress(ImportProgress progress);

    /** One file is done (imported, refused as a duplicate, interrupted...). */
    default void sourceFinished(SourceResult result) {
    }
}
