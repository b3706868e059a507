package io.ransomtrace.views.tuning;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistEffect;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.ViewStyles;
import io.ransomtrace.views.findings.SeverityChip;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The allowlist: which activity is benign, why, who said so, until when. A table of entries and a form below it
 * to add, update or remove one; {@link #prefill} starts a new entry from a context menu (e.g. "Allowlist this
 * executable…" on a process). A reason is required. Expired entries are shown struck through.
 */
public final class AllowlistEditor extends VBox {
    private static final PseudoClass EXPIRED = PseudoClass.getPseudoClass("expired");
    /** The effect as the form names it: suppress, or cap the severity. */
    private static final StringConverter<AllowlistEffect> EFFECT_NAMES = new StringConverter<>() {
        @Override
        public String toString(AllowlistEffect e) {
            return e == null ? "" : e == AllowlistEffect.CAP_SEVERITY ? "CAP" : e.name();
        }

        @Override
        public AllowlistEffect fromString(String s) {
            return "CAP".equals(s) ? AllowlistEffect.CAP_SEVERITY : AllowlistEffect.SUPPRESS;
        }
    };

    private final ObservableList<AllowlistRule> entries = FXCollections.observableArrayList();
    private final TableView<AllowlistRule> table = new TableView<>(entries);
    private final ComboBox<AllowlistRule.MatchField> field = new ComboBox<>();
    private final TextField pattern = new TextField();
    private final ComboBox<AllowlistEffect> effect = new ComboBox<>();
    private final ComboBox<Severity> cap = new ComboBox<>();
    private final TextField reason = new TextField();
    private final TextField author = new TextField();
    private final DatePicker expires = new DatePicker();
    private final Label error = new Label();
    private final Button add = new Button("Add", new FontIcon(Material2MZ.PLAYLIST_ADD));
    private final Button update = new Button("Update");
    private final Button remove = new Button("Remove", new FontIcon(Material2AL.DELETE_OUTLINE));
    private LocalDate today = LocalDate.now();
    private Consumer<List<AllowlistRule>> onChanged = l -> { };

    public AllowlistEditor() {
        ViewStyles.apply(this, "allowlist-editor");
        setId("allowlist-editor");
        setSpacing(6);
        setPadding(new Insets(6));
        Label title = new Label("Allowlist");
        title.getStyleClass().add("panel-title");

        table.setId("allowlist-table");
        table.getStyleClass().add("dense");
        table.setFixedCellSize(24);
        table.setPrefHeight(160);
        table.setPlaceholder(new Label("No entries. Add one here or from a process's menu."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().addAll(List.of(
                column("Field", 100, e -> e.field().name().toLowerCase().replace('_', ' ')),
                column("Pattern", 200, AllowlistRule::pattern),
                column("Effect", 110, e -> e.effect() == AllowlistEffect.CAP_SEVERITY ? "cap at " + SeverityChip.label(e.cap()) : "suppress"),
                column("Reason", 220, AllowlistRule::reason),
                column("Author", 80, AllowlistRule::author),
                column("Expires", 90, e -> e.expires() == null ? "never" : e.expires().toString())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AllowlistRule item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(EXPIRED, !empty && item != null && item.isExpired(today));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                fill(now);
            }
            update.setDisable(now == null);
            remove.setDisable(now == null);
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        field.getItems().setAll(AllowlistRule.MatchField.values());
        field.setValue(AllowlistRule.MatchField.EXE);
        field.setId("allowlist-field");
        pattern.setId("allowlist-pattern");
        pattern.setPromptText("/usr/bin/rsync  or  /opt/backup/*");
        effect.getItems().setAll(AllowlistEffect.values());
        effect.setConverter(EFFECT_NAMES);
        effect.setValue(AllowlistEffect.SUPPRESS);
        effect.setId("allowlist-effect");
        cap.getItems().setAll(SeverityChip.mostSevereFirst());
        cap.setValue(Severity.LOW);
        cap.setId("allowlist-cap");
        cap.disableProperty().bind(effect.valueProperty().isNotEqualTo(AllowlistEffect.CAP_SEVERITY));
        reason.setId("allowlist-reason");
        reason.setPromptText("why this is benign (required)");
        author.setId("allowlist-author");
        author.setPromptText("analyst");
        expires.setId("allowlist-expires");
        expires.setPromptText("no expiry");
        error.setId("allowlist-error");
        error.getStyleClass().add("form-error");

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, formLabel("Match"), field, pattern);
        form.addRow(1, formLabel("Effect"), effect, cap);
        form.addRow(2, formLabel("Reason"), reason);
        GridPane.setColumnSpan(reason, 2);
        form.addRow(3, formLabel("Author"), author, expires);
        GridPane.setHgrow(pattern, Priority.ALWAYS);
        pattern.setMaxWidth(Double.MAX_VALUE);

        add.setId("allowlist-add");
        add.getStyleClass().add("small");
        add.setOnAction(e -> addFromForm());
        update.setId("allowlist-update");
        update.getStyleClass().add("small");
        update.setDisable(true);
        update.setOnAction(e -> updateFromForm());
        remove.setId("allowlist-remove");
        remove.getStyleClass().addAll("small", "danger");
        remove.setDisable(true);
        remove.setOnAction(e -> removeSelected());
        HBox buttons = new HBox(6, add, update, remove, error);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, table, form, buttons);
    }

    /** A form label that is never cut: the fields beside it give way instead. */
    private static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<AllowlistRule, String> column(String name, double width,
                                                              Function<AllowlistRule, String> value) {
        TableColumn<AllowlistRule, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(Inert.plain(value.apply(cd.getValue()))));
        return c;
    }

    /** Starts a new entry matching {@code value} on {@code f}: fills the form and puts the cursor on the reason. */
    public void prefill(AllowlistRule.MatchField f, String value) {
        table.getSelectionModel().clearSelection();
        field.setValue(f);
        pattern.setText(value);
        effect.setValue(AllowlistEffect.SUPPRESS);
        reason.clear();
        expires.setValue(null);
        error.setText("");
        reason.requestFocus();
    }

    public void setDefaultAuthor(String name) {
        if (author.getText() == null || author.getText().isBlank()) {
            author.setText(name);
        }
    }

    /** The day against which expiry is judged (today by default). */
    public void setToday(LocalDate day) {
        today = day;
        table.refresh();
    }

    public void setEntries(List<AllowlistRule> list) {
        entries.setAll(list);
    }

    public List<AllowlistRule> entries() {
        return List.copyOf(entries);
    }

    public void setOnChanged(Consumer<List<AllowlistRule>> callback) {
        onChanged = callback == null ? l -> { } : callback;
    }

    public TableView<AllowlistRule> table() {
        return table;
    }

    private AllowlistRule fromForm() {
        String p = pattern.getText() == null ? "" : pattern.getText().strip();
        String r = reason.getText() == null ? "" : reason.getText().strip();
        if (p.isEmpty()) {
            error.setText("A pattern is required");
            return null;
        }
        if (r.isEmpty()) {
            error.setText("A reason is required: it is shown next to every finding it suppresses");
            return null;
        }
        error.setText("");
        return new AllowlistRule(field.getValue(), p, effect.getValue(),
                effect.getValue() == AllowlistEffect.CAP_SEVERITY ? cap.getValue() : null, r,
                author.getText() == null ? "" : author.getText().strip(), expires.getValue());
    }

    private void fill(AllowlistRule e) {
        field.setValue(e.field());
        pattern.setText(e.pattern());
        effect.setValue(e.effect());
        if (e.cap() != null) {
            cap.setValue(e.cap());
        }
        reason.setText(e.reason());
        author.setText(e.author());
        expires.setValue(e.expires());
        error.setText("");
    }

    private void addFromForm() {
        AllowlistRule e = fromForm();
        if (e != null) {
            entries.add(e);
            table.getSelectionModel().clearSelection();
            pattern.clear();
            reason.clear();
            onChanged.accept(entries());
        }
    }

    private void updateFromForm() {
        int i = table.getSelectionModel().getSelectedIndex();
        AllowlistRule e = fromForm();
        if (i >= 0 && e != null) {
            entries.set(i, e);
            onChanged.accept(entries());
        }
    }

    private void removeSelected() {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            entries.remove(i);
            onChanged.accept(entries());
        }
    }
}
