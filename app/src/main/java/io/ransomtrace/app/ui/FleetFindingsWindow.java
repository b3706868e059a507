package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.BundledSampleCase;
import io.ransomtrace.app.fleet.FleetFindings;
import io.ransomtrace.app.fleet.FleetFindings.FleetFinding;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * File → Open fleet findings…: the findings of many hosts from the fleet job's topic or an exported findings file, in
 * one list; opening one builds a case from its extract (the host's lines around it), or from the host's own logs when
 * the analyst points at them, and opens it in the workbench like any imported case. The reading and writing live in
 * {@link FleetFindings}; this class is the window.
 */
public final class FleetFindingsWindow {
    private final Stage owner;
    private final MainWindow window;
    private final Workbench workbench;
    private final ObservableList<FleetFinding> findings = FXCollections.observableArrayList();
    private final List<Path> hostLogs = new ArrayList<>();
    private Stage stage;
    private TableView<FleetFinding> table;
    private TextArea details;
    private Label source;
    private Label logsLabel;
    private Button openCase;
    private TextField bootstrap;
    private TextField topic;

    public FleetFindingsWindow(Stage owner, MainWindow window, Workbench workbench) {
        this.owner = owner;
        this.window = window;
        this.workbench = workbench;
    }

    /** Adds File → Open fleet findings… after Import logs…. */
    public void install() {
        MenuItem item = new MenuItem("Open fleet findings…");
        item.setId("menu-fleet-findings");
        item.setOnAction(e -> show());
        window.fileMenu().getItems().add(2, item);
    }

    /** Shows the window (one, reused). */
    public void show() {
        if (stage == null) {
            stage = build();
        }
        stage.show();
        stage.toFront();
    }

    /** The findings listed (tests). */
    public ObservableList<FleetFinding> findings() {
        return findings;
    }

    public TableView<FleetFinding> table() {
        return table;
    }

    private Stage build() {
        Button file = new Button("Open findings file…");
        file.setId("fleet-open-file");
        file.setOnAction(e -> chooseFile());
        bootstrap = new TextField();
        bootstrap.setId("fleet-bootstrap");
        bootstrap.setPromptText("kafka:9092");
        topic = new TextField("findings");
        topic.setId("fleet-topic");
        Button read = new Button("Read topic");
        read.setId("fleet-read-topic");
        read.setOnAction(e -> readTopic(bootstrap.getText().strip(), topic.getText().strip()));
        source = new Label("No findings read yet.");
        HBox top = new HBox(8, file, new Label("or Kafka"), bootstrap, new Label("topic"), topic, read);
        VBox header = new VBox(6, top, source);
        header.setPadding(new Insets(8));

        table = new TableView<>(findings);
        table.setId("fleet-findings-table");
        table.getColumns().add(column("Severity", f -> f.severity() == null ? "?" : f.severity().label(), 80));
        table.getColumns().add(column("Score", f -> String.valueOf(f.score()), 55));
        table.getColumns().add(column("Host stream", FleetFinding::stream, 170));
        table.getColumns().add(column("Title", FleetFinding::title, 520));
        table.getColumns().add(column("First seen", FleetFinding::firstSeen, 190));
        TableColumn<FleetFinding, Number> lines = new TableColumn<>("Extract lines");
        lines.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().extract().size()));
        lines.setPrefWidth(95);
        table.getColumns().add(lines);
        table.setPlaceholder(new Label("Open a findings file (fleet local --json, or the topic's records) or read the"
                + " findings topic."));
        details = new TextArea();
        details.setId("fleet-finding-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selected(now));

        Button logs = new Button("Add host logs…");
        logs.setId("fleet-add-host-logs");
        logs.setOnAction(e -> chooseHostLogs());
        logsLabel = new Label("No host logs: the case is built from the finding's extract.");
        openCase = new Button("Open as case");
        openCase.setId("fleet-open-case");
        openCase.setDefaultButton(true);
        openCase.setDisable(true);
        openCase.setOnAction(e -> openSelected());
        HBox bottom = new HBox(8, logs, logsLabel, new javafx.scene.layout.Region(), openCase);
        HBox.setHgrow(bottom.getChildren().get(2), Priority.ALWAYS);
        VBox south = new VBox(6, details, bottom);
        south.setPadding(new Insets(8));

        BorderPane root = new BorderPane(table, header, null, south, null);
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("Fleet findings");
        Scene scene = new Scene(root, 1280, 720);
        MainWindow.addStylesheets(scene);
        s.setScene(scene);
        return s;
    }

    private static TableColumn<FleetFinding, String> column(String name, java.util.function.Function<FleetFinding, String> value,
                                                          double width) {
        TableColumn<FleetFinding, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Fleet findings file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Findings (JSON, NDJSON)", "*.json", "*.ndjson", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            readFile(f.toPath());
        }
    }

    /** Reads an exported findings file in the background and lists it. */
    public void readFile(Path file) {
        workbench.tasks().run("Reading fleet findings from " + file.getFileName(), p -> FleetFindings.readFile(file),
                list -> list(list, file.toString()), e -> failed("Cannot read " + file.getFileName(), e));
    }

    /** Reads the findings topic (committed records) in the background and lists it. */
    public void readTopic(String servers, String name) {
        if (servers.isEmpty() || name.isEmpty()) {
            source.setText("Give the Kafka bootstrap servers (host:port) and the findings topic.");
            return;
        }
        workbench.tasks().run("Reading topic " + name + " at " + servers,
                p -> FleetFindings.readTopic(servers, name, Duration.ofSeconds(30), p::cancelled),
                list -> list(list, "topic " + name + " at " + servers), e -> failed("Cannot read topic " + name, e));
    }

    private void list(List<FleetFinding> list, String from) {
        findings.setAll(list);
        long streams = list.stream().map(FleetFinding::stream).distinct().count();
        source.setText(list.size() + " finding" + (list.size() == 1 ? "" : "s") + " of " + streams + " host stream"
                + (streams == 1 ? "" : "s") + " from " + from + ".");
        if (!list.isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    private void failed(String what, Throwable e) {
        source.setText(what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    private void selected(FleetFinding f) {
        openCase.setDisable(f == null);
        hostLogs.clear();
        logsLabel.setText("No host logs: the case is built from the finding's extract.");
        if (f == null) {
            details.clear();
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(f.severity() == null ? "?" : f.severity().label().toUpperCase(java.util.Locale.ROOT)).append(", score ")
                .append(f.score()).append(": ").append(f.title()).append('\n');
        sb.append("Host stream ").append(f.stream()).append(", host ").append(f.host()).append(", ").append(f.firstSeen())
                .append(" to ").append(f.lastSeen()).append('\n');
        sb.append("Root: ").append(f.rootCommand()).append(" (user ").append(f.user()).append(", login user ")
                .append(f.loginUser()).append(")\n");
        for (String s : f.firedSignals()) {
            sb.append("- ").append(s).append('\n');
        }
        sb.append(f.extract().isEmpty() ? "No extract: point at the host's logs to build a case."
                : "Extract: " + f.extract().size() + " lines of the host around the first alert (lines "
                + f.extract().get(0).line() + " to " + f.extract().get(f.extract().size() - 1).line()
                + " of its stream); the host's logs give the whole campaign.");
        details.setText(sb.toString());
        openCase.setDisable(f.extract().isEmpty());
    }

    private void chooseHostLogs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The host's logs (audit.log, rotated files, ECS exports)");
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            addHostLogs(files.stream().map(File::toPath).toList());
        }
    }

    /** The host's own logs: the case is built from them (they hold the extract's lines and everything else). */
    public void addHostLogs(List<Path> logs) {
        hostLogs.clear();
        hostLogs.addAll(logs);
        logsLabel.setText(logs.size() + " host log file" + (logs.size() == 1 ? "" : "s")
                + ": the case is built from them instead of the extract.");
        openCase.setDisable(table.getSelectionModel().getSelectedItem() == null);
    }

    /** Builds the case for the selected finding and opens it in the workbench. */
    public void openSelected() {
        FleetFinding f = table.getSelectionModel().getSelectedItem();
        if (f == null) {
            return;
        }
        Path folder = BundledSampleCase.casesFolder();
        Path caseFile = FleetFindings.caseFile(f, folder, CaseStore.EXTENSION);
        openAsCase(f, caseFile);
    }

    /** Builds the case in {@code caseFile} (its inputs kept in a {@code -logs} folder beside it) and opens it. */
    public void openAsCase(FleetFinding f, Path caseFile) {
        List<Path> inputs = new ArrayList<>(hostLogs);
        Path logsDir = caseFile.resolveSibling(caseFile.getFileName().toString().replace(CaseStore.EXTENSION, "") + "-logs");
        try {
            if (Files.exists(caseFile)) {
                Files.delete(caseFile); // built again from the same finding: start clean, never import twice
            }
            Path extract = FleetFindings.writeCaseInputs(f, logsDir);
            if (inputs.isEmpty() && extract != null) {
                inputs.add(extract);
            }
        } catch (IOException e) {
            failed("Cannot write the case's inputs", e);
            return;
        }
        if (inputs.isEmpty()) {
            source.setText("Nothing to build a case from: the finding has no extract; add the host's logs.");
            return;
        }
        stage.hide();
        workbench.importInto(caseFile, inputs);
        window.statusBar().showIdle("Case for fleet finding \"" + f.title() + "\" (stream " + f.stream() + "); the fleet's"
                + " verdict is kept in " + logsDir.getFileName() + ".");
    }
}
