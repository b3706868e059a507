package io.ransomtrace.app.analysis;

import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.LastAnalysis;
import io.ransomtrace.engine.finding.Finding;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Detection results kept in the case: run the detector over the stored events and keep what it concluded
 * ({@link LastAnalysis}), and tell whether what is kept still holds for the present engine, settings and sources,
 * so that opening a case shows kept findings at once and analyses again only when something changed.
 */
public final class KeptAnalysis {

    private KeptAnalysis() {
    }

    /** What a run over the case with these settings would be computed from now. */
    public static LastAnalysis.Stamp stampNow(CaseStore store, DetectionSettings settings) {
        return new LastAnalysis.Stamp(EngineVersion.current(), SettingsHash.of(settings),
                store.lastAnalysis().caseData());
    }

    /** The kept run, whatever it was computed from (empty when none is kept or it cannot be read). */
    public static Optional<LastAnalysis.Run> kept(CaseStore store) {
        return store.lastAnalysis().read();
    }

    /** True when the kept run was computed by this engine, with these settings, from the case as it is now. */
    public static boolean holds(LastAnalysis.Run run, CaseStore store, DetectionSettings settings) {
        return run.stamp().equals(stampNow(store, settings));
    }

    /** True when a run is kept and holds (reads only the stamp). */
    public static boolean holds(CaseStore store, DetectionSettings settings) {
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
    public static Optional<LastAnalysis.Run> analyseAndKeep(CaseStore store, DetectionSettings settings,
                                                            BooleanSupplier cancelled) throws IOException {
        long start = System.nanoTime();
        LastAnalysis.Stamp stamp = stampNow(store, settings);
        if (!store.readOnly() && !store.queries().replaysFromChunks()) {
            store.packForReplay(cancelled);
        }
        // Coverage depends on the events alone: when only the settings changed, the kept assessment still holds
        // and the re-run feeds the detector only.
        Optional<LastAnalysis.Run> before = store.lastAnalysis().stamp()
                .filter(s -> s.engineVersion().equals(stamp.engineVersion()) && s.caseData().equals(stamp.caseData()))
                .flatMap(s -> store.lastAnalysis().read());
        CaseAnalysis.Result r;
        if (before.isPresent()) {
            CaseAnalysis.Result found = CaseAnalysis.findingsOnly(store.queries(), settings, cancelled);
            r = new CaseAnalysis.Result(found.findings(), before.get().coverage(), found.events(), found.cancelled());
        } else {
            r = CaseAnalysis.run(store.queries(), settings, cancelled);
        }
        if (r.cancelled()) {
            return Optional.empty();
        }
        CampaignProcessKeys processes = new CampaignProcessKeys(store.queries());
        List<Long> roots = new ArrayList<>(r.findings().size());
        List<List<Long>> campaigns = new ArrayList<>(r.findings().size());
        for (Finding f : r.findings()) {
            Optional<Long> root = processes.root(f);
            roots.add(root.orElse(null));
            campaigns.add(root.map(processes::lineage).orElse(List.of()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LastAnalysis.Run run = new LastAnalysis.Run(stamp, Instant.now(), millis, r.events(), r.findings(), roots,
                r.coverage());
        if (!store.readOnly()) {
            store.lastAnalysis().write(run, campaigns);
        }
        return Optional.of(run);
    }
}
