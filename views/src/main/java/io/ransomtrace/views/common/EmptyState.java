package io.ransomtrace.views.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * What a region shows when it has nothing to show yet: a title saying what to do next, a hint, and the buttons
 * that do it.
 */
public final class EmptyState extends VBox {

    /** The workbench's state before a case is open: open a case, or import logs into a new one. */
    public static EmptyState noCase(Runnable openCase, Runnable importLogs) {
        return new EmptyState(openCase, importLogs);
    }

    private EmptyState(Runnable openCase, Runnable importLogs) {
        setId("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        Label title = new Label("Open a case or import logs…");
        title.setId("empty-state-title");
        title.getStyleClass().add("title-3");
        Label hint = new Label("A case (.rtcase) holds imported telemetry, findings and your notes.\n"
                + "Import auditd audit.log files (raw, enriched, rotated, gzipped) or EDR exports to start one.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.setStyle("-fx-text-alignment: center;");
        Button open = new Button("Open case…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        open.setId("empty-open-case");
        open.setOnAction(e -> openCase.run());
        Button imp = new Button("Import logs…", new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        imp.setId("empty-import-logs");
        imp.getStyleClass().add("accent");
        imp.setOnAction(e -> importLogs.run());
        HBox buttons = new HBox(10, open, imp);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, hint, buttons);
    }
}
