package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.report.ReportCancelledException;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.ui.mainwindow.MainWindow;

import java.util.Optional;

/**
 * File → Export…: a briefing or a data export of the open case (the selected finding or every finding above a
 * severity), written in the background with progress and Cancel, exactly as {@code ransomtrace report} writes it.
 */
final class ExportController {
    private final MainWindow window;
    private final CurrentCase current;
    private final Dialogs dialogs;
    private final Notices notices;
    private final BackgroundTasks tasks;

    ExportController(MainWindow window, CurrentCase current, Dialogs dialogs, Notices notices, BackgroundTasks tasks) {
        this.window = window;
        this.current = current;
        this.dialogs = dialogs;
        this.notices = notices;
        this.tasks = tasks;
    }

    void export() {
        CaseSession s = current.session();
        if (s == null) {
            notices.say("Open a case to export its findings");
            return;
        }
        var row = window.findings().selectedFindingProperty().get();
        Optional<ReportRequest> request = dialogs.export(row == null ? null : row.id(), row == null ? null : row.title(),
                s.file().getFileName().toString());
        request.ifPresent(r -> tasks.run("Exporting: " + r.format().description(),
                p -> s.export(r, (step, fraction) -> p.update(fraction, step, ""), p::cancelled),
                result -> notices.say("Exported " + result.findings() + " finding(s) to " + result.file() + " ("
                        + result.bytes() / 1024 + " KB)"),
                e -> {
                    if (e instanceof ReportCancelledException) {
                        notices.say("Export cancelled: nothing was written");
                    } else {
                        notices.error("Export failed", e);
                    }
                }));
    }
}
