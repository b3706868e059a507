package io.ransomtrace.app.casefile;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.analysis.EngineVersion;
import io.ransomtrace.app.analysis.SettingsHash;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.LastAnalysis;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Detection results kept in the case ({@link LastAnalysis}): run the detector over the stored events and keep what
 * it concluded with the processes of each campaign, and tell whether what is kept still holds for the present
 * engine, settings and sources, so that opening a case shows kept findings at once and analyses again only when
 * something changed. {@link CaseSession} is its one user.
 */
final class KeptAnalysis {

    private KeptAnalysis() {
    }

    /** What a run over the case with these settings would be computed from now. */
    static LastAnalysis.Stamp stampNow(CaseStore store, DetectionSettings settings) {
        return new LastAnalysis.Stamp(EngineVersion.current(), SettingsHash.of(settings),
                store.lastAnalysis().caseData());
    }

    /** The kept run, whatever it was computed from (empty when none is kept or it cannot be read). */
    static Optional<LastAnalysis.Run> kept(CaseStore store) {
        return store.lastAnalysis().read();
    }

    /**
     * The kept run with only the findings an export chooses ({@link LastAnalysis#read(List, Severity)}), when it
     * holds for these settings (its stamp is checked before any finding is read); else empty.
     */
    static Optional<LastAnalysis.Run> keptChosen(CaseStore store, DetectionSettings settings, List<String> ids,
                                                  Severity floor) {
        if (!holds(store, settings)) {
            return Optional.empty();
        }
        return store.lastAnalysis().read(ids, floor);
    }

    /** True when the kept run was computed by this engine, with these settings, from the case as it is now. */
    static boolean holds(LastAnalysis.Run run, CaseStore store, DetectionSettings settings) {
        return run.stamp().equals(stampNow(store, settings));
    }

    /** True when a run is kept and holds (reads only the stamp). */
    static boolean holds(CaseStore store, DetectionSettings settings) {
        return store.lastAnalysis().stamp().map(s -> s.equals(stampNow(store, settings))).orElse(false);
    }

    /**
     * Replays the case through the detector and the coverage assessment and, when the case is writable, keeps
     * the result in it with the processes of every campaign. A case imported before the replay table existed is
     * packed for re-runs first (once).
     *
     * @param cancelled polled every event
     * @return the run, or empty when cancelled (nothing is kept then)
     */
    static Optional<LastAnalysis.Run> analyseAndKeep(CaseStore store, DetectionSettings settings,
                                                            BooleanSupplier cancelled) throws IOException {
        long start = System.nanoTime();
        LastAnalysis.Stamp stamp = stampNow(store, settings);
        if (!store.readOnly() && !store.queries().replaysFromChunks()) {
            store.packForReplay(cancelled);
        }
        // Coverage depends on the events alone: when only the settings changed, the kept assessment still holds
        // and the re-run feeds the detector only.
        Optional<List<HostCoverage>> coverage = store.lastAnalysis().stamp()
                .filter(s -> s.engineVersion().equals(stamp.engineVersion()) && s.caseData().equals(stamp.caseData()))
                .flatMap(s -> store.lastAnalysis().coverage());
        CaseAnalysis.Result r;
        if (coverage.isPresent()) {
            CaseAnalysis.Result found = CaseAnalysis.findingsOnly(store.queries(), settings, cancelled);
            r = new CaseAnalysis.Result(found.findings(), coverage.get(), found.events(), found.cancelled());
        } else {
            r = CaseAnalysis.run(store.queries(), settings, cancelled);
        }
        if (r.cancelled()) {
            return Optional.empty();
        }
        return Optional.of(keep(store, stamp, r.findings(), r.coverage(), r.events(), start, !store.readOnly()));
    }

    /**
     * Keeps findings computed already (a live-tuning preview the analyst kept) with the coverage of the same
     * events, locating every campaign's processes.
     *
     * @throws io.ransomtrace.app.store.CaseStoreException when the case is read-only
     */
    static LastAnalysis.Run keep(CaseStore store, DetectionSettings settings, List<Finding> findings,
                                 List<HostCoverage> coverage, long events) {
        return keep(store, stampNow(store, settings), findings, coverage, events, System.nanoTime(), true);
    }

    /** @param write false on a read-only case: the run is only built (its campaigns are not located either) */
    private static LastAnalysis.Run keep(CaseStore store, LastAnalysis.Stamp stamp, List<Finding> findings,
                                         List<HostCoverage> coverage, long events, long startNanos, boolean write) {
        List<Long> roots = new ArrayList<>(java.util.Collections.nCopies(findings.size(), (Long) null));
        List<List<Long>> campaigns = new ArrayList<>(java.util.Collections.nCopies(findings.size(), List.of()));
        if (write) { // a read-only case keeps nothing: its campaigns are located when a view asks
            CampaignProcessKeys.Campaigns located = new CampaignProcessKeys(store.queries()).locate(findings);
            roots = located.roots();
            campaigns = located.processes();
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LastAnalysis.Run run = new LastAnalysis.Run(stamp, Instant.now(), millis, events, findings, roots, coverage);
        if (write) {
            store.lastAnalysis().write(run, campaigns);
        }
        return run;
    }
}
