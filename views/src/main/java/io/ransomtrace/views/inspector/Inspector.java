package io.ransomtrace.views.inspector;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.findings.SeverityChip;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.recovery.RecoveryPanel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The detail pane: for a finding its signals as sentences with value vs threshold, its evidence (click to go to
 * the event) and a tags + notes editor; for a process or an event every field, and for an event its raw source
 * lines and provenance.
 */
public final class Inspector extends VBox {
    private final VBox content = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Label heading = new Label();
    private BiConsumer<String, Annotations> onSaveAnnotations = (id, a) -> { };
    /** The Recovery section, made when an owner asks for it (it feeds it: planning reads the case). */
    private RecoveryPanel recovery;
    private Consumer<Long> onEvidenceSelected = id -> { };
    private BiConsumer<EventLink, EventRow> onEventLink = (l, e) -> { };
    private Consumer<ProcessRow> onProcessEvents = p -> { };
    private AnnotationEditor editor;

    public Inspector() {
        ViewStyles.apply(this, "inspector");
        setId("inspector-pane");
        heading.setId("inspector-heading");
        heading.getStyleClass().add("inspector-heading");
        heading.setWrapText(true);
        content.setPadding(new Insets(8, 10, 10, 10));
        content.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        clear();
    }

    public void clear() {
        flushNotes();
        heading.setText("Nothing selected");
        Label hint = new Label("Select a finding, a process or an event to see its details.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        content.getChildren().setAll(heading, hint);
    }

    public void setOnSaveAnnotations(BiConsumer<String, Annotations> callback) {
        onSaveAnnotations = callback == null ? (id, a) -> { } : callback;
    }

    public void setOnEvidenceSelected(Consumer<Long> callback) {
        onEvidenceSelected = callback == null ? id -> { } : callback;
    }

    /** Called when the analyst follows a link of the event shown ("Show in process tree", "Events of this process"). */
    public void setOnEventLink(BiConsumer<EventLink, EventRow> callback) {
        onEventLink = callback == null ? (l, e) -> { } : callback;
    }

    /** Called when the analyst asks for the events of the process shown. */
    public void setOnProcessEvents(Consumer<ProcessRow> callback) {
        onProcessEvents = callback == null ? p -> { } : callback;
    }

    /**
     * Saves a note being edited, if it was changed: called before anything else is shown, so that selecting
     * another finding, process or event never throws an edit away.
     */
    public void flushNotes() {
        if (editor != null) {
            AnnotationEditor e = editor;
            editor = null;
            e.flush();
        }
    }

    /** Whether a finding's note has unsaved changes (it is saved as soon as the focus leaves it). */
    public boolean hasUnsavedNotes() {
        return editor != null && editor.dirty();
    }

    /** Shows a finding: summary, signals, evidence and the annotation editor. */
    public void showFinding(FindingDetail d) {
        flushNotes();
        FindingRow f = d.finding();
        heading.setText(Inert.plain(f.title()));
        Label severity = new Label();
        SeverityChip.show(severity, f.severity());
        Label score = new Label(String.format("score %.2f", f.score()));
        score.getStyleClass().add("text-muted");
        HBox chips = new HBox(8, severity, score);
        chips.setAlignment(Pos.CENTER_LEFT);
        if (f.suppressed()) {
            Label s = new Label("suppressed: " + Inert.plain(f.suppressedWhy()));
            s.getStyleClass().add("suppressed-note");
            chips.getChildren().add(s);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Host", f.host());
        facts.put("Root command", f.rootCommand());
        facts.put("Login user", f.loginUser());
        facts.put("Files affected", String.format("%,d originals", f.filesAffected()));
        facts.put("First alert", TimeFormats.full(f.firstAlert()));

        VBox signals = new VBox(6);
        signals.setId("inspector-signals");
        for (SignalLine s : d.signals()) {
            signals.getChildren().add(signalView(s));
        }
        if (d.signals().isEmpty()) {
            signals.getChildren().add(muted("No signals recorded."));
        }

        ListView<EvidenceLine> evidence = new ListView<>();
        evidence.setId("inspector-evidence");
        evidence.getItems().setAll(d.evidence());
        evidence.setFixedCellSize(22);
        evidence.setPrefHeight(Math.min(10, Math.max(2, d.evidence().size())) * 22 + 4);
        evidence.getStyleClass().add("dense");
        evidence.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EvidenceLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TimeFormats.full(item.time()) + "  " + Inert.plain(item.summary()));
            }
        });
        evidence.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                onEvidenceSelected.accept(now.eventId());
            }
        });

        content.getChildren().setAll(heading, chips, section("Summary"), propertyGrid(facts),
                section("Signals"), signals, section("Evidence (" + d.evidence().size() + ")"), evidence);
        if (recovery != null) {
            recovery.showPlanning();
            content.getChildren().addAll(section("Recovery"), recovery);
        }
        content.getChildren().addAll(section("Tags and notes"), annotationEditor(f.id(), d.tags(), d.notes()));
        scroll.setVvalue(0);
    }

    private AnnotationEditor annotationEditor(String findingId, List<String> tags, String notes) {
        editor = new AnnotationEditor(tags, notes, a -> onSaveAnnotations.accept(findingId, a));
        return editor;
    }

    private Node signalView(SignalLine s) {
        FontIcon icon = new FontIcon(s.triggered() ? Material2AL.ERROR_OUTLINE : Material2AL.CHECK_CIRCLE_OUTLINE);
        icon.getStyleClass().add(s.triggered() ? "signal-fired" : "signal-quiet");
        Label kind = new Label(s.kind());
        kind.getStyleClass().add("signal-kind");
        Label sentence = new Label(Inert.visible(s.sentence()));
        sentence.setWrapText(true);
        String unit = s.unit() == null || s.unit().isEmpty() ? "" : " " + s.unit();
        Label numbers = new Label(format(s.value()) + unit + (s.triggered() ? "  ≥  " : "  <  ")
                + "threshold " + format(s.threshold()) + unit);
        numbers.getStyleClass().addAll("signal-numbers", s.triggered() ? "signal-fired" : "text-muted");
        VBox text = new VBox(1, kind, sentence, numbers);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(6, icon, text);
        row.getStyleClass().add("signal-line");
        return row;
    }

    /**
     * The finding's Recovery section, shown from now on under its evidence; its owner feeds it for each finding
     * shown ({@link RecoveryPanel#show}) and handles its export.
     */
    public RecoveryPanel recovery() {
        if (recovery == null) {
            recovery = new RecoveryPanel();
        }
        return recovery;
    }

    /** Shows every field of a process the analyst reads (no internal keys), its tags, and where to go next. */
    public void showProcess(ProcessRow p) {
        flushNotes();
        heading.setText(p.unnamed() ? "Process " + p.pid() + " (started before the logs)"
                : Inert.plain(p.exeName()) + "  [" + p.pid() + "]");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("PID", String.valueOf(p.pid()));
        f.put("Parent PID", p.ppid() < 0 ? "unknown" : String.valueOf(p.ppid()));
        f.put("Executable", p.unnamed() ? "not in the logs: only its pid is known, as the parent of "
                + "processes that are" : p.exe());
        f.put("Command line", p.commandLine());
        if (p.execFailed()) {
            f.put("Exec", "failed: the program was not started (e.g. a shell trying each folder of PATH)");
        }
        f.put("User", p.user());
        f.put("Login user", p.loginUser());
        f.put("Start", TimeFormats.full(p.start()));
        f.put("End", p.end() == null ? "not seen" : TimeFormats.full(p.end()));
        f.put("Files changed", String.format("%,d", p.filesModified()) + " (created, written, renamed or deleted by "
                + "this process itself)");
        f.put("Signals", String.join(", ", p.badges().stream().sorted().toList()));
        FlowPane tags = new FlowPane(4, 4);
        tags.setId("inspector-process-tags");
        for (String t : p.tags().stream().sorted().toList()) {
            Label chip = new Label(Inert.plain(t));
            chip.getStyleClass().add("tag-chip");
            tags.getChildren().add(chip);
        }
        if (p.tags().isEmpty()) {
            tags.getChildren().add(muted("No tags (Ctrl+T or the row's menu: Tag…)"));
        }
        javafx.scene.control.Hyperlink events = link("Events of this process", "inspector-link-process-events",
                () -> onProcessEvents.accept(p));
        content.getChildren().setAll(heading, propertyGrid(f), section("Tags"), tags, events);
    }

    /** Shows every field of an event, then its raw source line(s) and where they came from. */
    public void showEvent(EventRow e, List<String> rawLines) {
        flushNotes();
        heading.setText(e.kind() + "  " + (e.path() == null ? "" : Inert.plain(e.path())));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Event id", String.valueOf(e.eventId()));
        f.put("Time", TimeFormats.full(e.time()));
        f.put("Host", e.host());
        f.put("PID", String.valueOf(e.pid()));
        f.put("Executable", e.exe());
        f.put("User", e.user());
        f.put("Login user", e.loginUser());
        f.put("Kind", e.kind());
        f.put("Path", e.path());
        f.put("Target path", e.targetPath());
        f.put("Result", e.failed() ? "failed: the kernel refused the call, nothing changed" : e.result());
        f.put("Source", e.source());
        f.put("Line", String.valueOf(e.line()));
        TextArea raw = new TextArea(rawLines == null || rawLines.isEmpty()
                ? "(raw line not available)" : String.join("\n", rawLines.stream().map(Inert::visible).toList()));
        raw.setId("inspector-raw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.getStyleClass().add("raw-lines");
        raw.setPrefRowCount(Math.min(12, Math.max(3, rawLines == null ? 1 : rawLines.size() * 2)));
        Label provenance = muted(Inert.plain(e.source()) + ", line " + e.line());
        provenance.setId("inspector-provenance");
        HBox links = new HBox(12);
        for (EventLink l : EventLink.values()) {
            links.getChildren().add(link(l.label(), "inspector-link-" + l.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), () -> onEventLink.accept(l, e)));
        }
        content.getChildren().setAll(heading, links, propertyGrid(f), section("Raw source"), provenance, raw);
    }

    /** Shows a summary of something that is not a finding, a process or an event (a host, a source). */
    public void showSummary(String title, Map<String, String> facts) {
        flushNotes();
        heading.setText(Inert.plain(title));
        content.getChildren().setAll(heading, propertyGrid(facts));
    }

    /**
     * Shows a record the import quarantined: where it is (file, line, byte offset), why it was set aside, and its
     * raw text as read.
     */
    public void showQuarantined(String file, long line, long byteOffset, String reason, String rawText) {
        flushNotes();
        heading.setText("Import error");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("File", file);
        f.put("Line", line <= 0 ? "the file as a whole" : String.format("%,d", line));
        f.put("Byte offset", String.format("%,d", byteOffset));
        f.put("Reason", reason);
        TextArea raw = new TextArea(rawText == null || rawText.isEmpty() ? "(no text: the problem is the file "
                + "itself, not one line)" : Inert.visible(rawText));
        raw.setId("inspector-raw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.getStyleClass().add("raw-lines");
        raw.setPrefRowCount(6);
        Label provenance = muted(Inert.plain(file) + ", line " + line + ", byte " + byteOffset);
        provenance.setId("inspector-provenance");
        content.getChildren().setAll(heading, propertyGrid(f), section("Raw line"), provenance, raw);
    }

    private static javafx.scene.control.Hyperlink link(String text, String id, Runnable action) {
        javafx.scene.control.Hyperlink l = new javafx.scene.control.Hyperlink(text);
        l.setId(id);
        l.setOnAction(ev -> action.run());
        return l;
    }

    private static GridPane propertyGrid(Map<String, String> fields) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("property-grid");
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        // Keys ("Root command", "Login user") are never cut: the values wrap instead.
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        int row = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("property-key");
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // every value comes from a log or the analyst: shown whole, hidden characters as [U+202E] markers
            Label v = new Label(e.getValue() == null || e.getValue().isEmpty() ? "—" : Inert.visible(e.getValue()));
            v.getStyleClass().add("property-value");
            v.setWrapText(true);
            grid.addRow(row++, k, v);
        }
        return grid;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("inspector-section");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.format("%,d", (long) v) : String.format("%,.2f", v);
    }

    /** The texts currently shown, for tests and copy-all. */
    public List<String> visibleTexts() {
        List<String> out = new ArrayList<>();
        collect(content, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Label l && l.getText() != null) {
            out.add(l.getText());
        } else if (n instanceof TextArea t) {
            out.add(t.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
