package io.ransomtrace.app.analysis;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A re-run of a large case shows what it has found before it ends. */
class CaseAnalysisPartialTest {

    @TempDir
    Path dir;

    @Test
    void aReRunReportsItsProgressAndTheAlertsSoFarThenTheFindings() throws Exception {
        try (CaseStore store = CaseStore.create(dir.resolve("c.rtcase"))) {
            new ImportPipeline(new TestCatalog(), ImportOptions.defaults()).run(store,
                    List.of(campaign(dir.resolve("a.log"), 2_000)), ImportProgressListener.NONE,
                    new Cancellation());
            List<CaseAnalysis.Partial> partials = new ArrayList<>();
            List<Finding> found = CaseAnalysis.findings(store.queries(), DetectionSettings.defaults(), () -> false,
                    4_003, 1_000, partials::add);

            assertThat(found).isEqualTo(CaseAnalysis.run(store.queries(), DetectionSettings.defaults()).findings());
            assertThat(partials).extracting(CaseAnalysis.Partial::events).containsExactly(1_000L, 2_000L, 3_000L,
                    4_000L, 4_003L);
            assertThat(partials).allSatisfy(p -> assertThat(p.total()).isEqualTo(4_003));
            assertThat(partials.get(0).alerts()).as("the locker is alerted on long before the end").isNotEmpty()
                    .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.HIGH)).isTrue());
            assertThat(partials.get(partials.size() - 1).alerts()).isEqualTo(found);
        }
    }

    /** A locker rewriting and renaming {@code files} files, an event every 10 ms (2 * files + 3 events). */
    private static Path campaign(Path file, int files) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        long t = TinyLogWriter.START_MICROS;
        sb.append(t).append("|web-01|4242|1|/usr/bin/bash|EXEC|bash\n");
        sb.append(t += 10_000).append("|web-01|4300|4242|/tmp/locker|EXEC|/tmp/locker --all /srv\n");
        for (int i = 0; i < files; i++) {
            String p = "/srv/share/d" + (i % 100) + "/f" + i + ".doc";
            sb.append(t += 10_000).append("|web-01|4300|4242|/tmp/locker|WRITE|").append(p).append('\n');
            sb.append(t += 10_000).append("|web-01|4300|4242|/tmp/locker|RENAME|").append(p).append('|').append(p)
                    .append(".locked\n");
        }
        sb.append(t + 10_000).append("|web-01|4300|4242|/tmp/locker|EXIT|0\n");
        return java.nio.file.Files.writeString(file, sb);
    }
}
