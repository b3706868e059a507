package io.ransomtrace.app.analysis;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.coverage.CoverageAssessor;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;

import io.ransomtrace.engine.model.Event;

import java.util.List;
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
        Detector detector = new Detector(settings.profile(), settings.allowlist());
        CoverageAssessor coverage = new CoverageAssessor();
        long[] events = {0};
        boolean stopped = replay(queries, cancelled, e -> {
            events[0]++;
            detector.accept(e);
            coverage.accept(e);
        });
        return new Result(detector.finish(), coverage.assess(), events[0], stopped);
    }

    /** Findings only (for live tuning, where coverage does not change). */
    public static List<Finding> findings(CaseQueries queries, DetectionSettings settings, BooleanSupplier cancelled) {
        Detector detector = new Detector(settings.profile(), settings.allowlist());
        replay(queries, cancelled, detector);
        return detector.finish();
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
