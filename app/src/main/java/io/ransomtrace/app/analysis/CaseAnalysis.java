package io.ransomtrace.app.analysis;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.coverage.CoverageAssessor;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;

import java.util.List;
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
        boolean[] stopped = {false};
        long n = queries.replay(EventFilter.all(), e -> {
            if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return false;
            }
            detector.accept(e);
            coverage.accept(e);
            return true;
        });
        return new Result(detector.finish(), coverage.assess(), n, stopped[0]);
    }

    /** Findings only (for live tuning, where coverage does not change). */
    public static List<Finding> findings(CaseQueries queries, DetectionSettings settings, BooleanSupplier cancelled) {
        Detector detector = new Detector(settings.profile(), settings.allowlist());
        queries.replay(EventFilter.all(), e -> {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            detector.accept(e);
            return true;
        });
        return detector.finish();
    }
}
