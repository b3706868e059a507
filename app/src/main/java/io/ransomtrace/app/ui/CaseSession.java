package io.ransomtrace.app.ui;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.ui.data.CampaignLocator;
import io.ransomtrace.app.ui.data.CaseAllowlist;
import io.ransomtrace.app.ui.data.EventRows;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.SignalMeasurement;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.engine.profile.Profile;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An open case and what the detector concluded on it with the case's own profile and allowlist: built off the
 * FX thread when a case is opened or imported into, replaced as a whole after a re-run.
 *
 * @param badges signal badges per process key: the fired signals of the findings rooted there
 */
public record CaseSession(CaseStore store, List<SourceInfo> sources, EventRows rows, Profile profile,
                          List<AllowlistRule> allowlist, List<Finding> findings, List<HostCoverage> coverage,
                          Map<Long, Set<String>> badges, long events) {

    /** The profile stored as active in the case, or the shipped defaults. */
    static Profile activeProfile(CaseStore store) {
        return DetectionSettings.ofCase(store).profile();
    }

    /**
     * Runs the detector and the coverage assessment over the stored events.
     *
     * @return null when cancelled
     */
    static CaseSession analyse(CaseStore store, Profile profile, List<AllowlistRule> allowlist,
                               BackgroundTasks.Progress progress) {
        List<SourceInfo> sources = store.queries().sources();
        long total = Math.max(1, sources.stream().mapToLong(SourceInfo::events).sum());
        long start = System.nanoTime();
        long[] seen = {0};
        BooleanSupplier cancelled = () -> {
            long n = ++seen[0];
            if ((n & 1023) == 0) {
                double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                progress.update(Math.min(1, n / (double) total), String.format("%,d of %,d events", n, total),
                        String.format("%,.0f events/s", n / secs));
            }
            return progress.cancelled();
        };
        CaseAnalysis.Result r = CaseAnalysis.run(store.queries(),
                new DetectionSettings(profile, CaseAllowlist.toEngine(allowlist)), cancelled);
        if (r.cancelled()) {
            return null;
        }
        return new CaseSession(store, sources, new EventRows(sources), profile, allowlist, r.findings(),
                r.coverage(), badges(store, r.findings()), r.events());
    }

    static CaseSession open(CaseStore store, BackgroundTasks.Progress progress) {
        return analyse(store, activeProfile(store), CaseAllowlist.read(store.annotations()), progress);
    }

    CaseSession withFindings(Profile newProfile, List<AllowlistRule> newAllowlist, List<Finding> newFindings) {
        return new CaseSession(store, sources, rows, newProfile, newAllowlist, newFindings, coverage,
                badges(store, newFindings), events);
    }

    private static Map<Long, Set<String>> badges(CaseStore store, List<Finding> findings) {
        Map<Long, Set<String>> out = new HashMap<>();
        CampaignLocator locator = new CampaignLocator(store.queries());
        for (Finding f : findings) {
            locator.root(f).ifPresent(root -> {
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

    void close() {
        try {
            store.close();
        } catch (IOException e) {
            // Closing a read connection cannot lose data; nothing to tell the analyst.
        }
    }
}
