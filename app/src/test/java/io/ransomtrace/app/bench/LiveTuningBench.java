package io.ransomtrace.app.bench;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.engine.DetectionCancelledException;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.profile.Profile;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live tuning on a large case, as the tuning panel drives it: a threshold moves, a re-run starts and streams
 * partial results; the threshold moves again before it ends, so the stale run is interrupted (latest wins) and
 * a new one starts. Prints how long the stale run took to stop, how soon the new run showed its first partial
 * result, and how long it took in all. Not a unit test.
 * Run: {@code java -Xmx1g -cp "app/target/test-classes:app/target/classes:app/target/lib/*"
 * io.ransomtrace.app.bench.LiveTuningBench CASE [MILLIS_BEFORE_THE_SECOND_CHANGE]}.
 */
public final class LiveTuningBench {
    public static void main(String[] args) throws Exception {
        long firstChangeRuns = args.length > 1 ? Long.parseLong(args[1]) : 1500;
        try (CaseStore store = CaseStore.openReadOnly(Path.of(args[0]))) {
            long total = store.queries().sources().stream().mapToLong(SourceInfo::events).sum();
            CaseSettings kept;
            try (CaseSession session = CaseSession.openReadOnly(Path.of(args[0]))) {
                kept = session.settings();
            }
            Profile base = kept.profile();
            DetectionSettings first = kept.withProfile(base.with("severity.high", 55L)).detection();
            DetectionSettings second = kept.withProfile(base.with("severity.high", 60L)).detection();

            AtomicLong firstPartialNanos = new AtomicLong();
            long start = System.nanoTime();
            Thread stale = new Thread(() -> run(store, first, total, start, new AtomicLong()), "stale-run");
            stale.start();
            Thread.sleep(firstChangeRuns);
            long interrupted = System.nanoTime();
            stale.interrupt();
            stale.join();
            long stopped = System.nanoTime();

            long secondStart = System.nanoTime();
            List<Finding> found = run(store, second, total, secondStart, firstPartialNanos);
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "%,d events, %d findings (2 cores, load %.1f)%n", total, found.size(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "  stale run stopped %.0f ms after the second change%n",
                    (stopped - interrupted) / 1e6);
            System.out.printf(Locale.ROOT, "  new run: first partial result after %.2f s, all findings after %.2f s%n",
                    firstPartialNanos.get() / 1e9, (end - secondStart) / 1e9);
        }
    }

    private static List<Finding> run(CaseStore store, DetectionSettings settings, long total, long start,
                                     AtomicLong firstPartial) {
        try {
            return CaseAnalysis.findings(store.queries(), settings, () -> Thread.currentThread().isInterrupted(), total,
                    CaseAnalysis.PARTIAL_EVERY, p -> firstPartial.compareAndSet(0, System.nanoTime() - start));
        } catch (DetectionCancelledException e) {
            return List.of();
        }
    }
}
