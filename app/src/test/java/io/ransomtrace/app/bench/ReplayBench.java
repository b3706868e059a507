package io.ransomtrace.app.bench;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.EventFilter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A full re-run of detection over a stored case, from the replay table and from the events table (a copy of the
 * case without its replay chunks), alternating, RUNS times each; prints the medians. Not a unit test.
 * Run: {@code java -Xmx1g -cp "app/target/test-classes:app/target/classes:app/target/lib/*"
 * io.ransomtrace.app.bench.ReplayBench CASE [RUNS]}.
 */
public final class ReplayBench {
    public static void main(String[] args) throws Exception {
        Path original = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path tableOnly = Files.createTempFile("rt-replay-table", CaseStore.EXTENSION);
        Files.copy(original, tableOnly, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tableOnly);
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM replay_chunks");
        }
        List<Double> replayChunks = new ArrayList<>();
        List<Double> replayTable = new ArrayList<>();
        List<Double> rerunChunks = new ArrayList<>();
        List<Double> rerunTable = new ArrayList<>();
        long events = 0;
        int findings = 0;
        for (int r = 0; r < runs; r++) {
            try (CaseStore chunks = CaseStore.openReadOnly(original);
                 CaseStore table = CaseStore.openReadOnly(tableOnly)) {
                if (!chunks.queries().replaysFromChunks() || table.queries().replaysFromChunks()) {
                    throw new IllegalStateException("the case has no complete replay table");
                }
                replayChunks.add(time(() -> chunks.queries().replay(EventFilter.all(), e -> true)));
                replayTable.add(time(() -> table.queries().replay(EventFilter.all(), e -> true)));
                long[] n = {0};
                int[] f = {0};
                rerunChunks.add(time(() -> {
                    CaseAnalysis.Result res = CaseAnalysis.run(chunks.queries(), DetectionSettings.defaults());
                    n[0] = res.events();
                    f[0] = res.findings().size();
                }));
                rerunTable.add(time(() -> CaseAnalysis.run(table.queries(), DetectionSettings.defaults())));
                events = n[0];
                findings = f[0];
            }
        }
        Files.delete(tableOnly);
        System.out.printf(Locale.ROOT, "%,d events, %d findings; medians of %d runs (%d cores, load %.1f)%n", events,
                findings, runs, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  replay only:              chunks %6.2f s   events table %6.2f s%n",
                median(replayChunks), median(replayTable));
        System.out.printf(Locale.ROOT, "  re-run (detector+coverage): chunks %6.2f s   events table %6.2f s%n",
                median(rerunChunks), median(rerunTable));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work w) throws Exception {
        long t = System.nanoTime();
        w.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
