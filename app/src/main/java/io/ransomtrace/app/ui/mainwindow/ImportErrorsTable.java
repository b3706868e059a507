package io.ransomtrace.app.ui.mainwindow;

import atlantafx.base.theme.Styles;
import io.ransomtrace.app.store.ImportErrorRow;
import io.ransomtrace.engine.text.Inert;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The records an import set aside (left, under the case navigator): the line and the whole reason, wrapped onto
 * as many lines as it needs and repeated with the raw text in a tooltip. Selecting one shows it in the inspector.
 */
public final class ImportErrorsTable extends TableView<ImportErrorRow> {

    public ImportErrorsTable() {
        setId("import-errors");
        getStyleClass().add(Styles.DENSE);
        Label none = new Label("No quarantined records.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.setWrapText(true);
        none.setPadding(new Insets(12));
        setPlaceholder(none);
        setTooltip(new Tooltip("Records the import set aside: select one to see its raw line, file, line and byte "
                + "offset in the inspector."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImportErrorRow, String> line = new TableColumn<>("Line");
        line.setPrefWidth(52);
        line.setMinWidth(48);
        line.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().line() <= 0 ? "file"
                : String.format("%,d", cd.getValue().line())));
        TableColumn<ImportErrorRow, String> reason = new TableColumn<>("Reason");
        reason.setPrefWidth(160);
        // A reason may quote the record it refused: shown inert, like every text from a log.
        reason.setCellValueFactory(cd -> new SimpleStringProperty(Inert.plain(cd.getValue().reason())));
        reason.setCellFactory(col -> new TableCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.maxWidthProperty().bind(col.widthProperty().subtract(12));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ImportErrorRow row = getTableRow() == null ? null : getTableRow().getItem();
                text.setText(empty || item == null ? null : item);
                setGraphic(empty || item == null ? null : text);
                setTooltip(empty || item == null || row == null ? null : new Tooltip(item
                        + (row.rawText() == null || row.rawText().isEmpty() ? "" : "\n\n" + Inert.visible(row.rawText()))));
            }
        });
        getColumns().add(line);
        getColumns().add(reason);
    }
}
