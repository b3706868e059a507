package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.BundledSampleCase;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.report.ReportCancelledException;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.views.common.Plural;

import java.nio.file.Files;
import java.nio.file.Path;
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
                s.file().getFileName().toString(), defaultFolder(s.file()));
        request.ifPresent(r -> tasks.run("Exporting: " + r.format().description(),
                p -> s.export(r, (step, fraction) -> p.update(fraction, step, ""), p::cancelled),
                result -> notices.say("Exported " + Plural.of(result.findings(), "finding") + " to "
                        + result.file() + " (" + result.bytes() / 1024 + " KB)."
                        + (result.note() == null ? "" : " " + result.note())),
                e -> {
                    if (e instanceof ReportCancelledException) {
                        notices.say("Export cancelled: nothing was written");
                    } else {
                        notices.error("Export failed", e);
                    }
                }));
    }

    /**
     * Where an export goes by default: beside the case, unless the case lives in the workbench's own data folder
     * (the sample), then ~/Documents (or the home folder); never the working directory the program started in.
     */
    static Path defaultFolder(Path caseFile) {
        Path folder = caseFile.toAbsolutePath().getParent();
        Path data = BundledSampleCase.casesFolder().toAbsolutePath();
        if (folder != null && !folder.startsWith(data) && Files.isDirectory(folder) && Files.isWritable(folder)) {
            return folder;
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }
}
