package io.ransomtrace.importers;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real-world fixtures (test data only, never shipped). */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixtures folder; skips the calling test with a clear message when it is not checked out. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures");
            if (Files.isDirectory(candidate.resolve("auditd"))) {
                return candidate;
            }
        }
        Assumptions.assumeTrue(false, "shared fixtures (../shared/fixtures) not found above " + start);
        return null;
    }

    public static Path auditd(String relative) {
        return root().resolve("auditd").resolve(relative);
    }

    public static Path laurel(String relative) {
        return root().resolve("laurel").resolve(relative);
    }
}
