package io.ransomtrace.app.casefile;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds a finding's processes in the case, for the window and the exports alike. The engine names the campaign's
 * root by host + pid (pids are reused), the store by key: take an evidence event's process and climb its
 * ancestors to the root's pid on the finding's host; failing that, the first process with that pid acting
 * around the campaign's first event.
 */
public final class CampaignLocator {
    private final CaseQueries queries;

    public CampaignLocator(CaseQueries queries) {
        this.queries = queries;
    }

    /** The root's process instance, or empty when the case does not hold it. */
    public Optional<ProcessNode> root(Finding f) {
        if (f.rootProcess() == null) {
            return Optional.empty();
        }
        int pid = f.rootProcess().pid();
        for (EvidenceRef ref : f.evidence()) {
            Optional<StoredEvent> e = queries.event(ref.eventId());
            if (e.isEmpty() || e.get().processKey() == null) {
                continue;
            }
            long key = e.get().processKey();
            Optional<ProcessNode> self = queries.process(key);
            if (self.isPresent() && isRoot(self.get(), f, pid)) {
                return self;
            }
            for (ProcessNode a : queries.ancestors(key)) {
                if (isRoot(a, f, pid)) {
                    return Optional.of(a);
                }
            }
        }
        return byPidAround(f, pid);
    }

    private static boolean isRoot(ProcessNode p, Finding f, int pid) {
        return p.pid() == pid && (p.host() == null || f.host() == null || f.host().equals(p.host()));
    }

    private Optional<ProcessNode> byPidAround(Finding f, int pid) {
        if (f.firstSeen() == null) {
            return Optional.empty();
        }
        EventFilter around = EventFilter.all().onHost(f.host())
                .between(f.firstSeen().minus(Duration.ofMinutes(1)), f.lastSeen() == null
                        ? f.firstSeen().plus(Duration.ofMinutes(1)) : f.lastSeen().plusSeconds(1));
        EventPage.Cursor cursor = null;
        do {
            EventPage page = queries.events(around, cursor, 1000);
            for (StoredEvent e : page.events()) {
                if (e.processKey() != null && e.event().actor().pid() == pid) {
                    return queries.process(e.processKey());
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return Optional.empty();
    }

    /** Oldest known ancestor first, the root last: how the campaign came to run. */
    public List<ProcessNode> chain(ProcessNode root) {
        List<ProcessNode> up = new ArrayList<>(queries.ancestors(root.key()));
        Collections.reverse(up);
        up.add(root);
        return up;
    }

    /** Every process of the campaign: the root and all its descendants. */
    public List<ProcessNode> lineage(ProcessNode root) {
        return queries.lineage(root.key());
    }
}
