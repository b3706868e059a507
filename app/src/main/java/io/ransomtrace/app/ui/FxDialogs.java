package io.ransomtrace.app.ui;

import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.importers.csv.CsvMapping;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The workbench's dialogs as JavaFX shows them, owned by the main window. */
public final class FxDialogs implements Dialogs {
    private final Stage owner;

    public FxDialogs(Stage owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> caseToOpen(Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open case");
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Ransomtrace cases (*.rtcase)", "*.rtcase"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public List<Path> logsToImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import logs");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("Audit logs", "audit.log*", "*.log", "*.log.gz", "*.gz"),
                new FileChooser.ExtensionFilter("EDR exports", "*.json", "*.ndjson", "*.xml", "*.csv"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folderToImport() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Import a folder of logs (rotated sets are read oldest first)");
        return path(chooser.showDialog(owner));
    }

    @Override
    public void importResults(ImportReport report) {
        ImportResultsDialog.show(owner, report);
    }

    @Override
    public ImportTarget importTarget(String openCaseName, int inputs) {
        ButtonType into = new ButtonType("Into " + openCaseName);
        ButtonType fresh = new ButtonType("Into a new case…");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, inputs + " file(s) or folder(s) to import.", into, fresh,
                ButtonType.CANCEL);
        ask.setHeaderText("Import into the open case or into a new one?");
        ask.initOwner(owner);
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == into ? ImportTarget.OPEN_CASE : answer == fresh ? ImportTarget.NEW_CASE : ImportTarget.CANCEL;
    }

    @Override
    public Optional<Path> newCaseFile(Path folder, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("New case for these logs");
        try {
            Files.createDirectories(folder);
            chooser.setInitialDirectory(folder.toFile());
        } catch (IOException e) {
            // No data folder: the chooser starts wherever the platform likes.
        }
        chooser.setInitialFileName(suggestedName);
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> profileToSave(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save detection profile");
        chooser.setInitialFileName(suggestedName);
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> profileToLoad() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load detection profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Profiles (*.yaml)", "*.yaml", "*.yml"));
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<CsvMapping> csvMapping(Path file) throws IOException {
        return CsvMappingDialog.ask(owner, file);
    }

    @Override
    public Optional<ReportRequest> export(String selectedFindingId, String selectedTitle, String caseName,
                                          Path folder) {
        return ExportDialog.ask(owner, selectedFindingId, selectedTitle, caseName, folder);
    }

    @Override
    public Optional<String> text(String title, String header, String prompt) {
        TextInputDialog d = new TextInputDialog();
        d.setTitle(title);
        d.setHeaderText(header);
        d.setContentText(prompt);
        d.initOwner(owner);
        return d.showAndWait().map(String::strip).filter(x -> !x.isEmpty());
    }

    @Override
    public void error(String what, String message) {
        if (!owner.isShowing()) {
            return; // closing: the status bar said it
        }
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(what);
        a.initOwner(owner);
        a.show();
    }

    @Override
    public Optional<Path> planFolder(String caseName) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the recovery plan of " + caseName + " (new or empty)");
        return path(chooser.showDialog(owner));
    }

    private static Optional<Path> path(File f) {
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }
}
