package io.ransomtrace.app.ui;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.ui.mainwindow.InvestigationTab;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.app.ui.mainwindow.NavigatorItem;
import io.ransomtrace.app.ui.mainwindow.SidePanel;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.events.GridFilter;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.timeline.TimelineBucket;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeItem;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.ransomtrace.app.ui.ShownWorkbench.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investigation views on the mixed-workday attack, as issue 18 asked for them: nothing an analyst must read
 * is cut at 1600x1000 or 1280x800, the campaign's lineage is pinned as a breadcrumb, the events grid says who
 * and keeps the pivot in view, a timeline bar lists exactly the events it counts, and a host or a source scopes
 * the views.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InvestigationViewsTest {
    private static Path caseFile;

    private final FakeDialogs dialogs = new FakeDialogs();
    private Stage stage;
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
        this.stage = stage;
        shown = ShownWorkbench.show(stage, dialogs);
        window = shown.window();
        workbench = shown.workbench();
    }

    @AfterEach
    void closeCase() throws Exception {
        shown.closeWithoutErrors();
    }

    private Finding openAttack(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openCase(caseFile));
        waitUntil(30, () -> workbench.focused() != null);
        return workbench.focused().finding();
    }

    @Test
    void severityHostFilesAndUsersAreNeverCutAt1600x1000Or1280x800(FxRobot robot) throws Exception {
        openAttack(robot);
        for (double[] size : new double[][]{{1600, 1000}, {1280, 800}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            robot.interact(() -> window.showTab(InvestigationTab.PROCESS_TREE));
            robot.interact(() -> window.showSidePanel(SidePanel.INSPECTOR));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.root().getScene().getWidth()).isEqualTo(size[0]);
            String at = (int) size[0] + "x" + (int) size[1];
            assertThat(ShownText.cutInColumns(window.findings().table(), Set.of("findings-col-severity",
                    "findings-col-host", "findings-col-user", "findings-col-files", "findings-col-root")
                    )).as("findings at " + at).isEmpty();
            // Only the root command's header: its values may be cut (the tooltip and the inspector give them).
            assertThat(ShownText.cutInColumns(window.processTree().treeTable(), Set.of("process-col-user")))
                    .as("tree users at " + at).isEmpty();
            assertThat(robot.lookup(".property-key").queryAllAs(javafx.scene.control.Label.class))
                    .as("inspector keys at " + at).allSatisfy(l -> assertThat(ShownText.cut(l)).isEmpty());
            // Every column of the findings is on screen: none pushed out of the view.
            double tableWidth = window.findings().table().getWidth();
            double columns = window.findings().table().getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            assertThat(columns).as("findings columns at " + at).isLessThanOrEqualTo(tableWidth);
        }
        // The sudo child ran as root for carol: both names on its row.
        ProcessRow root = window.processTree().treeTable().getSelectionModel().getSelectedItem().getValue();
        assertThat(root.userDisplay()).isEqualTo("root ← carol");
    }

    @Test
    void theRightPaneKeepsOneWidthAcrossItsTabs(FxRobot robot) throws Exception {
        openAttack(robot);
        double inspector = window.sidePanels().getWidth();
        for (SidePanel p : SidePanel.values()) {
            robot.interact(() -> window.showSidePanel(p));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.sidePanels().getWidth()).as(p.name()).isEqualTo(inspector);
        }
    }

    @Test
    void theCampaignLineageIsPinnedAsABreadcrumbWhoseCrumbsSelectTheirProcess(FxRobot robot) throws Exception {
        openAttack(robot);
        // From the first named process of the session down to the encryptor: ... su → bash → sudo → kworker-sync.
        assertThat(window.processTree().pinnedLineage()).extracting(ProcessRow::exeName)
                .endsWith("su", "bash", "sudo", "kworker-sync");
        TreeItem<ProcessRow> campaignRoot = window.processTree().treeTable().getSelectionModel().getSelectedItem();
        assertThat(campaignRoot.isExpanded() || campaignRoot.isLeaf()).as("campaign root expanded").isTrue();
        Button sudo = robot.lookup(".lineage-crumb").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("sudo ")).findFirst().orElseThrow();
        robot.clickOn(sudo);
        ProcessRow selected = window.processTree().treeTable().getSelectionModel().getSelectedItem().getValue();
        assertThat(selected.exeName()).isEqualTo("sudo");
        assertThat(window.inspector().visibleTexts()).contains("sudo  [" + selected.pid() + "]", "carol")
                .noneMatch(t -> t.equals("Key"));
        // Folded rows say what they are: the processes this host's tree hangs from started before the logs.
        assertThat(window.processTree().treeTable().getRoot().getChildren().get(0).getValue().exe())
                .matches("\\d+ process(es)? started before the logs");
    }

    @Test
    void showTenSecondsAroundAnEventKeepsThatEventSelectedAndInView(FxRobot robot) throws Exception {
        openAttack(robot);
        robot.interact(() -> window.showTab(InvestigationTab.EVENTS));
        waitUntil(15, () -> window.eventsGrid().size() > 60);
        robot.interact(() -> window.eventsGrid().selectIndex(60));
        waitUntil(15, () -> window.eventsGrid().selectedEventProperty().get() != null);
        EventRow pivot = window.eventsGrid().selectedEventProperty().get();
        robot.interact(() -> window.eventsGrid().pivot(pivot, Duration.ofSeconds(10)));
        waitUntil(15, () -> window.eventsGrid().getFilter().from() != null
                && window.eventsGrid().getFilter().from().equals(pivot.time().minusSeconds(10))
                && window.eventsGrid().selectedEventProperty().get() != null);
        EventRow selected = window.eventsGrid().selectedEventProperty().get();
        assertThat(selected.eventId()).isEqualTo(pivot.eventId());
        assertThat(window.eventsGrid().visibleRows()).extracting(r -> r == null ? -1 : r.eventId())
                .contains(pivot.eventId());
        // Who did it, in the grid.
        assertThat(pivot.user()).isNotBlank();
    }

    @Test
    void failedCallsAreMarkedInTheGridAndABarListsExactlyTheEventsItCounts(FxRobot robot) throws Exception {
        openAttack(robot);
        robot.interact(() -> window.showTab(InvestigationTab.EVENTS));
        robot.interact(() -> window.eventsGrid().setFilter(GridFilter.NONE.withOutcome(GridFilter.FAILED)));
        waitUntil(15, () -> window.eventsGrid().size() > 0 && !window.eventsGrid().visibleRows().isEmpty()
                && window.eventsGrid().visibleRows().get(0) != null);
        assertThat(window.eventsGrid().visibleRows()).allSatisfy(r -> assertThat(r.failed()).isTrue());
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class)).filteredOn(r -> r.getItem() != null
                        && ((EventRow) r.getItem()).failed())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getPseudoClassStates().toString()).contains("failed"));

        robot.interact(() -> window.showTab(InvestigationTab.TIMELINE));
        waitUntil(15, () -> window.timeline().getData() != null && !window.timeline().getData().buckets().isEmpty());
        assertThat(window.timeline().barSizeText()).startsWith("one bar = ");
        // The default view fits the campaign's activity to the width, with a small margin either side.
        Finding attack = workbench.focused().finding();
        Duration span = Duration.between(attack.firstSeen(), attack.lastSeen());
        var shown = window.timeline().getVisibleRange();
        assertThat(Duration.between(shown.from(), attack.firstSeen())).isBetween(Duration.ZERO, span.dividedBy(10)
                .plusMillis(3));
        assertThat(Duration.between(attack.lastSeen(), shown.to())).isBetween(Duration.ZERO, span.dividedBy(10)
                .plusMillis(3));
        TimelineBucket tallest = window.timeline().getData().buckets().stream()
                .max(Comparator.comparingLong(TimelineBucket::total)).orElseThrow();
        double x = window.timeline().xOf(tallest.start().plus(Duration.between(tallest.start(), tallest.end())
                .dividedBy(2)));
        Point2D at = window.timeline().localToScreen(x, window.timeline().plotBottom() - 3);
        robot.clickOn(at);
        waitUntil(15, () -> window.selectedTab() == InvestigationTab.EVENTS
                && window.eventsGrid().getFilter().processKey() != null && window.eventsGrid().size() > 0);
        assertThat(window.eventsGrid().size()).as("the grid lists what the bar counts").isEqualTo(tallest.total());
    }

    @Test
    void aHostScopesTheViewsAndASourceListsItsEvents(FxRobot robot) throws Exception {
        openAttack(robot);
        robot.interact(() -> window.findings().filterField().setText("kworker"));
        robot.interact(() -> window.processTree().searchField().setText("sudo"));
        TreeItem<NavigatorItem> host = window.caseNavigator().getRoot().getChildren().get(1).getChildren().get(0);
        robot.interact(() -> window.caseNavigator().getSelectionModel().select(host));
        String name = host.getValue().host();
        assertThat(window.findings().hostScope()).isEqualTo(name);
        assertThat(window.findings().filterField().getText()).isEmpty();
        assertThat(window.processTree().searchField().getText()).isEmpty();
        assertThat(window.eventsGrid().getFilter()).isEqualTo(GridFilter.NONE.withHost(name));
        assertThat(window.inspector().visibleTexts()).contains("Host " + name);
        assertThat(window.selectedTab()).isEqualTo(InvestigationTab.PROCESS_TREE);

        TreeItem<NavigatorItem> source = window.caseNavigator().getRoot().getChildren().get(0).getChildren().get(0);
        robot.interact(() -> window.caseNavigator().getSelectionModel().select(source));
        String file = source.getValue().source().path().getFileName().toString();
        assertThat(window.selectedTab()).isEqualTo(InvestigationTab.EVENTS);
        waitUntil(15, () -> window.eventsGrid().size() > 0 && window.eventsGrid().visibleRows().get(0) != null);
        assertThat(window.eventsGrid().size()).isEqualTo(source.getValue().source().events());
        assertThat(window.eventsGrid().visibleRows()).allSatisfy(r -> assertThat(r.source()).isEqualTo(file));
    }

    @Test
    void anEventLeadsToItsProcessInTheTreeAndToThatProcessesEvents(FxRobot robot) throws Exception {
        Finding attack = openAttack(robot);
        long rootKey = workbench.focused().root().orElseThrow().key();
        robot.interact(() -> window.showTab(InvestigationTab.EVENTS));
        robot.interact(() -> window.eventsGrid().setFilter(GridFilter.NONE.withProcessKey(String.valueOf(rootKey),
                false, "kworker-sync")));
        waitUntil(15, () -> window.eventsGrid().size() > 0 && window.eventsGrid().visibleRows().get(0) != null);
        robot.interact(() -> window.eventsGrid().selectIndex(3));
        waitUntil(15, () -> window.eventsGrid().selectedEventProperty().get() != null);
        // Somewhere else in the tree first, then the link brings the event's process back.
        robot.interact(() -> window.processTree().treeTable().getSelectionModel().clearAndSelect(0));
        robot.clickOn("#inspector-link-show-in-process-tree");
        assertThat(window.selectedTab()).isEqualTo(InvestigationTab.PROCESS_TREE);
        assertThat(window.processTree().treeTable().getSelectionModel().getSelectedItem().getValue().key())
                .isEqualTo(String.valueOf(rootKey));
        robot.interact(() -> window.eventsGrid().setFilter(GridFilter.NONE));
        robot.interact(() -> window.showTab(InvestigationTab.PROCESS_TREE));
        robot.interact(() -> window.processTree().selectKey(String.valueOf(rootKey)));
        robot.clickOn("#inspector-link-process-events");
        assertThat(window.eventsGrid().getFilter().processKey()).isEqualTo(String.valueOf(rootKey));
        waitUntil(15, () -> window.eventsGrid().size() > 0);
        assertThat(window.eventsGrid().size()).isGreaterThanOrEqualTo(attack.filesAffected());
    }
}
