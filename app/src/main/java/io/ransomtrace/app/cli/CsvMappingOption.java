package io.ransomtrace.app.cli;

import io.ransomtrace.importers.csv.CsvMapping;
import io.ransomtrace.importers.csv.CsvMappingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code --csv-mapping FILE.yaml} of {@code scan} and {@code import}: the column mapping (the YAML the window's
 * mapping editor saves, format in docs/csv-mappings.md) every CSV input is read through instead of the built-in
 * that fits its header.
 */
final class CsvMappingOption {

    /** Why a mapping file cannot be used, in words for the command line. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private CsvMappingOption() {
    }

    /** The mapping in {@code file}, or null when the option was not given. */
    static CsvMapping load(Path file) throws Unusable {
        if (file == null) {
            return null;
        }
        String shown = ScanReportText.shown(file.toString());
        if (Files.isDirectory(file)) {
            throw new Unusable("--csv-mapping " + shown + " is a folder, not a mapping file (YAML)");
        }
        try {
            return CsvMapping.load(file);
        } catch (NoSuchFileException e) {
            throw new Unusable("--csv-mapping " + shown + ": no such file");
        } catch (IOException e) {
            throw new Unusable("--csv-mapping " + shown + " cannot be read: " + ScanReportText.shown(e.getMessage()));
        } catch (CsvMappingException e) {
            StringBuilder why = new StringBuilder("--csv-mapping " + shown + " is not a usable column mapping:");
            for (String problem : e.problems()) {
                why.append("\n  - ").append(ScanReportText.shown(problem));
            }
            throw new Unusable(why.append("\n(format: docs/csv-mappings.md; the window's CSV mapping editor saves one)")
                    .toString());
        }
    }
}
