package io.ransomtrace.engine.bench;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The detector alone on stored events (what re-tuning a case does): one million events already in memory,
 * replayed through a fresh detector per invocation. The score is events per second on one thread.
 *
 * <pre>
 * mvn -q -pl detection-engine -P bench package -DskipTests
 * java -jar detection-engine/target/benchmarks.jar DetectorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DetectorBenchmark {
    static final int EVENTS = 1_000_000;

    private List<Event> events;
    private Profile profile;

    @Setup(Level.Trial)
    public void setUp() {
        events = new ArrayList<>(EVENTS);
        SyntheticEvents.generate(EVENTS, events::add);
        profile = Profile.defaults();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public List<Finding> detectStoredEvents() {
        Detector d = new Detector(profile, Allowlist.empty());
        for (int i = 0, n = events.size(); i < n; i++) {
            d.accept(events.get(i));
        }
        return d.finish();
    }
}
