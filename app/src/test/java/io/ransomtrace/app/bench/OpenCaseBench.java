package io.ransomtrace.app.bench;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.analysis.KeptAnalysis;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.LastAnalysis;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What opening a case in the window does before the findings list can be painted, timed in a fresh process:
 * open the case, read its settings and the kept analysis, check the kept analysis still holds, read the process
 * tree's badges. Prints the time and the number of findings; fails (exit 1) when no kept analysis holds, since the
 * window would then have to replay the case. Not a unit test.
 * Run: {@code java -Xmx1g -cp "app/target/test-classes:app/target/classes:app/target/lib/*"
 * io.ransomtrace.app.bench.OpenCaseBench CASE}.
 */
public final class OpenCaseBench {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (CaseStore store = CaseStore.open(Path.of(args[0]))) {
            DetectionSettings settings = DetectionSettings.ofCase(store);
            LastAnalysis.Run run = KeptAnalysis.kept(store).orElse(null);
            boolean holds = run != null && KeptAnalysis.holds(run, store, settings);
            Map<Long, Set<String>> badges = store.lastAnalysis().badges();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "open: %.3f s to the findings list (%d findings, %d badged processes, "
                    + "kept analysis %s)%n", seconds, run == null ? 0 : run.findings().size(), badges.size(),
                    holds ? "holds" : "missing or stale: the window would re-analyse");
            if (!holds) {
                System.exit(1);
            }
        }
    }
}
