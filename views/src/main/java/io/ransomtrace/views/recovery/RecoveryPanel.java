package io.ransomtrace.views.recovery;

import io.ransomtrace.views.common.ViewStyles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Consumer;

/**
 * The Recovery section of a finding: how its files come back (counts per method), the keys the log shows (masked;
 * Reveal shows one, Copy puts it on the clipboard without showing it) with a link to the event that shows each,
 * what to seize, and Export plan… (the owner writes the plan). Fed a {@link RecoveryView}; shows "Planning…" while
 * the owner reads the case.
 */
public final class RecoveryPanel extends VBox {

    private Consumer<Long> onEventSelected = id -> { };
    private Runnable onExport = () -> { };

    public RecoveryPanel() {
        super(6);
        ViewStyles.apply(this, "recovery-panel");
        setId("recovery-panel");
        showPlanning();
    }

    /** Called with an event id when the analyst follows a key's evidence link. */
    public void setOnEventSelected(Consumer<Long> callback) {
        onEventSelected = callback == null ? id -> { } : callback;
    }

    /** Called when the analyst asks to export the plan. */
    public void setOnExport(Runnable callback) {
        onExport = callback == null ? () -> { } : callback;
    }

    public void showPlanning() {
        getChildren().setAll(muted("Planning recovery from the attacker's commands…"));
    }

    public void showMessage(String message) {
        getChildren().setAll(muted(message));
    }

    public void show(RecoveryView v) {
        Label summary = new Label(v.summary());
        summary.setId("recovery-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("recovery-summary");

        GridPane counts = new GridPane();
        counts.setId("recovery-methods");
        counts.setHgap(10);
        counts.setVgap(2);
        int row = 0;
        for (RecoveryView.MethodCount m : v.methods()) {
            Label method = new Label(m.method());
            method.getStyleClass().addAll("recovery-method", "method-" + m.method());
            Label n = new Label(String.format("%,d", m.files()));
            n.getStyleClass().add("property-value");
            Label meaning = new Label(m.meaning());
            meaning.setWrapText(true);
            meaning.getStyleClass().add("text-muted");
            GridPane.setHgrow(meaning, Priority.ALWAYS);
            counts.addRow(row++, method, n, meaning);
        }

        VBox keys = new VBox(6);
        keys.setId("recovery-keys");
        int k = 0;
        for (RecoveryView.KeyLine key : v.keys()) {
            keys.getChildren().add(keyRow(key, k++));
        }

        Button export = new Button("Export plan…", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("recovery-export");
        export.getStyleClass().add("small");
        export.setOnAction(e -> onExport.run());

        getChildren().setAll(summary, counts);
        if (!v.keys().isEmpty()) {
            getChildren().addAll(sub("Key evidence"), keys);
        }
        for (String s : v.seize()) {
            Label seize = new Label("Seize " + s);
            seize.setWrapText(true);
            seize.getStyleClass().add("recovery-seize");
            getChildren().add(seize);
        }
        getChildren().add(export);
    }

    private Node keyRow(RecoveryView.KeyLine key, int index) {
        Label what = new Label(key.tool() + " · " + key.cipher() + " · " + key.how());
        what.setWrapText(true);
        what.getStyleClass().add("recovery-key-tool");
        Label value = new Label(key.masked());
        value.setId("recovery-key-" + index);
        value.setWrapText(true);
        value.getStyleClass().add("recovery-key-value");
        Hyperlink event = new Hyperlink("event " + key.eventId());
        event.setId("recovery-key-event-" + index);
        event.setOnAction(e -> onEventSelected.accept(key.eventId()));
        Label files = new Label(key.decrypts() > 0 ? key.decrypts() + " of " + key.files() + " files decryptable"
                : key.files() + (key.files() == 1 ? " file" : " files"));
        files.getStyleClass().add("text-muted");
        HBox actions = new HBox(6, event, files);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (key.secret() != null) {
            ToggleButton reveal = new ToggleButton("Reveal", new FontIcon(Material2MZ.VISIBILITY));
            reveal.setId("recovery-reveal-" + index);
            reveal.getStyleClass().add("small");
            reveal.selectedProperty().addListener((o, was, now) -> {
                value.setText(now ? key.secret() : key.masked());
                reveal.setText(now ? "Hide" : "Reveal");
            });
            Button copy = new Button("Copy", new FontIcon(Material2AL.CONTENT_COPY));
            copy.setId("recovery-copy-" + index);
            copy.getStyleClass().add("small");
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(key.secret());
                Clipboard.getSystemClipboard().setContent(c);
            });
            actions.getChildren().addAll(reveal, copy);
        }
        VBox box = new VBox(2, what, value, actions);
        box.getStyleClass().add("recovery-key");
        return box;
    }

    private static Label sub(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("property-key");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }
}
