package io.ransomtrace.app.ui;

import io.ransomtrace.engine.text.Inert;
import atlantafx.base.theme.Styles;
import io.ransomtrace.engine.coverage.CoverageCheck;
import io.ransomtrace.engine.coverage.CoverageStatus;
import io.ransomtrace.engine.coverage.HostCoverage;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.List;

/** Per host: could its telemetry have shown mass encryption? A green/amber/red checklist with explanations. */
public final class CoverageView extends ScrollPane {
    private final VBox content = new VBox(12);

    public CoverageView() {
        setId("coverage-view");
        setFitToWidth(true);
        content.setPadding(new Insets(8, 12, 8, 12));
        setContent(content);
    }

    public void show(List<HostCoverage> hosts) {
        content.getChildren().clear();
        if (hosts.isEmpty()) {
            Label l = new Label("No events in the case: nothing to assess.");
            l.getStyleClass().add(Styles.TEXT_MUTED);
            content.getChildren().add(l);
        }
        for (HostCoverage h : hosts) {
            Label title = new Label(Inert.plain(h.host()) + "  —  " + h.overall().name().toLowerCase() + ", "
                    + String.format("%,d", h.events()) + " events");
            title.getStyleClass().addAll(Styles.TEXT_BOLD);
            title.setGraphic(dot(h.overall()));
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(4);
            int row = 0;
            for (CoverageCheck c : h.checks()) {
                Label name = new Label(c.title());
                name.setGraphic(dot(c.status()));
                name.setMinWidth(200);
                name.setWrapText(true);
                Label measured = new Label(Inert.visible(c.measured()));
                measured.getStyleClass().add(Styles.TEXT_MUTED);
                measured.setWrapText(true);
                measured.setMinWidth(200);
                measured.setMaxWidth(240);
                Label why = new Label(Inert.visible(c.explanation()));
                why.setWrapText(true);
                GridPane.setHgrow(why, Priority.ALWAYS);
                grid.addRow(row++, name, measured, why);
            }
            content.getChildren().addAll(title, grid);
        }
    }

    private static Circle dot(CoverageStatus s) {
        Circle c = new Circle(5);
        c.getStyleClass().add("coverage-" + s.name().toLowerCase());
        c.setStyle("-fx-fill: " + switch (s) {
            case GREEN -> "-color-success-emphasis";
            case AMBER -> "-color-warning-emphasis";
            case RED -> "-color-danger-emphasis";
        } + ";");
        return c;
    }
}
