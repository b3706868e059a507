package io.ransomtrace.app.ui;

import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.app.ui.data.CampaignView;
import io.ransomtrace.app.ui.data.EventRows;
import io.ransomtrace.app.ui.data.FindingRows;
import io.ransomtrace.app.ui.data.RawLines;
import io.ransomtrace.app.ui.data.StoreBucketSupplier;
import io.ransomtrace.app.ui.data.StoreEventPageSource;
import io.ransomtrace.app.ui.data.StoreProcessSource;
import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.events.EventKey;
import io.ransomtrace.views.events.EventPageSource;
import io.ransomtrace.views.events.EventQuery;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.events.GridFilter;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.timeline.TimelineData;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The findings list and the investigation views it drives: selecting a finding focuses the process tree (its
 * lineage), the timeline (its burst), the spread map, the events grid and the inspector on it; its data is read
 * in the background and the latest selection wins. Also what the views ask of each other: a timeline bucket or
 * a spread-map directory lists its events, an event or evidence line opens in the inspector with its raw lines.
 */
final class FindingsController implements AutoCloseable {
    /** A grid with nothing to list (the views hold no case while the next one is prepared). */
    private static final EventPageSource NO_EVENTS = new EventPageSource() {
        @Override
        public long count(EventQuery query) {
            return 0;
        }

        @Override
        public List<EventRow> page(EventKey after, int limit, EventQuery query) {
            return List.of();
        }

        @Override
        public EventKey keyBefore(long index, EventQuery query) {
            return null;
        }
    };

    private final MainWindow window;
    private final CurrentCase current;
    private final ExecutorService focusWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-focus");
        t.setDaemon(true);
        return t;
    });
    private final LatestWinsRunner<OpenCaseFinding, Focused> focusing;
    private CampaignView focused;
    private long focusCount;
    private String treeHost;
    /** What the timeline counts: a campaign's lineage, or a host. */
    private Scope timelineScope;
    private Consumer<CampaignView> onFocused = v -> { };

    /** A finding of the case the window shows, to be read for the views. */
    private record OpenCaseFinding(OpenCase openCase, Finding finding) {
    }

    /** What the views show for that finding, read off the FX thread. */
    private record Focused(OpenCase openCase, CampaignView view) {
    }

    FindingsController(MainWindow window, CurrentCase current, Notices notices) {
        this.window = window;
        this.current = current;
        this.focusing = LatestWinsRunner.onExecutor(r -> new Focused(r.openCase(),
                CampaignView.of(r.openCase().session(), r.openCase().rows(), r.finding())), focusWorker);
        focusing.setOnResult(f -> {
            if (current.is(f.openCase())) {
                apply(f.view());
            }
        });
        focusing.setOnError(e -> notices.error("Cannot show the finding", e));

        window.findings().setOnFindingSelected(row -> {
            if (row != null) {
                focus(row.id());
            }
        });
        window.processTree().setOnProcessSelected(row -> {
            if (row != null) {
                window.inspector().showProcess(row);
            }
        });
        window.timeline().setOnBucketSelected(range -> {
            if (range != null) {
                window.eventsGrid().setFilter(barEvents(range.from(), range.to()));
                window.showTab(InvestigationTab.EVENTS);
            }
        });
        window.spreadMap().setOnDirectorySelected(dir -> {
            if (dir != null) {
                window.eventsGrid().showDirectory(dir.endsWith("/") ? dir : dir + "/");
                window.showTab(InvestigationTab.EVENTS);
            }
        });
        window.eventsGrid().setOnEventSelected(row -> {
            if (row != null) {
                showEvent(row);
            }
        });
        window.eventsGrid().setOnPivot((row, half) -> window.timeline().focusAround(row.time(), half));
        window.inspector().setOnEvidenceSelected(this::showEvidence);
    }

    /**
     * The events a timeline bar counts, for the grid: the successful file operations of the bar's time, of the
     * campaign's lineage (or host) the timeline shows. The grid then lists as many rows as the bar's total.
     */
    private GridFilter barEvents(Instant from, Instant to) {
        GridFilter f = GridFilter.NONE.withTimeRange(from, to).withKind(GridFilter.FILE_OPERATIONS)
                .withOutcome(GridFilter.OK);
        if (timelineScope instanceof Scope.Lineage l && focused != null && focused.root().isPresent()) {
            var root = focused.root().get();
            return f.withProcessKey(String.valueOf(l.processKey()), true,
                    ProgramName.of(root.exe(), "?") + " " + root.pid());
        }
        return timelineScope instanceof Scope.Host h ? f.withHost(h.name()) : f;
    }

    /** The finding every view is focused on, once its data has been read; null before. */
    CampaignView focused() {
        return focused;
    }

    /** How many times a finding has been put into the views (tests wait for it to grow). */
    long focusCount() {
        return focusCount;
    }

    void setOnFocused(Consumer<CampaignView> callback) {
        onFocused = callback == null ? v -> { } : callback;
    }

    /** Puts a freshly analysed case into the list, the coverage tab and the events grid. */
    void show(OpenCase c) {
        window.coverage().show(c.coverage());
        window.eventsGrid().setSource(new StoreEventPageSource(c.session().queries(), c.rows(), EventFilter.all()));
        showFindings(c.findings());
    }

    /**
     * Lists findings, keeping the selected one when it is still there; otherwise selects the most severe one not
     * suppressed, or shows the first host when there is no finding.
     */
    void showFindings(List<Finding> findings) {
        var was = window.findings().selectedFindingProperty().get();
        String selected = was == null ? null : was.id();
        window.findings().setFindings(FindingRows.rows(findings));
        if (selected == null || !window.findings().select(selected)) {
            findings.stream().filter(f -> !f.suppressed())
                    .max(Comparator.comparing(Finding::severity).thenComparingInt(Finding::score))
                    .or(() -> findings.stream().findFirst())
                    .ifPresentOrElse(f -> window.findings().select(f.id()), this::showHostOverview);
        } else {
            focus(selected);
        }
    }

    /** Focuses every view on a finding: its data is read in the background, the latest selection wins. */
    void focus(String findingId) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        c.findings().stream().filter(x -> x.id().equals(findingId)).findFirst()
                .ifPresent(f -> focusing.submit(new OpenCaseFinding(c, f)));
    }

    private void apply(CampaignView v) {
        OpenCase c = current.get();
        Finding f = v.finding();
        if (!f.host().equals(treeHost)) {
            treeHost = f.host();
            window.processTree().setSource(processSource(c), f.host());
        }
        if (!v.chain().isEmpty()) {
            window.processTree().highlightLineage(v.chain());
        }
        timelineScope = v.scope();
        window.timeline().setSource(new StoreBucketSupplier(c.session().queries(), v.scope(), v.markers(),
                f.notes().names()), v.from(), v.to());
        // A burst of a few seconds is one bar in the two-minute frame: open zoomed on it (Reset shows the frame).
        window.timeline().setVisibleRange(v.burstRange());
        window.spreadMap().setStats(v.directories());
        window.eventsGrid().showTimeRange(v.from(), v.to());
        window.inspector().showFinding(v.detail());
        // Bring the inspector forward for a newly chosen finding, not when a re-run re-shows the same one
        // (the analyst is then working in the tuning or allowlist panel).
        if (focused == null || !focused.finding().id().equals(f.id())) {
            window.showSidePanel(SidePanel.INSPECTOR);
        }
        focused = v;
        focusCount++;
        onFocused.accept(v);
    }

    /** Without a finding: the first host's tree and whole-host timeline. */
    private void showHostOverview() {
        OpenCase c = current.get();
        if (c != null && !c.coverage().isEmpty()) {
            showHost(c.coverage().get(0).host());
        }
    }

    /** A host's process tree and its timeline from first to last event. */
    void showHost(String host) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        treeHost = host;
        window.processTree().setSource(processSource(c), host);
        c.coverage().stream().filter(h -> h.host().equals(host) && h.firstEvent() != null).findFirst()
                .ifPresent(h -> {
                    timelineScope = Scope.host(host);
                    window.timeline().setSource(new StoreBucketSupplier(c.session().queries(), timelineScope,
                            List.of()), h.firstEvent(), h.lastEvent().plusSeconds(1));
                });
    }

    /** The host the process tree shows, or null. */
    String treeHost() {
        return treeHost;
    }

    /** The tree's processes, with the findings' signal badges and the analyst's tags. */
    static StoreProcessSource processSource(OpenCase c) {
        return new StoreProcessSource(c.session().queries(), c.badges(), c.session().annotations().processTags());
    }

    /** The events of one process (that instance, not the pid's other lives), in the grid. */
    void showProcessEvents(ProcessRow row) {
        showProcessEvents(row.key(), row.exeName() + " " + row.pid());
    }

    void showProcessEvents(String processKey, String label) {
        window.eventsGrid().setFilter(GridFilter.NONE.withProcessKey(processKey, false, label));
        window.showTab(InvestigationTab.EVENTS);
    }

    /** Shows an event in the inspector (an evidence line or a key's event link). */
    void showEvidence(long eventId) {
        OpenCase c = current.get();
        if (c != null) {
            c.session().queries().event(eventId).ifPresent(e -> showEvent(c.rows().row(e)));
        }
    }

    private void showEvent(EventRow row) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        Optional<StoredEvent> stored = c.session().queries().event(row.eventId());
        List<String> raw = stored.map(e -> {
            var p = EventRows.provenance(e.event());
            SourceInfo src = p == null ? null : c.rows().source(p.sourceId());
            return RawLines.read(src == null ? null : src.path(), p == null ? -1 : p.byteOffset());
        }).orElse(List.of());
        window.inspector().showEvent(row, raw);
        window.showSidePanel(SidePanel.INSPECTOR);
    }

    /** Re-reads the tree's rows (after a tag changed), keeping what is expanded and selected where it can. */
    void refreshTreeTags(String key, java.util.Set<String> tags) {
        OpenCase c = current.get();
        if (c != null && treeHost != null) {
            window.processTree().showTags(key, tags);
        }
    }

    /** Ctrl+F: the search of the view in front (process tree, events), else the findings filter. */
    void find() {
        switch (window.selectedTab()) {
            case PROCESS_TREE -> window.processTree().searchField().requestFocus();
            case EVENTS -> window.eventsGrid().lookup("#events-quick-filter").requestFocus();
            default -> window.findings().filterField().requestFocus();
        }
    }

    /** Empties every view: nothing may keep reading the case about to be closed. */
    void detach() {
        focusing.cancel();
        focused = null;
        treeHost = null;
        timelineScope = null;
        window.processTree().setSource(null, null);
        window.eventsGrid().setSource(NO_EVENTS);
        Instant now = Instant.now();
        window.timeline().setSource((from, to, max) -> TimelineData.empty(from, to), now, now.plusSeconds(1));
        window.spreadMap().setStats(List.of());
        window.findings().setFindings(List.of());
        window.inspector().clear();
    }

    @Override
    public void close() {
        focusing.close();
        focusWorker.shutdownNow();
    }
}
