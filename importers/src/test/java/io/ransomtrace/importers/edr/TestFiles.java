package io.ransomtrace.importers.edr;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates test data: this module's resources and the shared fixtures beside the repository. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        URL url = TestFiles.class.getResource("/edr/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource /edr/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared fixtures folder ({@code ../shared/fixtures} from the repository root); skips the test if absent. */
    public static Path fixture(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            for (Path candidate : new Path[]{dir.resolve("../shared/fixtures"), dir.resolve("shared/fixtures")}) {
                Path p = candidate.resolve(relative).normalize();
                if (Files.exists(p)) {
                    return p;
                }
            }
        }
        assumeTrue(false, "shared fixture " + relative + " not found above " + Path.of("").toAbsolutePath()
                + " (expected ../shared/fixtures next to the repository)");
        return null;
    }
}
