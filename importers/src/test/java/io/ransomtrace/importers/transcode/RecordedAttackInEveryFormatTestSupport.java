package io.ransomtrace.importers.transcode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the recorded openssl-over-find attack lies (sample case attack-openssl-find). */
final class RecordedAttackInEveryFormatTestSupport {
    private RecordedAttackInEveryFormatTestSupport() {
    }

    static Path recordedLog() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases/attack-openssl-find"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with sample-cases above the test's folder").isNotNull();
        return dir.resolve("sample-cases/cases/attack-openssl-find/audit.log");
    }
}
