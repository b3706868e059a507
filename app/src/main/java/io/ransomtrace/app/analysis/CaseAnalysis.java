package io.ransomtrace.app.analysis;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.HostShardedDetection;
import io.ransomtrace.engine.coverage.CoverageAssessor;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;

import io.ransomtrace.engine.model.Event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

/**
 * Re-runs detection over a case's stored events, in time order, without re-parsing any log: what opening a
 * case, re-tuning a threshold and the exports do. The coverage assessment rides along in the same pass.
 */
public final class CaseAnalysis {

    /** What one pass over the case gave. {@code cancelled} runs carry partial results and must be discarded. */
    public record Result(List<Finding> findings, List<HostCoverage> coverage, long events, boolean cancelled) {
    }

    private CaseAnalysis() {
    }

    public static Result run(CaseQueries queries, DetectionSettings settings) {
        return run(queries, settings, () -> false);
    }

    /** @param cancelled polled every event; a true answer stops the replay early */
    public static Result run(CaseQueries queries, DetectionSettings settings, BooleanSupplier cancelled) {
        CoverageAssessor coverage = new CoverageAssessor();
        long[] events = {0};
        try (HostShardedDetection detection = detection(settings, null)) {
            boolean stopped = replay(queries, cancelled, e -> {
                events[0]++;
                detection.accept(e);
                coverage.accept(e);
            });
            return new Result(findings(detection, stopped), coverage.assess(), events[0], stopped);
        }
    }

    /** Findings only, as a result without coverage (which does not depend on the settings). */
    public static Result findingsOnly(CaseQueries queries, DetectionSettings settings, BooleanSupplier cancelled) {
        long[] events = {0};
        try (HostShardedDetection detection = detection(settings, null)) {
            boolean stopped = replay(queries, cancelled, e -> {
                events[0]++;
                detection.accept(e);
            });
            return new Result(findings(detection, stopped), List.of(), events[0], stopped);
        }
    }

    /** Findings only (for live tuning, where coverage does not change). */
    public static List<Finding> findings(CaseQueries queries, DetectionSettings settings, BooleanSupplier cancelled) {
        try (HostShardedDetection detection = detection(settings, null)) {
            return findings(detection, replay(queries, cancelled, detection));
        }
    }

    /**
     * How far a re-run has got, with what it found so far: the campaigns that reached the profile's alert
     * severity (as the detector raised them, latest state of each), so that a re-run of a large case shows its
     * most severe findings long before it ends.
     *
     * @param events events replayed so far
     * @param total  events in the case
     */
    public record Partial(long events, long total, List<Finding> alerts) {
    }

    /** How often a re-run of a large case reports its {@link Partial} result: every 65,536 events (tens of ms). */
    public static final long PARTIAL_EVERY = 1 << 16;

    /**
     * Findings only, reporting partial results every {@code every} events and the final findings at the end, on
     * the calling thread.
     */
    public static List<Finding> findings(CaseQueries queries, DetectionSettings settings, BooleanSupplier cancelled,
                                         long total, long every, Consumer<Partial> partial) {
        Map<String, Finding> alerts = new LinkedHashMap<>(); // filled on the detectors' threads
        Consumer<Finding> alerted = f -> {
            synchronized (alerts) {
                alerts.put(f.id(), f);
            }
        };
        long[] events = {0};
        try (HostShardedDetection detection = detection(settings, alerted)) {
            boolean stopped = replay(queries, cancelled, e -> {
                detection.accept(e);
                if (++events[0] % every == 0) {
                    detection.sync(); // the alerts so far are those of the events replayed so far
                    List<Finding> soFar;
                    synchronized (alerts) {
                        soFar = List.copyOf(alerts.values());
                    }
                    partial.accept(new Partial(events[0], total, soFar));
                }
            });
            List<Finding> found = findings(detection, stopped);
            partial.accept(new Partial(events[0], total, found));
            return found;
        }
    }

    /**
     * The detection of one replay: a detector per host (up to {@link HostShardedDetection#MAX_SHARDS}) on threads
     * of their own, as {@code scan} runs it, so that a re-run of a case of several hosts uses every core (the busy
     * four-host case: see bench/case-speed.sh) and gives scan's findings.
     */
    private static HostShardedDetection detection(DetectionSettings settings, Consumer<Finding> alerts) {
        return new HostShardedDetection(HostShardedDetection.MAX_SHARDS,
                () -> new Detector(settings.profile(), settings.allowlist(), alerts));
    }

    /** Every finding; none after a cancelled replay (whose results are discarded anyway). */
    private static List<Finding> findings(HostShardedDetection detection, boolean stopped) {
        return stopped ? List.of() : detection.finish();
    }

    /** Streams every event of the case in time order to {@code sink}; true when {@code cancelled} stopped it. */
    private static boolean replay(CaseQueries queries, BooleanSupplier cancelled, Consumer<Event> sink) {
        boolean[] stopped = {false};
        queries.replay(EventFilter.all(), e -> {
            if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return false;
            }
            sink.accept(e);
            return true;
        });
        return stopped[0];
    }
}
