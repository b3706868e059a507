package io.ransomtrace.engine.bench;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;

import java.util.List;

/**
 * Memory check: streams N synthetic events (default 10 million, generated on the fly, never stored) through
 * one detector and reports heap use. Meant to be run with a small heap:
 *
 * <pre>
 * java -Xmx256m -cp detection-engine/target/benchmarks.jar io.ransomtrace.engine.bench.TenMillionEventsCheck 10000000
 * </pre>
 *
 * Exits with status 1 if the run fails or finds the wrong number of critical campaigns.
 */
public final class TenMillionEventsCheck {
    private TenMillionEventsCheck() {
    }

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Runtime rt = Runtime.getRuntime();
        Detector detector = new Detector(Profile.defaults(), Allowlist.empty());
        long[] seen = {0};
        long[] maxUsed = {0};
        long start = System.nanoTime();
        long expectedAttacks = SyntheticEvents.generate(count, e -> {
            detector.accept(e);
            if (++seen[0] % 1_000_000 == 0) {
                System.gc(); // measure what the detector keeps, not garbage waiting for collection
                long used = rt.totalMemory() - rt.freeMemory();
                maxUsed[0] = Math.max(maxUsed[0], used);
            }
        });
        List<Finding> findings = detector.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        System.out.printf("events: %,d in %.1f s (%,.0f events/s including generation)%n", seen[0], seconds, seen[0] / seconds);
        System.out.printf("live heap after GC, largest of the samples every 1M events: %,d MB; heap limit %,d MB%n", maxUsed[0] >> 20, rt.maxMemory() >> 20);
        System.out.printf("findings: %,d, critical: %,d (complete attacks in the stream: %,d)%n", findings.size(), critical, expectedAttacks);
        if (critical < expectedAttacks || critical > expectedAttacks + 1) {
            System.out.println("FAILED: unexpected number of critical campaigns");
            System.exit(1);
        }
        System.out.println("OK");
    }
}
