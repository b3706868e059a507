package io.ransomtrace.app.ui;

import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.ui.data.StoreProcessSource;
import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.views.common.Plural;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.events.GridFilter;
import io.ransomtrace.views.inspector.EventLink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyst narrows the views to, and the links between them: a host clicked in the case navigator scopes
 * the process tree, the findings, the inspector and the events to it (and drops the previous scope's searches); a
 * source lists its events; an event's process is shown in the tree or its events listed from the inspector.
 */
final class ScopeController {
    private final MainWindow window;
    private final CurrentCase current;
    private final FindingsController findings;

    ScopeController(MainWindow window, CurrentCase current, FindingsController findings) {
        this.window = window;
        this.current = current;
        this.findings = findings;
        window.inspector().setOnEventLink(this::follow);
        window.inspector().setOnProcessEvents(findings::showProcessEvents);
    }

    /** A host of the navigator: the tree, the findings, the events and the inspector show that host only. */
    void scopeToHost(String host) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        // A new scope starts clean: the last one's searches would hide what this host holds.
        window.findings().filterField().clear();
        window.processTree().clearSearch();
        window.findings().setHostScope(host);
        window.eventsGrid().setFilter(GridFilter.NONE.withHost(host));
        findings.showHost(host);
        window.inspector().showSummary("Host " + host, hostFacts(c, host));
        window.showSidePanel(SidePanel.INSPECTOR);
        window.showTab(InvestigationTab.PROCESS_TREE);
    }

    /** A source of the navigator: its events in the grid. */
    void showSource(SourceInfo source) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        window.eventsGrid().setFilter(GridFilter.NONE.withSource(c.rows().sourceName(source)));
        window.inspector().showSummary("Source " + c.rows().sourceName(source), sourceFacts(source));
        window.showTab(InvestigationTab.EVENTS);
    }

    /** An event's links in the inspector: its process in the tree, or every event of that process. */
    private void follow(EventLink link, EventRow e) {
        OpenCase c = current.get();
        if (c == null || e.processKey() == null) {
            window.statusBar().showIdle("This event names no process of the case.");
            return;
        }
        String label = ProgramName.of(e.exe(), "?") + " " + e.pid();
        switch (link) {
            case EVENTS_OF_THIS_PROCESS -> findings.showProcessEvents(e.processKey(), label);
            case SHOW_IN_PROCESS_TREE -> {
                if (!e.host().equals(findings.treeHost())) {
                    findings.showHost(e.host());
                }
                List<String> chain = new StoreProcessSource(c.session().queries(), Map.of())
                        .chainTo(Long.parseLong(e.processKey()));
                window.showTab(InvestigationTab.PROCESS_TREE);
                if (!window.processTree().reveal(chain)) {
                    window.statusBar().showIdle("The process " + label + " is not in the tree of " + e.host() + ".");
                }
            }
        }
    }

    private static Map<String, String> hostFacts(OpenCase c, String host) {
        Map<String, String> facts = new LinkedHashMap<>();
        List<Finding> of = c.findings().stream().filter(f -> f.host().equals(host)).toList();
        long open = of.stream().filter(f -> !f.suppressed()).count();
        facts.put("Findings", Plural.of(of.size(), "finding") + (open == of.size() ? "" : ", " + open + " not suppressed"));
        for (HostCoverage h : c.coverage()) {
            if (h.host().equals(host)) {
                facts.put("Events", String.format("%,d", h.events()));
                facts.put("First event", TimeFormats.full(h.firstEvent()));
                facts.put("Last event", TimeFormats.full(h.lastEvent()));
                facts.put("Coverage", h.overall() + " (the Coverage tab says what the telemetry could not show)");
            }
        }
        return facts;
    }

    private static Map<String, String> sourceFacts(SourceInfo s) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("File", String.valueOf(s.path()));
        facts.put("Format", s.format());
        facts.put("Status", s.status().name().toLowerCase(java.util.Locale.ROOT)
                + (s.statusNote() == null ? "" : ": " + s.statusNote()));
        facts.put("Events", String.format("%,d", s.events()));
        facts.put("Import errors", String.format("%,d", s.errors()));
        facts.put("Host", s.host());
        return facts;
    }
}
