package io.ransomtrace.e2e.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice of the fuzz run in every build (fixed seed): mutated logs of every format through scan and import, and
 * every kind of crafted case through coverage, report, repair and import. The long run is {@code bench/fuzz.sh}.
 */
class FuzzSliceTest {

    @Test
    void mutatedLogsAndCraftedCasesCauseNoCrashNoHangAndNoBrokenInvariant(@TempDir Path work) throws Exception {
        FuzzRun.Report r = FuzzRun.run(new FuzzRun.Config(30, CraftedCases.all().size(), 1486, Duration.ofSeconds(30),
                new Mutation.Scale(2 << 20, 20_000), work, System.out, false));
        assertThat(r.failures()).as(r.summary()).isEmpty();
        assertThat(r.cases()).isGreaterThanOrEqualTo(20);
    }
}
