package io.ransomtrace.importers;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world sample logs of other projects that the importers are checked against: test resources under
 * {@code src/test/resources/fixtures}, with where each came from and its licence in {@code fixtures/SOURCES.md}.
 * They are part of the repository: a test that cannot find one fails, it is never skipped.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixtures folder on the test class path. */
    public static Path root() {
        URL sources = Fixtures.class.getResource("/fixtures/SOURCES.md");
        if (sources == null) {
            throw new IllegalStateException("test resource /fixtures/SOURCES.md is missing from the class path");
        }
        try {
            return Path.of(sources.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path under the repository's sample-cases/ (the recorded cases), found by walking up from the module. */
    public static Path sampleCases(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root with sample-cases/ above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("sample-cases").resolve(relative);
    }

    /** A fixture file or folder; fails when the repository does not hold it. */
    public static Path file(String relative) {
        Path p = root().resolve(relative).normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture " + relative + " is missing under " + root());
        }
        return p;
    }

    public static Path auditd(String relative) {
        return file("auditd/" + relative);
    }

    public static Path laurel(String relative) {
        return file("laurel/" + relative);
    }
}
