package io.ransomtrace.views.tuning;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.ViewStyles;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.findings.SeverityChip;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The preview of a tuning change: findings added, removed, severity changed, with Keep / Revert.
 */
public final class FindingsDiffView extends VBox {
    /** One line of the diff list. */
    public record Line(String sign, String text, String styleClass) {
    }

    private final Label summary = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final ListView<Line> lines = new ListView<>();
    private final Button keep = new Button("Keep", new FontIcon(Material2AL.CHECK));
    private final Button revert = new Button("Revert", new FontIcon(Material2MZ.UNDO));
    private FindingsDiff diff = FindingsDiff.NONE;

    public FindingsDiffView() {
        ViewStyles.apply(this, "findings-diff");
        setId("findings-diff");
        setSpacing(6);
        summary.setId("diff-summary");
        summary.getStyleClass().add("diff-summary");
        busy.setPrefSize(14, 14);
        busy.setVisible(false);
        keep.setId("diff-keep");
        keep.getStyleClass().addAll("small", "accent");
        revert.setId("diff-revert");
        revert.getStyleClass().add("small");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(6, busy, summary, grow, revert, keep);
        header.setAlignment(Pos.CENTER_LEFT);
        lines.setId("diff-lines");
        lines.getStyleClass().add("dense");
        lines.setFixedCellSize(22);
        lines.setPrefHeight(150);
        lines.setPlaceholder(new Label("Move a threshold to preview its effect"));
        lines.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Line item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-changed");
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item.sign() + "  " + Inert.plain(item.text()));
                setTooltip(new javafx.scene.control.Tooltip(Inert.plain(item.text())));
                getStyleClass().add(item.styleClass());
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        getChildren().addAll(header, lines);
        show(FindingsDiff.NONE, false);
    }

    /** Shows a diff; {@code pending} enables Keep/Revert (there is an unkept change). */
    public void show(FindingsDiff d, boolean pending) {
        diff = d;
        summary.setText(pending ? d.summary() : "Profile kept");
        lines.getItems().clear();
        for (FindingRow f : d.added()) {
            lines.getItems().add(new Line("+", describe(f), "diff-added"));
        }
        for (FindingRow f : d.removed()) {
            lines.getItems().add(new Line("−", describe(f), "diff-removed"));
        }
        for (FindingChange c : d.changed()) {
            lines.getItems().add(new Line(c.raised() ? "▲" : "▼", c.describe() + "  " + c.after().title() + "  ("
                    + c.after().host() + ")", "diff-changed"));
        }
        keep.setDisable(!pending);
        revert.setDisable(!pending);
    }

    public void setBusy(boolean running) {
        busy.setVisible(running);
        if (running) {
            summary.setText("Re-running the detector…");
        }
    }

    /** While a re-run goes on: how far it got and what it found so far (a large case takes a while). */
    public void showProgress(String text) {
        if (busy.isVisible()) {
            summary.setText(text);
        }
    }

    public void showError(String message) {
        busy.setVisible(false);
        summary.setText("Re-run failed: " + message);
    }

    private static String describe(FindingRow f) {
        return SeverityChip.label(f.severity()) + "  " + f.title() + "  (" + f.host() + ", " + String.format("%,d", f.filesAffected())
                + " files)";
    }

    public FindingsDiff diff() {
        return diff;
    }

    public Button keepButton() {
        return keep;
    }

    public Button revertButton() {
        return revert;
    }

    public String summaryText() {
        return summary.getText();
    }
}
