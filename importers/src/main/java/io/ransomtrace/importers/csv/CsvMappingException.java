package io.ransomtrace.importers.csv;

import java.util.List;

/** A column mapping that cannot be read or used; {@link #problems()} lists each problem in plain words. */
public final class CsvMappingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CsvMappingException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
