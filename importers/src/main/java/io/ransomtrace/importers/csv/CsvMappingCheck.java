package io.ransomtrace.importers.csv;

import java.util.List;

/**
 * How well a mapping fits a CSV header.
 *
 * @param mapping  the mapping checked
 * @param errors   problems that make the mapping unusable on this file (a required column missing)
 * @param warnings columns the mapping names that the file lacks; those fields stay empty
 */
public record CsvMappingCheck(CsvMapping mapping, List<String> errors, List<String> warnings) {

    public CsvMappingCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean fits() {
        return errors.isEmpty();
    }
}
