package io.ransomtrace.app.ui;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.csv.CsvMapping;
import io.ransomtrace.importers.csv.CsvOperation;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst imports a CSV export whose columns no built-in mapping knows: the dialog shows its rows, they
 * pick the columns and what the action values mean, the check turns from errors to "fits", OK is enabled, and
 * the mapping they get reads the file's rows as events.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CsvMappingDialogTest {

    @TempDir
    Path tmp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void pickColumnsUntilTheMappingFitsThenImportTheRowsWithIt(FxRobot robot) throws Exception {
        Path file = tmp.resolve("edr-export.csv");
        Files.writeString(file, CsvMappingDraftTest.UNKNOWN_EXPORT);
        assertThat(CsvSample.needsMapping(file)).isTrue();

        CsvMappingDialog[] holder = new CsvMappingDialog[1];
        robot.interact(() -> {
            try {
                holder[0] = new CsvMappingDialog(file,
                        CsvMappingDraft.startingFor(CsvSample.read(file, CsvMappingDialog.PREVIEW_ROWS), "edr-export.csv"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            holder[0].initOwner(stage);
            holder[0].show();
        });
        CsvMappingDialog dialog = holder[0];
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Label check = (Label) dialog.getDialogPane().lookup("#mapping-check");
        TableView<?> preview = (TableView<?>) dialog.getDialogPane().lookup("#csv-preview");

        assertThat(preview.getColumns()).extracting(c -> c.getText())
                .containsExactly("When", "Kind", "ProcId", "Target", "Prog");
        assertThat(preview.getItems()).hasSize(3);
        assertThat(check.getText()).contains("no column for timestamp", "no column for action");
        assertThat(ok.isDisabled()).isTrue();

        pick(robot, dialog, "#column-timestamp", "When");
        pick(robot, dialog, "#column-action", "Kind");
        assertThat(check.getText()).doesNotContain("no column for timestamp")
                .contains("neither a pid nor a path", "lists no action values");
        assertThat(ok.isDisabled()).isTrue();

        pick(robot, dialog, "#column-pid", "ProcId");
        pick(robot, dialog, "#column-path", "Target");
        pick(robot, dialog, "#column-executable", "Prog");
        robot.interact(() -> lookupCombo(dialog, "#timestamp-format").setValue("dd/MM/yyyy HH:mm:ss"));
        // The action column's values from the sample rows are listed to be mapped.
        pickOperation(robot, dialog, "wrote", CsvOperation.FILE_WRITE);
        pickOperation(robot, dialog, "created", CsvOperation.FILE_CREATE);
        pickOperation(robot, dialog, "started", CsvOperation.PROCESS_START);

        assertThat(check.getText()).isEqualTo("The mapping fits this file's header.");
        assertThat(ok.isDisabled()).isFalse();

        robot.interact(() -> ((javafx.scene.control.Button) ok).fire());
        CsvMapping mapping = dialog.getResult();
        assertThat(dialog.isShowing()).isFalse();
        assertThat(mapping).isNotNull();
        assertThat(mapping.delimiter()).isEqualTo(';');

        List<Event> events = new ArrayList<>();
        List<QuarantinedRecord> quarantined = new ArrayList<>();
        new CsvImporter(mapping).importSource(new SourceFile(1, file, Format.CSV), new ImportSink() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void quarantined(QuarantinedRecord record) {
                quarantined.add(record);
            }
        });
        assertThat(quarantined).isEmpty();
        assertThat(events).hasSize(3);
        FileOp write = (FileOp) events.get(0);
        assertThat(write.kind()).isEqualTo(FileOpKind.WRITE);
        assertThat(write.path()).isEqualTo("/home/ana/docs/report.odt");
        assertThat(write.time()).isEqualTo(Instant.parse("2026-11-28T13:40:11Z"));
        assertThat(events.get(1)).isInstanceOfSatisfying(FileOp.class,
                c -> assertThat(c.kind()).isEqualTo(FileOpKind.CREATE));
        assertThat(events.get(2)).isInstanceOf(ProcessExec.class);
    }

    @Test
    void cancelGivesNoMapping(FxRobot robot) throws Exception {
        Path file = tmp.resolve("edr-export.csv");
        Files.writeString(file, CsvMappingDraftTest.UNKNOWN_EXPORT);
        CsvMappingDialog[] holder = new CsvMappingDialog[1];
        robot.interact(() -> {
            try {
                holder[0] = new CsvMappingDialog(file, CsvMappingDraft.startingFor(CsvSample.read(file, 8), "x"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            holder[0].initOwner(stage);
            holder[0].show();
        });
        robot.interact(() -> ((javafx.scene.control.Button) holder[0].getDialogPane()
                .lookupButton(ButtonType.CANCEL)).fire());
        assertThat(holder[0].isShowing()).isFalse();
        assertThat(holder[0].getResult()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> lookupCombo(CsvMappingDialog dialog, String id) {
        Node n = dialog.getDialogPane().lookup(id);
        assertThat(n).as(id).isInstanceOf(ComboBox.class);
        return (ComboBox<T>) n;
    }

    private static void pick(FxRobot robot, CsvMappingDialog dialog, String id, String column) {
        ComboBox<String> box = lookupCombo(dialog, id);
        assertThat(box.getItems()).contains(column);
        robot.interact(() -> box.getSelectionModel().select(column));
        assertThat(dialog.draft().columnFor(io.ransomtrace.importers.csv.CsvField.ofKey(id.substring("#column-".length()))))
                .isEqualTo(column);
    }

    private static void pickOperation(FxRobot robot, CsvMappingDialog dialog, String value, CsvOperation op) {
        ComboBox<CsvOperation> box = lookupCombo(dialog, "#action-" + value);
        robot.interact(() -> box.getSelectionModel().select(op));
    }
}
