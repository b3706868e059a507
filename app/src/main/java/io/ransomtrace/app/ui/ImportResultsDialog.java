package io.ransomtrace.app.ui;

import io.ransomtrace.engine.text.Inert;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

import java.util.function.Function;

/** The per-file result of an import, as a table in a dialog: the command line's summary, in the window. */
final class ImportResultsDialog {

    private ImportResultsDialog() {
    }

    static void show(Window owner, ImportReport report) {
        TableView<ImportReport.Row> table = new TableView<>();
        table.setId("import-results");
        table.getItems().setAll(report.rows());
        table.getColumns().add(column("File", 200, r -> String.valueOf(r.file().getFileName())));
        table.getColumns().add(column("Result", 150, ImportReport.Row::result));
        table.getColumns().add(column("Format", 110, ImportReport.Row::format));
        table.getColumns().add(column("Events", 80, r -> String.format("%,d", r.events())));
        table.getColumns().add(column("Errors", 70, r -> String.format("%,d", r.errors())));
        table.getColumns().add(column("Why", 360, r -> r.message() == null ? "" : r.message()));
        table.setPrefSize(980, Math.min(420, 60 + 26 * report.rows().size()));
        Alert a = new Alert(report.allOk() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle("Import results");
        a.setHeaderText(report.headline());
        a.getDialogPane().setContent(table);
        a.setResizable(true);
        a.show();
    }

    private static TableColumn<ImportReport.Row, String> column(String name, double width,
                                                                Function<ImportReport.Row, String> value) {
        TableColumn<ImportReport.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleStringProperty(Inert.plain(value.apply(cd.getValue()))));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
