package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.FindingIds;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.inspector.SignalLine;
import io.ransomtrace.views.tuning.FindingChange;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ransomtrace.app.ui.ShownWorkbench.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new analyst's first session, as issue 18 found it: the sample case prepared on first start, tuning with whole
 * values and a diff that says what moved, a note that is never lost, and imports that say what became of each
 * file (a file that is no log, a truncated gzip, a folder of rotated logs).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FirstSessionTest {
    private static Path caseFile;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Workbench workbench;
    private ShownWorkbench shown;

    @BeforeAll
    static void importSample(@TempDir Path tmp) throws Exception {
        caseFile = tmp.resolve("mixed.rtcase");
        try (CaseStore store = CaseStore.create(caseFile)) {
            new ImportPipeline().run(store, List.of(SampleCaseLogs.mixedWorkday()), ImportProgressListener.NONE,
                    new Cancellation());
        }
    }

    @Start
    void start(Stage stage) {
        shown = ShownWorkbench.show(stage, dialogs);
        window = shown.window();
        workbench = shown.workbench();
    }

    @AfterEach
    void closeCase() throws Exception {
        shown.closeWithoutErrors();
    }

    private Finding openAttack(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> workbench.openCase(file));
        waitUntil(30, () -> workbench.focused() != null);
        return workbench.focused().finding();
    }

    @Test
    void tuningFieldsShowWholeValuesUnderEachSignalsName(FxRobot robot) throws Exception {
        openAttack(robot, caseFile);
        robot.interact(() -> window.showSidePanel(SidePanel.TUNING));
        WaitForAsyncUtils.waitForFxEvents();
        Spinner<?> slow = robot.lookup("#spinner-signals-massModification-slowWindowSeconds").queryAs(Spinner.class);
        TextField editor = slow.getEditor();
        assertThat(editor.getText()).isEqualTo("3600");
        Text drawn = new Text(editor.getText());
        drawn.setFont(editor.getFont());
        double room = editor.getWidth() - editor.getPadding().getLeft() - editor.getPadding().getRight();
        assertThat(drawn.getLayoutBounds().getWidth()).as("3600 fits its field").isLessThan(room);
        for (String key : List.of("signals-massModification-slowThreshold", "signals-massModification-saturation")) {
            assertThat(robot.lookup("#spinner-" + key).queryAs(Spinner.class).getEditor().getText())
                    .isIn("150", "500");
        }
        // The mass-modification thresholds under their signal's name, each with its own full name.
        Label heading = robot.lookup("#tuning-group-Signal--Mass-modification--mass-modification-").queryAs(Label.class);
        assertThat(heading.getText()).isEqualTo("Signal: Mass modification (mass-modification)");
        List<String> labels = new ArrayList<>();
        for (var spec : workbench.tuning().specs()) {
            if (spec.group().equals(heading.getText())) {
                labels.add(spec.label());
            }
        }
        assertThat(labels).containsExactly("Weight", "Window (seconds)", "Threshold", "Slow window (seconds)",
                "Slow threshold", "Saturation");
        assertThat(ShownText.cut(robot.lookup("#tuning-panel").query())).as("labels drawn cut").isEmpty();
    }

    @Test
    void aSignalWeighedZeroShowsItsScoreAndSignalChangeAndTheInspectorFollowsAfterKeep(FxRobot robot)
            throws Exception {
        Finding attack = openAttack(robot, caseFile);
        int before = attack.score();
        robot.interact(() -> window.showSidePanel(SidePanel.TUNING));
        robot.interact(() -> workbench.tuning().setValue("signals.ransomNote.weight", 0));
        waitUntil(30, () -> workbench.tuning().diffView().diff().changed().stream()
                .anyMatch(c -> c.before().id().equals(attack.id())));
        FindingChange change = workbench.tuning().diffView().diff().changed().stream()
                .filter(c -> c.before().id().equals(attack.id())).findFirst().orElseThrow();
        int after = (int) Math.round(change.after().score());
        assertThat(after).isLessThan(before);
        assertThat(change.describe()).contains("score " + before + " → " + after)
                .contains("no longer fired: ransom-note");
        assertThat(workbench.tuning().diffView().summaryText()).isNotEqualTo("No change in findings");

        long focus = workbench.focusCount();
        robot.clickOn("#diff-keep");
        waitUntil(30, () -> workbench.focusCount() > focus);
        SignalLine note = workbench.focused().detail().signals().stream().filter(s -> s.kind().equals("ransom-note"))
                .findFirst().orElseThrow();
        assertThat(note.triggered()).as("a signal weighed 0 is not fired").isFalse();
        assertThat(note.sentence()).contains("not counted: this signal weighs 0");
        assertThat(workbench.focused().detail().finding().score()).isEqualTo(after);
    }

    @Test
    void aNoteBeingTypedIsSavedWhenAnotherFindingIsSelected(FxRobot robot, @TempDir Path tmp) throws Exception {
        Finding attack = openAttack(robot, Files.copy(caseFile, tmp.resolve("copy.rtcase")));
        robot.interact(() -> robot.lookup("#inspector-notes").query().requestFocus());
        robot.write("Contained at 14:50 by unplugging fs01.");
        // No Save, no Tab: the analyst picks another finding straight away.
        FindingRow other = window.findings().findings().stream().filter(f -> !f.id().equals(attack.id()))
                .findFirst().orElseThrow();
        robot.interact(() -> window.findings().select(other.id()));
        waitUntil(15, () -> workbench.focused().finding().id().equals(other.id()));
        AnalystAnnotations.Target target = new AnalystAnnotations.Target(AnalystAnnotations.TargetKind.FINDING,
                FindingIds.annotationId(attack.id()));
        assertThat(workbench.shown().session().store().annotations().notes(target))
                .extracting(AnalystAnnotations.Note::text).containsExactly("Contained at 14:50 by unplugging fs01.");
    }

    @Test
    void aFileThatIsNoLogSaysNotARecognisedFormatAndLeavesNoCase(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path passwd = tmp.resolve("passwd");
        try (InputStream in = getClass().getResourceAsStream("/not-a-log/passwd")) {
            Files.copy(in, passwd);
        }
        Path newCase = tmp.resolve("passwd.rtcase");
        dialogs.files.add(passwd);
        dialogs.newCases.add(newCase);
        robot.interact(() -> menuItem("Import logs…").fire());
        waitUntil(30, () -> !dialogs.importReports.isEmpty() && workbench.tasks().running() == 0);
        ImportReport report = dialogs.importReports.get(0);
        assertThat(report.rows()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("not a recognised format");
            assertThat(r.message()).contains("not a log format Ransomtrace reads");
        });
        assertThat(report.discarded()).isTrue();
        assertThat(newCase).doesNotExist();
        assertThat(window.statusBar().message().getText()).contains("1 not a recognised format")
                .contains("No case was created");
        assertThat(workbench.shown()).isNull();
    }

    @Test
    void aTruncatedGzipIsImportedAsPartialNotComplete(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path gz = SampleCaseLogs.truncatedGzip(tmp);
        Path newCase = tmp.resolve("cut.rtcase");
        dialogs.files.add(gz);
        dialogs.newCases.add(newCase);
        robot.interact(() -> menuItem("Import logs…").fire());
        waitUntil(60, () -> workbench.shown() != null && workbench.tasks().running() == 0
                && !dialogs.importReports.isEmpty());
        assertThat(dialogs.importReports.get(0).rows()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("partial");
            assertThat(r.message()).contains("damaged or truncated");
            assertThat(r.events()).isPositive();
        });
        TreeItem<NavigatorItem> sources = window.caseNavigator().getRoot().getChildren().get(0);
        assertThat(sources.getChildren()).singleElement().extracting(i -> i.getValue().label()).asString()
                .startsWith("audit.log.3.gz — partial, ").doesNotContain("complete");
        assertThat(window.statusBar().message().getText()).contains("1 partial");
    }

    @Test
    void aFolderOfRotatedLogsIsImportedOldestFirst(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("fs01-logs"));
        List<String> lines = Files.readAllLines(SampleCaseLogs.mixedWorkday().resolve("audit.log"));
        Files.write(folder.resolve("audit.log.1"), lines.subList(0, 200));
        Files.write(folder.resolve("audit.log"), lines.subList(200, 400));
        dialogs.folders.add(folder);
        dialogs.newCases.add(tmp.resolve("rotated.rtcase"));
        robot.interact(() -> menuItem("Import folder…").fire());
        waitUntil(60, () -> workbench.shown() != null && workbench.tasks().running() == 0);
        assertThat(workbench.shown().sources()).extracting(s -> s.path().getFileName().toString())
                .containsExactly("audit.log.1", "audit.log");
        assertThat(window.statusBar().message().getText()).startsWith("2 files imported");
        assertThat(dialogs.importReports).as("a clean import needs no dialog").isEmpty();
    }

    @Test
    void onFirstStartTheCentreSaysTheSampleIsBeingImportedWithProgress(FxRobot robot, @TempDir Path home)
            throws Exception {
        String was = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertThat(io.ransomtrace.app.casefile.BundledSampleCase.defaultCase()).doesNotExist();
            List<Double> progress = new ArrayList<>();
            List<String> shownAtOnce = new ArrayList<>();
            robot.interact(() -> {
                workbench.openSampleCase();
                // read in the same pulse: on a quiet machine the small sample is imported before the next one
                var bar = robot.lookup("#preparing-case-progress").queryAs(javafx.scene.control.ProgressBar.class);
                bar.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
                shownAtOnce.add(robot.lookup("#preparing-case-title").queryAs(Label.class).getText());
                shownAtOnce.add(String.valueOf(robot.lookup("#empty-state-title").tryQuery().isPresent()));
            });
            assertThat(shownAtOnce.get(0)).startsWith("Importing the bundled sample case (mixed-workday");
            assertThat(shownAtOnce.get(1)).as("no invitation to open a case").isEqualTo("false");
            waitUntil(120, () -> workbench.focused() != null);
            assertThat(progress).anyMatch(p -> p > 0);
            assertThat(workbench.focused().finding().severity()).isEqualTo(Severity.CRITICAL);
        } finally {
            System.setProperty("user.home", was);
        }
    }

    private MenuItem menuItem(String text) {
        MenuBar bar = window.root().lookup("#menu-bar") instanceof MenuBar b ? b : null;
        return bar.getMenus().get(0).getItems().stream().filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow();
    }

}
