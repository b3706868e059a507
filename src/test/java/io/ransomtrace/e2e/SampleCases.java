package io.ransomtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The recorded sample cases in the repository ({@code sample-cases/cases/<name>}). */
final class SampleCases {
    private SampleCases() {
    }

    static Path dir() {
        return RepositoryRoot.find().resolve("sample-cases/cases");
    }

    static Path of(String name) {
        Path p = dir().resolve(name);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("sample case missing: " + p);
        }
        return p;
    }
}
