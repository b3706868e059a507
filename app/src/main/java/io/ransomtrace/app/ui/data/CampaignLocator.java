package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds the process instance in the case that a finding's campaign is attributed to. The engine reports the
 * root as host + pid (pids are reused), so: take an evidence event's process and climb its ancestors to the
 * root's pid; failing that, the first process with that pid acting around the campaign's first event.
 */
public final class CampaignLocator {
    private final CaseQueries queries;

    public CampaignLocator(CaseQueries queries) {
        this.queries = queries;
    }

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
            if (self.isPresent() && self.get().pid() == pid) {
                return self;
            }
            for (ProcessNode a : queries.ancestors(key)) {
                if (a.pid() == pid) {
                    return Optional.of(a);
                }
            }
        }
        return byPidAround(f, pid);
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

    /** Every process of the campaign: the root and all its descendants. */
    public List<ProcessNode> lineage(ProcessNode root) {
        return queries.lineage(root.key());
    }
}
