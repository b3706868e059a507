package io.ransomtrace.app.casefile;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.engine.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** First start: the sample ships on the class path and becomes a case of its own, with its logs kept beside it. */
class BundledSampleCaseTest {

    @Test
    void theSampleLogsAreCopiedOutWithoutTheirGroundTruth(@TempDir Path tmp) throws Exception {
        assertThat(BundledSampleCase.bundled()).isTrue();
        Path logs = BundledSampleCase.extractLogs(tmp.resolve("logs"));
        try (Stream<Path> s = Files.list(logs)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .contains("audit.log").allMatch(n -> n.startsWith("audit.log"));
        }
    }

    @Test
    void theSampleCaseAppearsOnlyOnceCompleteAndShowsTheAttack(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("mixed-workday.rtcase");
        try (CaseSession session = BundledSampleCase.importInto(target, tmp.resolve("mixed-workday-logs"),
                ImportProgressListener.NONE, new Cancellation())) {
            assertThat(session.file()).isEqualTo(target);
            assertThat(target.resolveSibling("mixed-workday.rtcase.part")).doesNotExist();
            assertThat(session.sources()).allSatisfy(s -> assertThat(s.path()).startsWith(tmp.resolve("mixed-workday-logs")));
            assertThat(session.analyse(session.settings(), TaskProgress.NONE).findings())
                    .anyMatch(f -> f.severity() == Severity.CRITICAL);
        }
    }
}
