package io.ransomtrace.app.ui;

import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.importers.csv.CsvOperation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing two CSV exports no built-in mapping reads: the window asks for a mapping for each; the first is
 * mapped and imported through it, the second is cancelled, left out, and named in the status bar.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CsvImportFlowTest {

    @TempDir
    Path tmp;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Workbench workbench;
    private ShownWorkbench shown;

    @Start
    void start(Stage stage) {
        // The real mapping dialog, driven below as the analyst would.
        dialogs.csv = file -> CsvMappingDialog.ask(stage, file);
        shown = ShownWorkbench.show(stage, dialogs, 1400, 900);
        window = shown.window();
        workbench = shown.workbench();
    }

    @AfterEach
    void closeCase() throws Exception {
        shown.close();
    }

    @Test
    void mappedCsvIsImportedAndCancelledCsvIsSkippedAndNamed(FxRobot robot) throws Exception {
        Path mapped = tmp.resolve("edr-a.csv");
        Path skipped = tmp.resolve("edr-b.csv");
        String export = CsvMappingDraftTest.UNKNOWN_EXPORT.replace(';', ',');
        Files.writeString(mapped, export);
        Files.writeString(skipped, export);
        Path caseFile = tmp.resolve("csv.rtcase");

        WaitForAsyncUtils.asyncFx(() -> workbench.importAskingCsvMappings(caseFile, List.of(mapped, skipped)));

        DialogPane first = dialogFor(robot, "edr-a.csv");
        select(robot, first, "#column-timestamp", "When");
        select(robot, first, "#column-action", "Kind");
        select(robot, first, "#column-path", "Target");
        select(robot, first, "#column-pid", "ProcId");
        select(robot, first, "#timestamp-format", "dd/MM/yyyy HH:mm:ss");
        select(robot, first, "#action-wrote", CsvOperation.FILE_WRITE);
        select(robot, first, "#action-created", CsvOperation.FILE_CREATE);
        select(robot, first, "#action-started", CsvOperation.PROCESS_START);
        Button ok = (Button) first.lookupButton(ButtonType.OK);
        assertThat(ok.isDisabled()).isFalse();
        robot.interact(ok::fire);

        DialogPane second = dialogFor(robot, "edr-b.csv");
        robot.interact(((Button) second.lookupButton(ButtonType.CANCEL))::fire);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return workbench.shown() != null && window.statusBar().message().getText().contains("skipped");
        });
        assertThat(workbench.shown().events()).isEqualTo(3);
        assertThat(workbench.shown().sources()).singleElement()
                .satisfies(s -> assertThat(s.path().getFileName().toString()).isEqualTo("edr-a.csv"));
        assertThat(window.statusBar().message().getText())
                .contains("1 CSV file(s) skipped, no mapping chosen: edr-b.csv");
        assertThat(dialogs.asked).containsExactly("CSV mapping for edr-a.csv", "CSV mapping for edr-b.csv");
        assertThat(dialogs.errors).isEmpty();
    }

    private static DialogPane dialogFor(FxRobot robot, String fileName) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return find(robot, fileName).isPresent();
        });
        return find(robot, fileName).orElseThrow();
    }

    private static Optional<DialogPane> find(FxRobot robot, String fileName) {
        return robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing()
                        && p.getHeaderText() != null && p.getHeaderText().contains(fileName))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static <T> void select(FxRobot robot, DialogPane pane, String id, T value) {
        ComboBox<T> box = (ComboBox<T>) pane.lookup(id);
        assertThat(box).as(id).isNotNull();
        robot.interact(() -> box.getSelectionModel().select(value));
    }
}
