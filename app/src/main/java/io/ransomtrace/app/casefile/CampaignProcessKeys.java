package io.ransomtrace.app.casefile;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The processes of a finding's campaign in the case: its root (the engine names it by host and pid, and pids are
 * reused, so: an evidence event's process, or its nearest ancestor with the root's pid) and the root's
 * descendants. The same answer as {@link CampaignLocator}, by key-only look-ups, because an analysis locates every
 * finding's campaign and a busy case has hundreds of findings.
 */
final class CampaignProcessKeys {
    /** A root whose descendants are a whole host (init, a long-running daemon) keeps this many of them. */
    static final int MAX_KEPT = 10_000;

    private final CaseQueries queries;
    private final CampaignLocator fallback;

    CampaignProcessKeys(CaseQueries queries) {
        this.queries = queries;
        this.fallback = new CampaignLocator(queries);
    }

    Optional<Long> root(Finding f) {
        if (f.rootProcess() == null) {
            return Optional.empty();
        }
        int pid = f.rootProcess().pid();
        for (EvidenceRef ref : f.evidence()) {
            Optional<Long> key = queries.processOf(ref.eventId());
            if (key.isPresent()) {
                Optional<Long> root = queries.selfOrAncestorWithPid(key.get(), pid);
                if (root.isPresent()) {
                    return root;
                }
            }
        }
        // no evidence event leads there: the process with that pid acting around the campaign's start
        return fallback.root(f).map(ProcessNode::key);
    }

    List<Long> lineage(long rootKey) {
        return queries.lineageKeys(rootKey, MAX_KEPT);
    }

    /** Every finding's campaign, in the findings' order: its root's key (null when not found) and its processes. */
    record Campaigns(List<Long> roots, List<List<Long>> processes) {
    }

    /**
     * {@link #root} and {@link #lineage} of many findings with a few queries: the first evidence event of each
     * finding answers for most (the pid is its own process's or an ancestor's); the rest are looked up one by one.
     */
    Campaigns locate(List<Finding> findings) {
        Map<Long, Integer> pidByEvent = new HashMap<>();
        for (Finding f : findings) {
            if (f.rootProcess() != null && !f.evidence().isEmpty()) {
                pidByEvent.put(f.evidence().get(0).eventId(), f.rootProcess().pid());
            }
        }
        Map<Long, Long> byFirstEvidence = queries.selfOrAncestorsWithPid(pidByEvent);
        List<Long> roots = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Long root = f.rootProcess() == null || f.evidence().isEmpty() ? null
                    : byFirstEvidence.get(f.evidence().get(0).eventId());
            roots.add(root != null ? root : root(f).orElse(null));
        }
        Map<Long, List<Long>> lineages = queries.lineagesKeys(roots.stream().filter(Objects::nonNull).toList(),
                MAX_KEPT);
        List<List<Long>> processes = new ArrayList<>(findings.size());
        for (Long root : roots) {
            processes.add(root == null ? List.of() : lineages.getOrDefault(root, List.of(root)));
        }
        return new Campaigns(roots, processes);
    }
}
