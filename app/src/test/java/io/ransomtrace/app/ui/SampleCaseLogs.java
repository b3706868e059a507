package io.ransomtrace.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the UI tests find the recorded mixed-workday sample's logs. */
public final class SampleCaseLogs {
    public static final String MISSING = "mixed-workday sample logs not found (class path sample-cases/mixed-workday, "
            + "../sample-cases/cases/mixed-workday, or -Dransomtrace.samples=DIR)";

    private SampleCaseLogs() {
    }

    /** The folder with the sample's logs, or null when the sample is nowhere to be found. */
    public static Path mixedWorkday() throws Exception {
        String prop = System.getProperty("ransomtrace.samples");
        if (prop != null && Files.isDirectory(Path.of(prop, "mixed-workday"))) {
            return Path.of(prop, "mixed-workday");
        }
        if (BundledSampleCase.bundled()) {
            return BundledSampleCase.extractLogs();
        }
        for (Path p : List.of(Path.of("../sample-cases/cases/mixed-workday"), Path.of("sample-cases/cases/mixed-workday"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
