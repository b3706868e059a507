package io.ransomtrace.views.inspector;

import io.ransomtrace.engine.text.Inert;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tags and the note of one finding. Nothing the analyst types is lost: a tag is saved when it is added or
 * removed, the note when the focus leaves the box, when Save is pressed, and before the inspector shows anything
 * else ({@link #flush}). Tab leaves the note box (Shift+Tab goes back), as in every other field.
 */
final class AnnotationEditor extends VBox {
    private final List<String> tags;
    private final FlowPane chips = new FlowPane(4, 4);
    private final TextField add = new TextField();
    private final TextArea notes;
    private final Button save = new Button("Save note", new FontIcon(Material2AL.CHECK));
    private final Label state = new Label();
    private final Consumer<Annotations> onSave;
    private String savedNotes;

    AnnotationEditor(List<String> tags, String notes, Consumer<Annotations> onSave) {
        super(6);
        this.tags = new ArrayList<>(tags);
        this.notes = new TextArea(notes);
        this.savedNotes = notes;
        this.onSave = onSave;
        chips.setId("inspector-tags");
        add.setId("inspector-tag-input");
        add.setPromptText("add tag, Enter");
        add.setPrefColumnCount(10);
        this.notes.setId("inspector-notes");
        this.notes.setWrapText(true);
        this.notes.setPrefRowCount(4);
        this.notes.setPromptText("Notes for the report… (saved when you leave the box)");
        save.setId("inspector-save");
        save.getStyleClass().add("small");
        state.setId("inspector-notes-state");
        state.getStyleClass().add("text-muted");
        redrawChips();
        add.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                String t = add.getText().strip();
                add.clear();
                if (!t.isEmpty() && !this.tags.contains(t)) {
                    this.tags.add(t);
                    redrawChips();
                    add.requestFocus();
                    saveNow();
                }
            }
        });
        this.notes.textProperty().addListener(o -> showState());
        this.notes.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                flush();
            }
        });
        // A TextArea keeps Tab as a character; analysts expect it to move on, like every other field.
        this.notes.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown()) {
                e.consume();
                (e.isShiftDown() ? add : save).requestFocus();
            }
        });
        save.setOnAction(e -> saveNow());
        HBox actions = new HBox(8, save, state);
        actions.setAlignment(Pos.CENTER_LEFT);
        showState();
        getChildren().addAll(chips, this.notes, actions);
    }

    /** Whether the note differs from what is saved. */
    boolean dirty() {
        return !notes.getText().equals(savedNotes);
    }

    /** Saves the note when it was changed; what the inspector calls before it shows something else. */
    void flush() {
        if (dirty()) {
            saveNow();
        }
    }

    private void saveNow() {
        savedNotes = notes.getText();
        onSave.accept(new Annotations(tags, savedNotes));
        showState();
    }

    private void showState() {
        boolean d = dirty();
        save.setDisable(!d);
        state.setText(d ? "not saved yet" : "saved in the case");
    }

    private void redrawChips() {
        chips.getChildren().clear();
        for (String t : tags) {
            Label chip = new Label(Inert.plain(t));
            chip.getStyleClass().add("tag-chip");
            Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
            remove.getStyleClass().addAll("flat", "small", "tag-remove");
            remove.setOnAction(e -> {
                tags.remove(t);
                redrawChips();
                saveNow();
            });
            HBox c = new HBox(0, chip, remove);
            c.setAlignment(Pos.CENTER_LEFT);
            c.getStyleClass().add("tag-chip-box");
            chips.getChildren().add(c);
        }
        chips.getChildren().add(add);
    }
}
