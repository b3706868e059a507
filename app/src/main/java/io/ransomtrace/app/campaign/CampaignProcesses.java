package io.ransomtrace.app.campaign;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a finding's processes in the case: the stored process instance of its root (the detector names the root
 * by pid, the store by key) and the chain of ancestors above it. The evidence events lead there: each belongs to
 * a process of the lineage, whose ancestors include the root.
 */
public final class CampaignProcesses {

    private CampaignProcesses() {
    }

    /** The root's process instance, or empty when no evidence event leads to it. */
    public static Optional<ProcessNode> root(CaseQueries q, Finding f) {
        if (f.rootProcess() == null) {
            return Optional.empty();
        }
        int rootPid = f.rootProcess().pid();
        for (EvidenceRef ref : f.evidence()) {
            Optional<StoredEvent> e = q.event(ref.eventId());
            if (e.isEmpty() || e.get().processKey() == null) {
                continue;
            }
            Optional<ProcessNode> self = q.process(e.get().processKey());
            if (self.isPresent() && self.get().pid() == rootPid && f.host().equals(self.get().host())) {
                return self;
            }
            for (ProcessNode a : q.ancestors(e.get().processKey())) {
                if (a.pid() == rootPid && f.host().equals(a.host())) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    /** Oldest known ancestor first, the root last: how the campaign came to run. */
    public static List<ProcessNode> chain(CaseQueries q, ProcessNode root) {
        List<ProcessNode> up = new ArrayList<>(q.ancestors(root.key()));
        java.util.Collections.reverse(up);
        up.add(root);
        return up;
    }
}
