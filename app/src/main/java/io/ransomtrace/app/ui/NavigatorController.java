package io.ransomtrace.app.ui;

import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem.Kind;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem;
import io.ransomtrace.engine.coverage.HostCoverage;
import javafx.scene.control.TreeItem;

import io.ransomtrace.app.store.ImportErrorRow;
import io.ransomtrace.engine.text.Inert;
import javafx.scene.control.TreeCell;
import javafx.scene.control.Tooltip;

/**
 * The case navigator (left): the case's sources with their import status and its hosts, and below it the
 * quarantined records. Clicking a source lists its events and its quarantined records; clicking a host scopes the
 * views to it ({@link ScopeController}); selecting a quarantined record shows its raw line in the inspector.
 */
final class NavigatorController {
    /** Most quarantined records listed at once. */
    private static final int ERRORS_SHOWN = 500;

    private final MainWindow window;
    private final CurrentCase current;
    private final ScopeController scope;

    NavigatorController(MainWindow window, CurrentCase current, ScopeController scope) {
        this.window = window;
        this.current = current;
        this.scope = scope;
        window.caseNavigator().getSelectionModel().selectedItemProperty()
                .addListener((o, was, now) -> navigate(now == null ? null : now.getValue()));
        // The pane is narrow: a source's status and counts are in its tooltip too.
        window.caseNavigator().setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(NavigatorItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Inert.plain(item.label()));
                setTooltip(empty || item == null ? null : new Tooltip(Inert.plain(item.source() == null ? item.label()
                        : item.label() + (item.source().statusNote() == null ? "" : "\n" + item.source().statusNote())
                        + "\n" + item.source().path())));
            }
        });
        window.importErrors().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                showError(now);
            }
        });
    }

    /** An import error in the inspector: its raw line, with the file, line and byte offset it was read from. */
    private void showError(ImportErrorRow e) {
        OpenCase c = current.get();
        SourceInfo src = c == null ? null : c.rows().source(e.sourceId());
        window.inspector().showQuarantined(src == null ? "source " + e.sourceId() : String.valueOf(src.path()),
                e.line(), e.byteOffset(), e.reason(), e.rawText());
        window.showSidePanel(io.ransomtrace.app.ui.mainwindow.SidePanel.INSPECTOR);
    }

    void show(OpenCase c) {
        TreeItem<NavigatorItem> root = new TreeItem<>(NavigatorItem.group(Kind.CASE,
                c.session().file().getFileName().toString()));
        TreeItem<NavigatorItem> sources = new TreeItem<>(NavigatorItem.group(Kind.SOURCES,
                "Sources (" + c.sources().size() + ")"));
        for (SourceInfo src : c.sources()) {
            sources.getChildren().add(new TreeItem<>(NavigatorItem.source(src)));
        }
        sources.setExpanded(true);
        TreeItem<NavigatorItem> hosts = new TreeItem<>(NavigatorItem.group(Kind.HOSTS, "Hosts"));
        for (HostCoverage h : c.coverage()) {
            hosts.getChildren().add(new TreeItem<>(NavigatorItem.host(h.host())));
        }
        hosts.setExpanded(true);
        root.getChildren().addAll(sources, hosts);
        root.setExpanded(true);
        window.caseNavigator().setRoot(root);
        window.importErrors().getItems().setAll(c.session().queries().importErrors(null, 0, ERRORS_SHOWN));
    }

    private void navigate(NavigatorItem item) {
        OpenCase c = current.get();
        if (c == null || item == null) {
            return;
        }
        switch (item.kind()) {
            case SOURCE -> {
                window.importErrors().getItems().setAll(
                        c.session().queries().importErrors(item.source().id(), 0, ERRORS_SHOWN));
                scope.showSource(item.source());
            }
            case HOST -> scope.scopeToHost(item.host());
            default -> {
            }
        }
    }
}
