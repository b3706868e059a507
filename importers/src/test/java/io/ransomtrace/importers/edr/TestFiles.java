package io.ransomtrace.importers.edr;

import io.ransomtrace.importers.Fixtures;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test data: this module's EDR resources and the real-world fixtures. */
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

    /** A file of the real-world fixtures ({@link Fixtures}); fails when the repository does not hold it. */
    public static Path fixture(String relative) {
        return Fixtures.file(relative);
    }
}
