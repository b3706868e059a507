package io.ransomtrace.app.testing;

import io.ransomtrace.app.importing.BuiltInImporters;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.CaseStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The recorded sample cases, imported into a fresh case file with the real importers. */
public final class SampleCases {
    private SampleCases() {
    }

    /** sample-cases/cases/NAME in the repository. */
    public static Path folder(String name) {
        for (Path p : List.of(Path.of("..", "sample-cases", "cases", name), Path.of("sample-cases", "cases", name))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample case " + name + " not found under sample-cases/cases/");
    }

    public static Path importCase(Path dir, String name) throws IOException {
        Path folder = folder(name);
        Path caseFile = dir.resolve(name + ".rtcase");
        try (CaseStore store = CaseStore.create(caseFile)) {
            new ImportPipeline(new BuiltInImporters(), ImportOptions.defaults())
                    .run(store, List.of(folder), ImportProgressListener.NONE, new Cancellation());
        }
        return caseFile;
    }
}
