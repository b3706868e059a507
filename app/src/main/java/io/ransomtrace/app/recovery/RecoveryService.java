package io.ransomtrace.app.recovery;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.campaign.CampaignProcesses;
import io.ransomtrace.app.campaign.FindingSelection;
import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.recovery.RecoveryPlan;
import io.ransomtrace.engine.recovery.RecoveryPlanner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Plans how a finding's originals come back, from the case alone: replays the campaign's lineage (its commands
 * and file changes) and hands them to the engine's {@link RecoveryPlanner}. No UI: the CLI's {@code recover},
 * the briefing and the workbench's Recovery section all call it.
 */
public final class RecoveryService {

    private static final Set<EventKind> KINDS = Set.of(EventKind.EXEC, EventKind.EXIT, EventKind.CREATE,
            EventKind.WRITE, EventKind.TRUNCATE, EventKind.RENAME, EventKind.DELETE, EventKind.LINK);

    private RecoveryService() {
    }

    /** The plan of one finding of an analysed case. */
    public static FindingRecovery plan(CaseQueries q, Finding f, BooleanSupplier cancelled) {
        Optional<ProcessNode> root = CampaignProcesses.root(q, f);
        if (root.isEmpty() || f.firstSeen() == null) {
            return new FindingRecovery(f.id(), f.host(), f.title(), new RecoveryPlan(List.of(), List.of()),
                    "The campaign's processes are not in the case: nothing to plan from.");
        }
        Instant from = f.firstSeen();
        if (root.get().start() != null && root.get().start().isBefore(from)) {
            from = root.get().start(); // the root's own exec, and a pipeline feeding it, may come before the first change
        }
        Instant to = f.lastSeen() == null ? null : f.lastSeen().plusMillis(1);
        CampaignTrail trail = new CampaignTrail(f.firstSeen());
        boolean[] stopped = {false};
        q.replay(EventFilter.all().ofLineage(root.get().key()).ofKinds(KINDS).between(from, to), e -> {
            if (cancelled.getAsBoolean()) {
                stopped[0] = true;
                return false;
            }
            trail.accept(e);
            return true;
        });
        if (stopped[0]) {
            throw new RecoveryCancelledException();
        }
        RecoveryPlan plan = RecoveryPlanner.plan(trail.commands(), trail.changedFiles(), trail.destroyedCopies(),
                trail.fileEventsSeen());
        return new FindingRecovery(f.id(), f.host(), f.title(), plan, null);
    }

    /**
     * The plans of the chosen findings of a case, judged with the case's own profile and allowlist (what the
     * workbench shows): the given ids, or every unsuppressed finding at or above {@code minSeverity}.
     *
     * @throws IllegalArgumentException when an id names no finding of the case
     */
    public static List<FindingRecovery> plan(CaseStore store, List<String> findingIds, Severity minSeverity,
                                             BooleanSupplier cancelled) {
        CaseQueries q = store.queries();
        CaseAnalysis.Result analysis = CaseAnalysis.run(q, DetectionSettings.ofCase(store), cancelled);
        if (analysis.cancelled()) {
            throw new RecoveryCancelledException();
        }
        List<FindingRecovery> out = new ArrayList<>();
        for (Finding f : FindingSelection.choose(analysis.findings(), findingIds, minSeverity)) {
            out.add(plan(q, f, cancelled));
        }
        return out;
    }
}
