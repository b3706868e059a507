package io.ransomtrace.app.ui;

import io.ransomtrace.app.report.ReportFormat;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.engine.finding.Severity;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * File → Export…: which export, which findings, a title, then where to save it. Returns the request; the
 * workbench runs it in the background.
 */
final class ExportDialog {

    /** What the analyst chose before picking the file. */
    record Choice(ReportFormat format, List<String> findingIds, Severity minSeverity, String title) {
        ReportRequest to(Path out) {
            return new ReportRequest(format, out, findingIds, minSeverity, title.isBlank() ? null : title.strip());
        }
    }

    private ExportDialog() {
    }

    /**
     * @param selectedFindingId the finding selected in the list, or null (then only the severity scopes are offered)
     */
    static Optional<ReportRequest> ask(Window owner, String selectedFindingId, String selectedTitle, String caseName, Path folder) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("Export findings of " + caseName);

        ComboBox<ReportFormat> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(ReportFormat.values());
        format.setValue(ReportFormat.PDF);
        format.setCellFactory(v -> new FormatCell());
        format.setButtonCell(new FormatCell());

        ToggleGroup scope = new ToggleGroup();
        RadioButton selected = new RadioButton(selectedFindingId == null ? "The selected finding (none selected)"
                : "The selected finding: " + selectedTitle);
        selected.setDisable(selectedFindingId == null);
        RadioButton medium = new RadioButton("All findings of medium severity or more (not suppressed)");
        RadioButton everything = new RadioButton("All findings, low and info included (not suppressed)");
        for (RadioButton b : List.of(selected, medium, everything)) {
            b.setToggleGroup(scope);
            b.setWrapText(true);
        }
        (selectedFindingId == null ? medium : selected).setSelected(true);

        TextField title = new TextField();
        title.setPromptText("Title of the briefing (optional)");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, label("Format"), format);
        grid.addRow(1, label("Findings"), new VBox(6, selected, medium, everything));
        grid.addRow(2, label("Title"), title);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(new ButtonType("Choose file…", ButtonType.OK.getButtonData()),
                ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button == null || button.getButtonData() != ButtonType.OK.getButtonData()) {
                return null;
            }
            if (selected.isSelected()) {
                return new Choice(format.getValue(), List.of(selectedFindingId), Severity.INFO, title.getText());
            }
            return new Choice(format.getValue(), List.of(), everything.isSelected() ? Severity.INFO : Severity.MEDIUM,
                    title.getText());
        });
        Optional<Choice> choice = dialog.showAndWait();
        if (choice.isEmpty()) {
            return Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + choice.get().format().description());
        String ext = choice.get().format().extension();
        if (folder != null && java.nio.file.Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(caseName.replaceFirst("\\.rtcase$", "") + "-" + choice.get().format().cliName() + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(choice.get().format().description(), "*." + ext));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(choice.get().to(file.toPath()));
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static final class FormatCell extends ListCell<ReportFormat> {
        @Override
        protected void updateItem(ReportFormat item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.description());
        }
    }
}
