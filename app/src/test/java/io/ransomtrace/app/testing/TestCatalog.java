package io.ransomtrace.app.testing;

import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Importers for the two test formats. {@link Format} is a closed enum of real formats, so the test formats
 * borrow two of its constants; sniffing is real (it looks at the file's first bytes).
 */
public class TestCatalog implements ImporterCatalog {

    public static final Format JSON_EVENTS = Format.LAUREL;
    public static final Format TINY_LOG = Format.CSV;

    @Override
    public List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Format sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String s = new String(head, StandardCharsets.UTF_8);
        if (s.startsWith("{\"")) {
            return JSON_EVENTS;
        }
        if (s.matches("(?s)^\\d+\\|.*")) {
            return TINY_LOG;
        }
        return Format.UNKNOWN;
    }

    @Override
    public Optional<Importer> importerFor(Format format) {
        if (format == JSON_EVENTS) {
            return Optional.of(new EventJsonLinesImporter());
        }
        if (format == TINY_LOG) {
            return Optional.of(new TinyLogImporter());
        }
        return Optional.empty();
    }
}
