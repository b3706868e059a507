package io.ransomtrace.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the UI tests find the recorded mixed-workday sample's logs: in the repository's sample-cases module. */
public final class SampleCaseLogs {

    private SampleCaseLogs() {
    }

    /**
     * The sample's newest log gzip-compressed and cut in the middle of its compressed data, as a copy that was
     * interrupted: the first part decompresses, then the stream ends early.
     */
    public static Path truncatedGzip(Path dir) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(mixedWorkday().resolve("audit.log")));
        }
        byte[] all = bytes.toByteArray();
        return Files.write(dir.resolve("audit.log.3.gz"), java.util.Arrays.copyOf(all, all.length / 2));
    }

    /** The folder with the sample's logs; fails (never skips) when the repository does not hold it. */
    public static Path mixedWorkday() {
        for (Path p : List.of(Path.of("../sample-cases/cases/mixed-workday"), Path.of("sample-cases/cases/mixed-workday"))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("sample-cases/cases/mixed-workday not found from " + Path.of("").toAbsolutePath()
                + ": run the tests from the repository (mvn -B -ntp verify)");
    }
}
