package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.Importers;
import io.ransomtrace.importers.InputExpander;
import io.ransomtrace.importers.Sniffer;
import io.ransomtrace.importers.auditd.NamesByLogSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The importers module's own input expansion, format sniffing and per-format importers. Inputs are expanded as
 * {@code scan} expands them ({@link InputExpander#logFiles}): documentation files found in a folder beside the
 * logs (README.md, truth.yaml, checksums) are left out; any other file that is not a log is kept, so the import
 * reports it rather than skipping it silently. One catalog serves one import run.
 */
public final class BuiltInImporters implements ImporterCatalog {
    /** Account names learned from one file name the processes of the next (a rotated set, read oldest first). */
    private final NamesByLogSet names = new NamesByLogSet();

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
        return Importers.forFormat(format, names);
    }
}
