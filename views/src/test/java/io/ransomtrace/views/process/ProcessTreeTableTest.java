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
        // The encryptor's workers were not loaded: only the path was expanded.
        assertThat(childrenAskedFor).doesNotContain("p640", "p30777");
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
