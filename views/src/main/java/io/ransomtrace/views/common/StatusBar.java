package io.ransomtrace.views.common;

import io.ransomtrace.engine.text.Inert;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The strip at the bottom of the main window: what the workbench is doing, and for long work a progress bar,
 * its rate and a cancel button (shown only while a task runs).
 */
public final class StatusBar extends HBox {
    private final Label message = new Label();
    private final Label caseInfo = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label rate = new Label();
    private final Button cancel = new Button("Cancel");

    public StatusBar() {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(3, 10, 3, 10));
        message.setId("status-message");
        caseInfo.setId("status-case");
        progress.setPrefWidth(180);
        cancel.getStyleClass().add("small");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(message, grow, progress, rate, cancel, caseInfo);
        // messages name files and cases from the analyst's disk: whoever sets them, hidden characters are shown
        for (Label l : new Label[]{message, caseInfo}) {
            l.textProperty().addListener((obs, old, now) -> {
                if (Inert.hasHidden(now)) {
                    l.setText(Inert.visible(now));
                }
            });
        }
        showIdle("Ready");
    }

    public void showIdle(String text) {
        message.setText(text);
        progress.setVisible(false);
        progress.setManaged(false);
        rate.setText("");
        cancel.setVisible(false);
        cancel.setManaged(false);
    }

    public Label message() {
        return message;
    }

    public Label caseInfo() {
        return caseInfo;
    }

    public ProgressBar progress() {
        return progress;
    }

    public Label rate() {
        return rate;
    }

    public Button cancel() {
        return cancel;
    }
}
