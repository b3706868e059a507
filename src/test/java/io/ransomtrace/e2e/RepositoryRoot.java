package io.ransomtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever Maven runs the tests (the end-to-end module's folder). */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("ransomtrace")) && Files.isDirectory(dir.resolve("detection-engine"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
