package io.ransomtrace.app.recovery;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.recovery.RecoveryPlan;
import io.ransomtrace.engine.recovery.RecoveryPlanner;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Plans how a finding's originals come back, from the case alone: replays the campaign's lineage (its commands
 * and file changes) and hands them to the engine's {@link RecoveryPlanner}. The case layer finds the campaign's
 * root (CaseSession.recoveryPlan) and calls it for the {@code recover} command, the briefing and the window.
 */
public final class RecoveryService {

    private static final Set<EventKind> KINDS = Set.of(EventKind.EXEC, EventKind.EXIT, EventKind.CREATE,
            EventKind.WRITE, EventKind.TRUNCATE, EventKind.RENAME, EventKind.DELETE, EventKind.LINK);

    private RecoveryService() {
    }

    /**
     * The plan of one finding whose root process the case holds.
     *
     * @param root the campaign's root process in the case (CampaignLocator.root), or null when the case does not
     *             hold it: the plan is then empty and says why
     * @throws RecoveryCancelledException when {@code cancelled} answered true while the case was being read
     */
    public static FindingRecovery plan(CaseQueries q, Finding f, ProcessNode root, BooleanSupplier cancelled) {
        if (root == null || f.firstSeen() == null) {
            return new FindingRecovery(f.id(), f.host(), f.title(), new RecoveryPlan(List.of(), List.of()),
                    "The campaign's processes are not in the case: nothing to plan from.");
        }
        Instant from = f.firstSeen();
        if (root.start() != null && root.start().isBefore(from)) {
            from = root.start(); // the root's own exec, and a pipeline feeding it, may come before the first change
        }
        Instant to = f.lastSeen() == null ? null : f.lastSeen().plusMillis(1);
        CampaignTrail trail = new CampaignTrail(f.firstSeen());
        boolean[] stopped = {false};
        q.replay(EventFilter.all().ofLineage(root.key()).ofKinds(KINDS).between(from, to), e -> {
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
}
