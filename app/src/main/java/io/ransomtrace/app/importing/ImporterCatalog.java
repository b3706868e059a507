package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the pipeline gets its importers from: the seam between the application and the importers module.
 * {@link BuiltInImporters} is the real one; tests may supply their own readers of real files.
 */
public interface ImporterCatalog {

    /** Turns the analyst's inputs (files, directories, rotated logs) into the files to import, in order. */
    List<Path> expand(List<Path> inputs) throws IOException;

    /** Tells the format of a file from its first bytes; {@link Format#UNKNOWN} when it is none we read. */
    Format sniff(Path file) throws IOException;

    /** The importer for a format, if there is one. */
    Optional<Importer> importerFor(Format format);

    static ImporterCatalog builtIn() {
        return new BuiltInImporters();
    }
}
