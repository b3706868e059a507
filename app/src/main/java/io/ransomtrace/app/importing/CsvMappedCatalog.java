package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.csv.CsvMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A catalog that reads CSV through the analyst's mapping for one import run (the window's mapping editor,
 * {@code import --csv-mapping}), and everything else as usual.
 */
public record CsvMappedCatalog(ImporterCatalog delegate, CsvMapping mapping) implements ImporterCatalog {

    @Override
    public List<Path> expand(List<Path> inputs) throws IOException {
        return delegate.expand(inputs);
    }

    @Override
    public Format sniff(Path file) throws IOException {
        return delegate.sniff(file);
    }

    @Override
    public Optional<Importer> importerFor(Format format) {
        return format == Format.CSV ? Optional.of(new CsvImporter(mapping)) : delegate.importerFor(format);
    }
}
