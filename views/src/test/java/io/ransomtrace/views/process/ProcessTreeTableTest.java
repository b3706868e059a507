package io.ransomtrace.views.process;

import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
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
class ProcessTreeTableTest {
    private ProcessTreeTable tree;
    private final List<String> childrenAskedFor = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        Map<String, List<ProcessRow>> byParent = SyntheticCase.processes();
        ProcessSource counting = new ProcessSource() {
            @Override
            public List<ProcessRow> roots(String host) {
                return byParent.get("");
            }

            @Override
            public List<ProcessRow> children(ProcessRow parent) {
                childrenAskedFor.add(parent.key());
                return byParent.getOrDefault(parent.key(), List.of());
            }

            @Override
            public boolean hasChildren(ProcessRow p) {
                return byParent.containsKey(p.key());
            }
        };
        tree = new ProcessTreeTable();
        tree.setSource(counting, "fs01");
        tree.setOnAction((a, p) -> actions.add(a + " " + p.pid()));
        stage.setScene(new Scene(tree, 1200, 500));
        stage.show();
    }

    @Test
    void childrenAreReadOnlyWhenANodeIsExpanded(FxRobot robot) {
        assertThat(childrenAskedFor).isEmpty();
        assertThat(tree.treeTable().getRoot().getChildren()).hasSize(1);
        robot.interact(() -> tree.treeTable().getRoot().getChildren().get(0).setExpanded(true));
        assertThat(childrenAskedFor).containsExactly("p1");
        assertThat(robot.lookup("sshd  812").tryQuery()).isPresent();
    }

    @Test
    void highlightedLineageIsExpandedSelectedAndMarked(FxRobot robot) {
        int[] found = new int[1];
        robot.interact(() -> found[0] = tree.highlightLineage(SyntheticCase.LINEAGE));
        assertThat(found[0]).isEqualTo(SyntheticCase.LINEAGE.size());
        TreeItem<ProcessRow> selected = tree.treeTable().getSelectionModel().getSelectedItem();
        assertThat(selected.getValue().key()).isEqualTo("p30777");
        List<String> chain = new ArrayList<>();
        for (TreeItem<ProcessRow> i = selected.getParent(); i.getValue() != null; i = i.getParent()) {
            assertThat(i.isExpanded()).isTrue();
            chain.add(0, i.getValue().key());
        }
        assertThat(chain).containsExactlyElementsOf(SyntheticCase.LINEAGE.subList(0, 6));
        // Rows of the lineage carry the :lineage style; the cron branch does not.
        List<String> marked = new ArrayList<>();
        for (TreeTableRow<?> r : robot.lookup(".tree-table-row-cell").queryAllAs(TreeTableRow.class)) {
            if (r.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("lineage"))) {
                marked.add(((ProcessRow) r.getItem()).key());
            }
        }
        assertThat(marked)
                .containsExactlyInAnyOrderElementsOf(SyntheticCase.LINEAGE);
        // The campaign root is expanded (its workers listed); the branches off the path were not read.
        assertThat(selected.isExpanded()).isTrue();
        assertThat(robot.lookup("python3  30780").tryQuery()).isPresent();
        assertThat(childrenAskedFor).doesNotContain("p640", "p30780");
    }

    @Test
    void theLineageIsPinnedAboveTheTreeAsCrumbsThatSelectTheirProcess(FxRobot robot) {
        robot.interact(() -> tree.highlightLineage(SyntheticCase.LINEAGE));
        assertThat(robot.lookup("#process-lineage").query().isVisible()).isTrue();
        assertThat(tree.pinnedLineage()).extracting(ProcessRow::key).containsExactlyElementsOf(SyntheticCase.LINEAGE);
        List<String> crumbs = robot.lookup(".lineage-crumb").queryAllAs(javafx.scene.control.Button.class).stream()
                .map(javafx.scene.control.Button::getText).toList();
        assertThat(crumbs).containsExactly("systemd 1", "sshd 812", "sshd 30511", "bash 30520", "sudo 30601",
                "bash 30602", "python3 30777");
        robot.clickOn("sudo 30601");
        assertThat(tree.treeTable().getSelectionModel().getSelectedItem().getValue().key()).isEqualTo("p30601");
        // The crumbs stay: the lineage is pinned, not navigated away.
        assertThat(tree.pinnedLineage()).hasSize(SyntheticCase.LINEAGE.size());
    }

    @Test
    void processesFromBeforeTheLogsAndFailedExecAttemptsAreFoldedIntoRowsThatSayWhatTheyAre(FxRobot robot) {
        java.time.Instant t = java.time.Instant.parse("2026-11-28T14:39:39Z");
        ProcessRow bash = new ProcessRow("k180", 15827, 15000, "/usr/bin/bash", "bash", "root", "root", t, null, 0,
                null);
        List<ProcessRow> roots = List.of(
                new ProcessRow("k1", 15650, -1, null, "", null, null, null, null, 0, null),
                new ProcessRow("k3", 15113, -1, null, "", null, null, null, null, 0, null));
        List<ProcessRow> children = List.of(
                new ProcessRow("k181", 15827, 15000, "/usr/bin/env", "env", "root", "root", t, null, 0, null),
                new ProcessRow("k182", 15827, 15000, "/usr/bin/env", "/usr/local/sbin/su", "root", "root", t, null, 0,
                        null, null, true),
                new ProcessRow("k183", 15827, 15000, "/usr/bin/env", "/usr/local/bin/su", "root", "root", t, null, 0,
                        null, null, true),
                new ProcessRow("k184", 15827, 15000, "/usr/bin/env", "/usr/sbin/su", "root", "root", t, null, 0,
                        null, null, true),
                new ProcessRow("k185", 15827, 15000, "/usr/bin/su", "su", "root", "root", t, null, 0, null));
        ProcessSource src = new ProcessSource() {
            @Override
            public List<ProcessRow> roots(String host) {
                return roots;
            }

            @Override
            public List<ProcessRow> children(ProcessRow parent) {
                return parent.key().equals("k1") ? List.of(bash) : parent.key().equals("k180") ? children : List.of();
            }
        };
        robot.interact(() -> tree.setSource(src, "fs01"));
        robot.interact(() -> tree.highlightLineage(List.of("k1", "k180", "k185")));
        assertThat(robot.lookup("2 processes started before the logs").tryQuery()).isPresent();
        assertThat(robot.lookup("3 failed exec attempts by env 15827").tryQuery()).isPresent();
        assertThat(robot.lookup("the program was looked up in each PATH folder and not found there: "
                + "/usr/local/sbin/su, /usr/local/bin/su, /usr/sbin/su").tryQuery()).isPresent();
        assertThat(tree.treeTable().getSelectionModel().getSelectedItem().getValue().key()).isEqualTo("k185");
        // The breadcrumb starts at the first named process.
        assertThat(tree.pinnedLineage()).extracting(ProcessRow::key).containsExactly("k180", "k185");
        // Folded attempts are under their fold, collapsed: the su that ran is one row below env.
        assertThat(robot.lookup("env  15827  (exec failed)").tryQuery()).isEmpty();
    }

    @Test
    void tagsShowAsChipsOnTheProcessRow(FxRobot robot) {
        robot.interact(() -> tree.highlightLineage(SyntheticCase.LINEAGE));
        robot.interact(() -> tree.showTags("p30777", java.util.Set.of("encryptor")));
        assertThat(robot.lookup(".tag-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("encryptor");
    }

    @Test
    void columnWidthsStayWhenTheTreeIsHiddenAndShownAgain(FxRobot robot) {
        robot.interact(() -> tree.highlightLineage(SyntheticCase.LINEAGE));
        List<Double> before = tree.treeTable().getColumns().stream().map(c -> c.getWidth()).toList();
        robot.interact(() -> tree.treeTable().getColumns().get(1).setPrefWidth(400));
        List<Double> resized = tree.treeTable().getColumns().stream().map(c -> c.getWidth()).toList();
        assertThat(resized.get(1)).isEqualTo(400.0);
        // In a tab pane, as in the window: another tab to the front, then the tree's tab again.
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
        robot.interact(() -> {
            javafx.scene.Scene scene = tree.getScene();
            scene.setRoot(new javafx.scene.layout.StackPane());
            tabs.getTabs().addAll(new javafx.scene.control.Tab("Process tree", tree),
                    new javafx.scene.control.Tab("Timeline", new Label("timeline")));
            scene.setRoot(tabs);
        });
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.interact(() -> tabs.getSelectionModel().select(0));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.treeTable().getColumns().stream().map(c -> c.getWidth()).toList()).isEqualTo(resized);
        assertThat(before).isNotEqualTo(resized);
    }

    @Test
    void searchJumpsFromMatchToMatch(FxRobot robot) {
        robot.clickOn("#process-search").write("enc.py").type(KeyCode.ENTER);
        assertThat(tree.treeTable().getSelectionModel().getSelectedItem().getValue().key()).isEqualTo("p30777");
        assertThat(robot.lookup("#process-search-status").queryAs(Label.class).getText()).isEqualTo("1 of 5");
        robot.type(KeyCode.ENTER);
        assertThat(tree.treeTable().getSelectionModel().getSelectedItem().getValue().key()).isEqualTo("p30780");
        robot.eraseText(6).write("no-such-thing").type(KeyCode.ENTER);
        assertThat(robot.lookup("#process-search-status").queryAs(Label.class).getText()).isEqualTo("no match");
    }

    @Test
    void rowMenuRaisesShowEventsAndAllowlistActions(FxRobot robot) {
        robot.interact(() -> tree.highlightLineage(SyntheticCase.LINEAGE));
        TreeTableRow<?> row = robot.lookup(".tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getItem() != null && ((ProcessRow) r.getItem()).pid() == 30777)
                .queryAs(TreeTableRow.class);
        robot.interact(() -> row.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn(ProcessAction.SHOW_EVENTS.label());
        robot.interact(() -> row.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn(ProcessAction.ALLOWLIST_EXE.label());
        assertThat(actions).containsExactly("SHOW_EVENTS 30777", "ALLOWLIST_EXE 30777");
    }
}
