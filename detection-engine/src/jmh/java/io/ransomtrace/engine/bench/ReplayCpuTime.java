package io.ransomtrace.engine.bench;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * A companion to {@link DetectorBenchmark} for busy machines: replays one million stored events repeatedly and
 * reports events per CPU-second of the replaying thread (wall-clock numbers are meaningless when other
 * processes hold the cores). Not a substitute for the JMH run on a quiet machine.
 *
 * <pre>
 * java -cp detection-engine/target/benchmarks.jar io.ransomtrace.engine.bench.ReplayCpuTime 20
 * </pre>
 */
public final class ReplayCpuTime {
    private ReplayCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Event> events = new ArrayList<>(DetectorBenchmark.EVENTS);
        SyntheticEvents.generate(DetectorBenchmark.EVENTS, events::add);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Profile profile = Profile.defaults();
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long cpu = mx.getCurrentThreadCpuTime();
            Detector d = new Detector(profile, Allowlist.empty());
            for (int i = 0, n = events.size(); i < n; i++) {
                d.accept(events.get(i));
            }
            int findings = d.finish().size();
            double seconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
            double rate = events.size() / seconds;
            best = Math.max(best, rate);
            System.out.printf("round %2d: %,.0f events per CPU-second (%d findings)%n", r, rate, findings);
        }
        System.out.printf("best: %,.0f events per CPU-second%n", best);
    }
}
