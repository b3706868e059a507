package io.ransomtrace.app.bench;

import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detector alone over a case's events held in memory (no reading, no decoding), RUNS times: where a re-run's
 * time goes once the events are read. Not a unit test. Run (with room for a million events):
 * {@code java -Xmx4g -cp "app/target/test-classes:app/target/classes:app/target/lib/*"
 * io.ransomtrace.app.bench.DetectorBench CASE [RUNS]}.
 */
public final class DetectorBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Event> events = new ArrayList<>();
        try (CaseStore store = CaseStore.openReadOnly(Path.of(args[0]))) {
            store.queries().replay(EventFilter.all(), events::add);
        }
        DetectionSettings settings = DetectionSettings.defaults();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            Detector d = new Detector(settings.profile(), settings.allowlist());
            for (Event e : events) {
                d.accept(e);
            }
            List<Finding> found = d.finish();
            System.out.printf(Locale.ROOT, "run %d: %,d events, %d findings, %.3f s (CPU of the detector's thread %.3f s)%n",
                    r + 1, events.size(), found.size(), (System.nanoTime() - t) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
    }
}
