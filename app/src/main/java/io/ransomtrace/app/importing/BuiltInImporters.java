package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.Importers;
import io.ransomtrace.importers.InputExpander;
import io.ransomtrace.importers.Sniffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The importers module's own input expansion, format sniffing and per-format importers. Inputs are expanded as
 * {@code scan} expands them ({@link InputExpander#logFiles}): documentation files found in a folder beside the
 * logs (README.md, truth.yaml, checksums) are left out; any other file that is not a log is kept, so the import
 * reports it rather than skipping it silently.
 */
public final class BuiltInImporters implements ImporterCatalog {

    @Override
    public List<Path> expand(List<Path> inputs) throws IOException {
        return InputExpander.logFiles(inputs, true).files();
    }

    @Override
    public Format sniff(Path file) throws IOException {
        return Sniffer.sniff(file);
    }

    @Override
    public Optional<Importer> importerFor(Format format) {
        return Importers.forFormat(format);
    }
}
