package io.ransomtrace.app.ui;

import io.ransomtrace.importers.csv.CsvField;
import io.ransomtrace.importers.csv.CsvMapping;
import io.ransomtrace.importers.csv.CsvMappingException;
import io.ransomtrace.importers.csv.CsvMappings;
import io.ransomtrace.importers.csv.CsvOperation;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks the analyst how to read a CSV export no built-in mapping fits: the file's first rows, a start mapping,
 * one column per event field, the timestamp format, what each action value means, and the live check of the
 * mapping against the header (errors keep OK disabled). Returns the mapping on OK, nothing on Cancel.
 */
public final class CsvMappingDialog extends Dialog<CsvMapping> {

    static final int PREVIEW_ROWS = 8;
    private static final String NO_COLUMN = "";
    private static final List<String> TIMESTAMP_FORMATS = List.of("auto", "epoch-seconds", "epoch-millis",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss.SSSX",
            "MMM d, yyyy @ HH:mm:ss.SSS", "dd/MM/yyyy HH:mm:ss");

    private final CsvMappingDraft draft;
    private final List<ComboBox<String>> columnBoxes = new ArrayList<>();
    private final ComboBox<String> timestampFormat = new ComboBox<>(FXCollections.observableArrayList(TIMESTAMP_FORMATS));
    private final TextField zone = new TextField();
    private final GridPane actionGrid = new GridPane();
    private final Label checkMessage = new Label();
    private boolean refreshing;

    public CsvMappingDialog(Path file, CsvMappingDraft draft) {
        this.draft = draft;
        setTitle("CSV mapping for " + file.getFileName());
        setHeaderText("No built-in mapping reads " + file.getFileName()
                + ". Choose which column holds each event field, or load a mapping.");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setPrefSize(980, 760);

        VBox content = new VBox(10, preview(draft.sample()), startAndFiles(), timestampRow(),
                new HBox(16, fieldsPane(), actionsPane()), checkMessage);
        content.setPadding(new Insets(8));
        checkMessage.setId("mapping-check");
        checkMessage.setWrapText(true);
        getDialogPane().setContent(content);
        setResultConverter(b -> b == ButtonType.OK && draft.usable() ? draft.mapping() : null);
        refresh();
    }

    /** Shows the dialog for a file and waits: the analyst's mapping, or empty when they skip the file. */
    public static Optional<CsvMapping> ask(Window owner, Path file) throws IOException {
        CsvSample sample = CsvSample.read(file, PREVIEW_ROWS);
        CsvMappingDialog dialog = new CsvMappingDialog(file,
                CsvMappingDraft.startingFor(sample, file.getFileName().toString()));
        dialog.initOwner(owner);
        return dialog.showAndWait();
    }

    public CsvMappingDraft draft() {
        return draft;
    }

    private Node preview(CsvSample sample) {
        TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(sample.rows()));
        table.setId("csv-preview");
        for (int i = 0; i < sample.header().size(); i++) {
            int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(sample.header().get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(col < r.getValue().size() ? r.getValue().get(col) : ""));
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.setPrefHeight(170);
        table.setPlaceholder(new Label("The file has a header but no rows."));
        return table;
    }

    private Node startAndFiles() {
        ComboBox<String> start = new ComboBox<>();
        start.setId("start-mapping");
        start.getItems().add("closest built-in");
        start.getItems().addAll(CsvMappings.BUILT_IN_NAMES);
        start.getItems().add("empty");
        start.getSelectionModel().selectFirst();
        start.setOnAction(e -> {
            String pick = start.getValue();
            CsvMapping current = draft.mapping();
            CsvMapping m;
            if ("closest built-in".equals(pick)) {
                CsvMapping closest = CsvMappingDraft.closestStart(draft.sample(), current.name());
                m = closest.withSettings(current.name(), closest.delimiter(), closest.timestampFormat(), closest.zone());
            } else if ("empty".equals(pick)) {
                m = new CsvMapping(current.name(), null, draft.sample().delimiter(), "auto", ZoneId.of("UTC"),
                        java.util.Map.of(), java.util.Map.of(), CsvOperation.OTHER);
            } else {
                m = CsvMappings.builtIns().stream().filter(b -> b.name().equals(pick)).findFirst().orElse(current);
            }
            draft.setMapping(m);
            refresh();
        });
        Button load = new Button("Load mapping…");
        load.setOnAction(e -> load());
        Button save = new Button("Save mapping…");
        save.setOnAction(e -> save());
        TextField name = new TextField(draft.mapping().name());
        name.setId("mapping-name");
        name.textProperty().addListener((o, was, now) -> {
            if (!refreshing && !now.isBlank()) {
                draft.setName(now.strip());
            }
        });
        return new HBox(8, new Label("Start from"), start, new Label("Name"), name, load, save);
    }

    private Node timestampRow() {
        timestampFormat.setId("timestamp-format");
        timestampFormat.setEditable(true);
        timestampFormat.setPrefWidth(260);
        timestampFormat.valueProperty().addListener((o, was, now) -> {
            if (!refreshing && now != null) {
                draft.setTimestampFormat(now.strip());
                refresh();
            }
        });
        zone.setId("timestamp-zone");
        zone.setPrefColumnCount(14);
        zone.setOnAction(e -> applyZone());
        zone.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applyZone();
            }
        });
        return new HBox(8, new Label("Timestamp format"), timestampFormat, new Label("zone (when none given)"), zone);
    }

    private void applyZone() {
        if (refreshing) {
            return;
        }
        try {
            draft.setZone(ZoneId.of(zone.getText().strip()));
        } catch (DateTimeException e) {
            zone.setText(draft.mapping().zone().getId());
        }
        refresh();
    }

    private Node fieldsPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.addRow(0, new Label("Event field"), new Label("Column"));
        List<String> choices = new ArrayList<>();
        choices.add(NO_COLUMN);
        choices.addAll(draft.sample().header());
        int row = 1;
        for (CsvField field : CsvField.values()) {
            Label label = new Label(field.key());
            label.setTooltip(new Tooltip(field.meaning()));
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(choices));
            box.setId("column-" + field.key());
            box.setPrefWidth(220);
            box.valueProperty().addListener((o, was, now) -> {
                if (!refreshing) {
                    draft.setColumn(field, now == null || now.isEmpty() ? null : now);
                    refresh();
                }
            });
            columnBoxes.add(box);
            grid.addRow(row++, label, box);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setPrefViewportHeight(300);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Node actionsPane() {
        actionGrid.setHgap(8);
        actionGrid.setVgap(4);
        actionGrid.setId("action-values");
        TextField value = new TextField();
        value.setId("new-action-value");
        value.setPromptText("another action value");
        Button add = new Button("Add");
        add.setOnAction(e -> {
            if (!value.getText().isBlank()) {
                draft.setAction(value.getText().strip(), CsvOperation.OTHER);
                value.clear();
                refresh();
            }
        });
        ScrollPane scroll = new ScrollPane(actionGrid);
        scroll.setPrefViewportHeight(270);
        scroll.setFitToWidth(true);
        VBox box = new VBox(6, new Label("Action value → operation"), scroll, new HBox(6, value, add));
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Puts the draft back into every control, and the check into the message and the OK button. */
    private void refresh() {
        refreshing = true;
        try {
            CsvField[] fields = CsvField.values();
            for (int i = 0; i < fields.length; i++) {
                String c = draft.columnFor(fields[i]);
                columnBoxes.get(i).setValue(c == null ? NO_COLUMN : c);
            }
            timestampFormat.setValue(draft.mapping().timestampFormat());
            zone.setText(draft.mapping().zone().getId());
            rebuildActions();
            checkMessage.setText(draft.message());
            checkMessage.setStyle(draft.usable() ? "-fx-text-fill: -color-fg-default;" : "-fx-text-fill: -color-danger-fg;");
            Node ok = getDialogPane().lookupButton(ButtonType.OK);
            if (ok != null) {
                ok.setDisable(!draft.usable());
            }
        } finally {
            refreshing = false;
        }
    }

    private void rebuildActions() {
        actionGrid.getChildren().clear();
        int row = 0;
        for (String v : draft.actionValues()) {
            ComboBox<CsvOperation> op = new ComboBox<>(FXCollections.observableArrayList(CsvOperation.values()));
            op.getItems().add(0, null);
            op.setConverter(new StringConverter<>() {
                @Override
                public String toString(CsvOperation o) {
                    return o == null ? "(unmatched: " + draft.mapping().unmatchedAction().key() + ")" : o.key();
                }

                @Override
                public CsvOperation fromString(String s) {
                    return s == null ? null : CsvOperation.ofKey(s);
                }
            });
            op.setId("action-" + v);
            op.setValue(draft.operationFor(v));
            op.valueProperty().addListener((o, was, now) -> {
                if (!refreshing) {
                    draft.setAction(v, now);
                    refresh();
                }
            });
            actionGrid.addRow(row++, new Label(v), op);
        }
        if (row == 0) {
            actionGrid.addRow(0, new Label("Pick the action column to list its values."));
        }
    }

    private void load() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a CSV mapping");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Mapping (YAML)", "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            draft.setMapping(CsvMapping.load(f.toPath()));
            refresh();
        } catch (IOException | CsvMappingException e) {
            checkMessage.setText("Cannot load " + f.getName() + ": " + e.getMessage());
            checkMessage.setStyle("-fx-text-fill: -color-danger-fg;");
        }
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the CSV mapping");
        chooser.setInitialFileName(draft.mapping().name() + ".yaml");
        File f = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (f == null) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(f.toPath(), StandardCharsets.UTF_8)) {
            draft.mapping().save(w);
            checkMessage.setText(draft.message() + "\nSaved to " + f.getName() + ".");
        } catch (IOException e) {
            checkMessage.setText("Cannot save " + f.getName() + ": " + e.getMessage());
        }
    }
}
