package io.ransomtrace.views.tuning;

import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.common.LatestWinsRunnerTest;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TuningPanelTest {
    private final LatestWinsRunnerTest.ManualScheduler clock = new LatestWinsRunnerTest.ManualScheduler();
    private final List<Map<String, Double>> runs = new ArrayList<>();
    private final List<List<FindingRow>> kept = new ArrayList<>();
    private TuningPanel panel;

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        LatestWinsRunner<Map<String, Double>, List<FindingRow>> runner = new LatestWinsRunner<>(p -> {
            runs.add(p);
            return SyntheticCase.detect(p);
        }, Runnable::run, clock, Runnable::run, LatestWinsRunner.DEFAULT_DEBOUNCE);
        panel = new TuningPanel(SyntheticCase.thresholds(), SyntheticCase.findings(), runner);
        panel.setOnKeep((values, findings) -> kept.add(findings));
        stage.setScene(new Scene(panel, 800, 700));
        stage.show();
    }

    @Test
    void aLongReRunShowsHowFarItGotOnlyWhileItRuns(FxRobot robot) {
        FindingsDiffView diff = panel.diffView();
        robot.interact(() -> panel.showProgress("3 of 10 events"));
        assertThat(diff.summaryText()).as("nothing runs: nothing to report").doesNotContain("3 of 10 events");
        robot.interact(() -> {
            diff.setBusy(true);
            panel.showProgress("Re-running the detector… 3,000,000 of 10,000,000 events, 1 alert(s) so far");
        });
        assertThat(diff.summaryText()).isEqualTo("Re-running the detector… 3,000,000 of 10,000,000 events, 1 alert(s) so far");
    }

    @Test
    void movingAThresholdPreviewsTheDiffAfterTheDebounceOnly(FxRobot robot) {
        Button reset = robot.lookup("#reset-overwrite-minFiles").queryButton();
        assertThat(robot.lookup("#default-overwrite-minFiles").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("default 200");
        assertThat(reset.isDisabled()).isTrue();
        robot.interact(() -> {
            panel.setValue("overwrite.minFiles", 100);
            panel.setValue("overwrite.minFiles", 60);
            panel.setValue("overwrite.minFiles", 30);
        });
        assertThat(runs).isEmpty(); // still inside the debounce
        assertThat(reset.isDisabled()).isFalse();
        robot.interact(clock::elapse);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("overwrite.minFiles", 30.0);
        assertThat(panel.diffView().summaryText()).isEqualTo("+1 added");
        ListView<?> lines = robot.lookup("#diff-lines").queryListView();
        assertThat(lines.getItems()).hasSize(1);
        assertThat(lines.getItems().get(0).toString()).contains("Build output rewritten in /home/bob/src");
    }

    @Test
    void keepAdoptsThePreviewAndRevertRestoresTheKeptValues(FxRobot robot) {
        robot.interact(() -> panel.setValue("overwrite.minFiles", 1000));
        robot.interact(clock::elapse);
        assertThat(panel.diffView().summaryText()).isEqualTo("−2 removed");
        robot.clickOn("#diff-keep");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0)).extracting(FindingRow::id).doesNotContain("f-tar", "f-log");
        assertThat(panel.keptValues()).containsEntry("overwrite.minFiles", 1000.0);

        robot.interact(() -> panel.setValue("note.minDirectories", 20));
        robot.interact(clock::elapse);
        assertThat(panel.diffView().summaryText()).isEqualTo("−1 removed");
        robot.clickOn("#diff-revert");
        assertThat(panel.values()).containsEntry("note.minDirectories", 3.0).containsEntry("overwrite.minFiles", 1000.0);
        Slider slider = robot.lookup("#slider-note-minDirectories").query();
        assertThat(slider.getValue()).isEqualTo(3.0);
        assertThat(robot.lookup("#diff-keep").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theResetButtonGoesBackToTheDefault(FxRobot robot) {
        robot.interact(() -> panel.setValue("rate.minPerSecond", 5));
        robot.clickOn("#reset-rate-minPerSecond");
        assertThat(panel.values()).containsEntry("rate.minPerSecond", 20.0);
        robot.interact(clock::elapse);
        assertThat(runs).isEmpty(); // back at the kept values: nothing to re-run
    }

    @Test
    void everyValueIsShownWholeInItsField(FxRobot robot) {
        // The widest value of a group fits its field, with room to spare: never "20" for 2000.
        robot.interact(() -> panel.setValue("overwrite.minFiles", 2000));
        javafx.scene.control.Spinner<?> spinner = robot.lookup("#spinner-overwrite-minFiles").queryAs(
                javafx.scene.control.Spinner.class);
        javafx.scene.control.TextField editor = spinner.getEditor();
        assertThat(editor.getText()).isEqualTo("2000");
        javafx.scene.text.Text shown = new javafx.scene.text.Text(editor.getText());
        shown.setFont(editor.getFont());
        double room = editor.getWidth() - editor.getPadding().getLeft() - editor.getPadding().getRight();
        assertThat(shown.getLayoutBounds().getWidth()).isLessThan(room);
    }
}
