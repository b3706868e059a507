package io.ransomtrace.app.ui;

import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem.Kind;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem;
import io.ransomtrace.engine.coverage.HostCoverage;
import javafx.scene.control.TreeItem;

import java.util.function.Consumer;

/**
 * The case navigator (left): the case's sources with their import status and its hosts, and below it the
 * quarantined records. Clicking a source lists that source's quarantined records; clicking a host shows its
 * process tree and timeline.
 */
final class NavigatorController {
    /** Most quarantined records listed at once. */
    private static final int ERRORS_SHOWN = 500;

    private final MainWindow window;
    private final CurrentCase current;
    private final Consumer<String> showHost;

    /** @param showHost shows a host's tree and timeline */
    NavigatorController(MainWindow window, CurrentCase current, Consumer<String> showHost) {
        this.window = window;
        this.current = current;
        this.showHost = showHost;
        window.caseNavigator().getSelectionModel().selectedItemProperty()
                .addListener((o, was, now) -> navigate(now == null ? null : now.getValue()));
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
            case SOURCE -> window.importErrors().getItems().setAll(
                    c.session().queries().importErrors(item.source().id(), 0, ERRORS_SHOWN));
            case HOST -> showHost.accept(item.host());
            default -> {
            }
        }
    }
}
