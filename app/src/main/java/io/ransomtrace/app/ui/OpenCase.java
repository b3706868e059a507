package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.ui.data.EventRows;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.SignalMeasurement;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case the window shows: the session, what the detector concluded with the case's settings, and what the
 * views need on top (its sources, event rows, signal badges per process). Built off the FX thread when a case is
 * opened or imported into; replaced as a whole after a re-run.
 *
 * @param badges signal badges per process key: the fired signals of the findings rooted there
 */
public record OpenCase(CaseSession session, CaseSession.Analysis analysis, List<SourceInfo> sources, EventRows rows,
                       Map<Long, Set<String>> badges) {

    /**
     * Judges the case with {@code settings} and reads what the views need.
     *
     * @return null when cancelled
     */
    static OpenCase analyse(CaseSession session, CaseSettings settings, TaskProgress progress) {
        List<SourceInfo> sources = session.sources();
        CaseSession.Analysis analysis = session.analyse(settings, progress);
        if (analysis == null) {
            return null;
        }
        // a writable case kept the analysis with its campaigns' roots: the badges are read, not looked up again
        Map<Long, Set<String>> badges = session.store().readOnly() ? badges(session, analysis.findings())
                : session.keptBadges();
        return new OpenCase(session, analysis, sources, new EventRows(sources), badges);
    }

    /**
     * The case as the analysis kept in it shows it, when that analysis still holds (same engine, same
     * settings, same sources): nothing is replayed. Null when it does not hold or none is kept.
     */
    static OpenCase kept(CaseSession session) {
        return session.keptAnalysis(session.settings()).map(a -> of(session, a)).orElse(null);
    }

    /**
     * The analysis kept in the case even when it no longer holds (another engine, other settings, a source
     * added since), to show while a fresh one runs. Null when none is kept.
     */
    static OpenCase lastKept(CaseSession session) {
        return session.lastKeptAnalysis().map(a -> of(session, a)).orElse(null);
    }

    private static OpenCase of(CaseSession session, CaseSession.Analysis analysis) {
        List<SourceInfo> sources = session.sources();
        return new OpenCase(session, analysis, sources, new EventRows(sources), session.keptBadges());
    }

    /** The same case with the findings of other settings (live tuning kept: no second replay). */
    OpenCase withFindings(CaseSettings settings, List<Finding> findings) {
        return new OpenCase(session, analysis.withFindings(settings, findings), sources, rows,
                badges(session, findings));
    }

    public CaseSettings settings() {
        return analysis.settings();
    }

    public List<Finding> findings() {
        return analysis.findings();
    }

    public List<HostCoverage> coverage() {
        return analysis.coverage();
    }

    public long events() {
        return analysis.events();
    }

    private static Map<Long, Set<String>> badges(CaseSession session, List<Finding> findings) {
        Map<Long, Set<String>> out = new HashMap<>();
        for (Finding f : findings) {
            session.campaigns().root(f).ifPresent(root -> {
                Set<String> b = out.computeIfAbsent(root.key(), k -> new LinkedHashSet<>());
                for (SignalMeasurement s : f.signals()) {
                    if (s.fired()) {
                        b.add(s.kind());
                    }
                }
            });
        }
        return out;
    }
}
