package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.importing.BuiltInImporters;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.views.findings.FindingRow;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case keeps the findings of its last analysis: opening it shows them without replaying a single event, and a
 * changed setting runs the detector once, in the background, and keeps the new findings.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeptFindingsWindowTest {
    @TempDir
    Path tmp;

    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Workbench workbench;
    private ShownWorkbench shown;
    private Path caseFile;
    private List<Finding> kept;

    @BeforeEach
    void analysedCase() throws Exception {
        caseFile = tmp.resolve("mixed.rtcase");
        try (CaseSession session = CaseSession.create(caseFile)) {
            session.importLogs(List.of(SampleCaseLogs.mixedWorkday()), new BuiltInImporters(),
                    ImportOptions.defaults(), ImportProgressListener.NONE, new Cancellation());
            kept = session.analyse(session.settings(), TaskProgress.NONE).findings();
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

    @Test
    void openingShowsTheKeptFindingsWithoutAReplayAndASettingChangeRunsOnce(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(30, () -> workbench.focused() != null && workbench.tasks().running() == 0);

        CaseSession session = workbench.shown().session();
        assertThat(session.queries().wholeCaseReplaysStarted()).as("replays to open a case with kept findings").isZero();
        assertThat(window.findings().findings()).extracting(FindingRow::id)
                .containsExactlyInAnyOrderElementsOf(kept.stream().map(Finding::id).toList());
        Finding attack = workbench.focused().finding();
        assertThat(attack.severity()).isEqualTo(Severity.CRITICAL);

        // An allowlist entry is a changed setting: the detector runs once more, in the background.
        robot.interact(() -> window.showSidePanel(SidePanel.ALLOWLIST));
        robot.interact(() -> window.allowlistEditor().prefill(AllowlistRule.MatchField.EXE,
                attack.rootProcess().exe()));
        robot.interact(() -> robot.lookup("#allowlist-reason").queryAs(TextField.class).setText("red team"));
        robot.clickOn("#allowlist-add");
        waitUntil(30, () -> workbench.tasks().running() == 0 && rowOf(attack.id()) != null
                && rowOf(attack.id()).suppressed());
        assertThat(session.queries().wholeCaseReplaysStarted()).as("re-runs after one changed setting").isEqualTo(1);
        assertThat(session.keptAnalysis(session.settings())).as("the new findings are kept")
                .hasValueSatisfying(a -> assertThat(a.findings()).anySatisfy(f -> {
                    assertThat(f.id()).isEqualTo(attack.id());
                    assertThat(f.suppressed()).isTrue();
                }));
    }

    @Test
    void aCaseWhoseSettingsChangedSinceItsAnalysisShowsTheKeptFindingsAndRunsOnceInTheBackground(FxRobot robot)
            throws Exception {
        try (CaseSession session = CaseSession.open(caseFile)) {
            // settings kept by another tool after the analysis: what is kept no longer holds
            session.keepProfile(session.settings().profile().with("severity.high", 60L), session.settings().profile(),
                    "another workstation");
        }
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(30, () -> workbench.shown() != null);
        CaseSession session = workbench.shown().session();
        waitUntil(60, () -> workbench.tasks().running() == 0 && session.keptAnalysis(session.settings()).isPresent());
        assertThat(session.queries().wholeCaseReplaysStarted()).as("one background re-run").isEqualTo(1);
        assertThat(workbench.shown().settings().profile().longValue("severity.high")).isEqualTo(60);
    }

    @Test
    void theStatusBarCountsTheFindingsOfTheBackgroundReRunNotThoseKeptBefore(FxRobot robot) throws Exception {
        try (CaseSession session = CaseSession.open(caseFile)) {
            // only findings that score 50 or more: the re-run finds fewer than the kept analysis holds
            session.keepProfile(session.settings().profile().with("report.minimumScore", 50L),
                    session.settings().profile(), "another workstation");
        }
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(30, () -> workbench.shown() != null);
        CaseSession session = workbench.shown().session();
        waitUntil(60, () -> workbench.tasks().running() == 0 && session.keptAnalysis(session.settings()).isPresent());
        int fresh = session.keptAnalysis(session.settings()).orElseThrow().findings().size();
        assertThat(fresh).isPositive().isLessThan(kept.size());
        waitUntil(10, () -> window.findings().findings().size() == fresh);
        assertThat(window.statusBar().caseInfo().getText()).endsWith(" · " + (fresh == 1 ? "1 finding" : fresh + " findings"));
    }

    private FindingRow rowOf(String id) {
        return window.findings().findings().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
