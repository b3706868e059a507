package io.ransomtrace.app.ui.data;

import io.ransomtrace.app.casefile.CaseAnnotations;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.EventKind;
import io.ransomtrace.app.store.EventPage;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.views.inspector.EvidenceLine;
import io.ransomtrace.views.inspector.FindingDetail;
import io.ransomtrace.views.spread.DirectoryStat;
import io.ransomtrace.views.timeline.TimelineMarker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything the views show for one finding, read from the case in one go (off the FX thread): the campaign's
 * process chain, the timeline's scope, range and markers, the spread map's directories and the inspector's
 * detail.
 *
 * @param chain     process keys from the oldest known ancestor down to the campaign root (for the tree)
 * @param scope     the lineage's scope, or the host's when the root was not found in the case
 * @param from      timeline start (first event − 1 min)
 * @param to        timeline end (last event + 1 min)
 */
public record CampaignView(Finding finding, Optional<ProcessNode> root, List<String> chain, Scope scope,
                           Instant from, Instant to, List<TimelineMarker> markers, List<DirectoryStat> directories,
                           FindingDetail detail) {

    static final Duration MARGIN = Duration.ofMinutes(1);

    public static CampaignView of(CaseSession session, EventRows rows, Finding f) {
        CaseQueries q = session.queries();
        Optional<ProcessNode> root = session.campaigns().root(f);
        List<String> chain = root.map(r -> new StoreProcessSource(q, java.util.Map.of()).chainTo(r.key()))
                .orElse(List.of());
        Scope scope = root.<Scope>map(r -> Scope.lineage(r.key())).orElse(Scope.host(f.host()));
        Instant first = f.firstSeen() != null ? f.firstSeen() : Instant.EPOCH;
        Instant last = f.lastSeen() != null ? f.lastSeen() : first;
        List<TimelineMarker> markers = new ArrayList<>();
        markers.add(new TimelineMarker(first, TimelineMarker.Kind.FIRST_EVENT, "first event"));
        if (f.firstAlert() != null) {
            markers.add(new TimelineMarker(f.firstAlert(), TimelineMarker.Kind.FIRST_ALERT,
                    "first alert (" + f.severity().label() + ")"));
        }
        firstNote(q, f, root).ifPresent(t -> markers.add(new TimelineMarker(t, TimelineMarker.Kind.FIRST_NOTE,
                "first note")));
        List<DirectoryStat> dirs = SpreadStats.of(q, scope, f.notes().names());
        List<EvidenceLine> evidence = new ArrayList<>();
        for (EvidenceRef e : f.evidence()) {
            q.event(e.eventId()).ifPresent(se -> evidence.add(rows.evidence(se)));
        }
        CaseAnnotations.OfFinding annotations = session.annotations().ofFinding(f);
        FindingDetail detail = new FindingDetail(FindingRows.row(f), FindingRows.signals(f), evidence,
                annotations.tags(), annotations.notesText());
        return new CampaignView(f, root, chain, scope, first.minus(MARGIN), last.plus(MARGIN), markers, dirs, detail);
    }

    /**
     * The campaign from first to last event, filling the width with a twentieth of its length (at least 2 ms)
     * either side: the timeline opens on its activity, not on a frame it occupies a third of.
     */
    public io.ransomtrace.views.timeline.TimeRange burstRange() {
        Instant first = from.plus(MARGIN);
        Instant last = to.minus(MARGIN);
        Duration pad = Duration.between(first, last).dividedBy(20);
        if (pad.compareTo(Duration.ofMillis(2)) < 0) {
            pad = Duration.ofMillis(2);
        }
        Instant a = first.minus(pad).isBefore(from) ? from : first.minus(pad);
        Instant b = last.plus(pad).isAfter(to) ? to : last.plus(pad);
        return new io.ransomtrace.views.timeline.TimeRange(a, b);
    }

    /** When the lineage first created a file named like one of the finding's notes. */
    private static Optional<Instant> firstNote(CaseQueries q, Finding f, Optional<ProcessNode> root) {
        Instant best = null;
        for (String name : f.notes().names()) {
            EventFilter filter = EventFilter.all().onHost(f.host())
                    .ofKinds(EnumSet.of(EventKind.CREATE, EventKind.WRITE)).containing(name);
            if (root.isPresent()) {
                filter = filter.ofLineage(root.get().key());
            }
            EventPage page = q.events(filter, null, 50);
            for (StoredEvent e : page.events()) {
                if (e.event() instanceof io.ransomtrace.engine.model.FileOp op && op.success() && op.path() != null
                        && op.path().endsWith("/" + name)) {
                    if (best == null || op.time().isBefore(best)) {
                        best = op.time();
                    }
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
