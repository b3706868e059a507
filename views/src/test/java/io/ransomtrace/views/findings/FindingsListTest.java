package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindingsListTest {
    private FindingsList list;
    private final List<String> selected = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        list = new FindingsList();
        list.setFindings(SyntheticCase.findings());
        list.setOnFindingSelected(f -> selected.add(f.id()));
        stage.setScene(new Scene(list, 1200, 300));
        stage.show();
    }

    @Test
    void mostSevereFindingsComeFirstAndLowerOnesWaitBehindALink(FxRobot robot) {
        assertThat(list.shown()).extracting(FindingRow::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.HIGH, Severity.MEDIUM);
        Hyperlink lower = robot.lookup("#findings-lower").queryAs(Hyperlink.class);
        assertThat(lower.getText()).isEqualTo("1 lower finding hidden — show");
        robot.clickOn(lower);
        assertThat(list.shown()).extracting(FindingRow::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(lower.getText()).isEqualTo("Hide the 1 lower finding");
        assertThat(robot.lookup(".severity-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Critical", "Medium");
        robot.clickOn("Files");
        assertThat(list.shown()).extracting(FindingRow::filesAffected).isSorted();
    }

    @Test
    void filterNarrowsAndSuppressedAreGreyedOrHidden(FxRobot robot) {
        robot.clickOn("#findings-filter").write("fs01");
        assertThat(list.shown()).extracting(FindingRow::id).containsExactlyInAnyOrder("f-enc", "f-note", "f-rsync");
        assertThat(robot.lookup("#findings-count").queryAs(Label.class).getText()).isEqualTo("3 of 5 (1 suppressed)");
        TreeTableRow<?> suppressedRow = robot.lookup(".tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getItem() != null && ((FindingRow) r.getItem()).suppressed())
                .queryAs(TreeTableRow.class);
        assertThat(suppressedRow.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("suppressed"));
        assertThat(robot.lookup("Bulk rewrite of /backup/share  — suppressed: nightly backup job (allowlist: rsync, bob, until 2027-03-31)")
                .tryQuery()).isPresent();
        robot.clickOn("#findings-show-suppressed");
        assertThat(list.shown()).extracting(FindingRow::id).containsExactlyInAnyOrder("f-enc", "f-note");
    }

    @Test
    void selectingFocusesAndNextPreviousWalkTheList(FxRobot robot) {
        robot.clickOn("Ransom note README_RESTORE.txt dropped in 13 directories");
        assertThat(selected).containsExactly("f-note");
        robot.interact(list::selectNext);
        robot.interact(list::selectNext);
        robot.interact(list::selectPrevious);
        assertThat(selected).containsExactly("f-note", "f-rsync", "f-tar", "f-rsync");
        robot.interact(() -> list.setFindings(SyntheticCase.findings().subList(0, 4)));
        assertThat(list.selectedFindingProperty().get().id()).isEqualTo("f-rsync");
    }

    @Test
    void incompleteFindingsAreShownNotDropped(FxRobot robot) {
        List<FindingRow> odd = new ArrayList<>(SyntheticCase.findings());
        odd.add(new FindingRow("f-odd", null, Double.NaN, null, null, null, null, 0, null, true, null));
        robot.interact(() -> list.setFindings(odd));
        robot.interact(() -> list.setShowLower(true));
        robot.clickOn("First alert (UTC)");
        robot.clickOn("Severity");
        assertThat(list.shown()).hasSize(6);
        assertThat(list.shown().get(5).id()).isEqualTo("f-odd");
        assertThat(list.shown().get(5).suppressedWhy()).isEqualTo("no reason given");
        assertThat(robot.lookup("(untitled finding)  — suppressed: no reason given").tryQuery()).isPresent();
    }

    @Test
    void aBusyHostsLowerFindingsAreHiddenThenFoldedByProgramAndUser(FxRobot robot) {
        List<FindingRow> busy = new ArrayList<>(SyntheticCase.findings().subList(0, 4));
        String[][] daemons = {{"php-fpm", "www-data"}, {"rsync", "svc-backup"}, {"cron", "root"}};
        for (int i = 0; i < 1800; i++) {
            String[] d = daemons[i % 3];
            busy.add(new FindingRow("f-bulk-" + i, i % 2 == 0 ? Severity.LOW : Severity.INFO, 0.1,
                    "Bulk file modification by " + d[0] + " (" + d[1] + ")", "web01", d[0] + " --worker " + i,
                    d[1], 60, null, false, null, d[0], d[1], List.of("mass-modification")));
        }
        robot.interact(() -> list.setFindings(busy));
        assertThat(list.rows()).hasSize(4);
        assertThat(robot.lookup("#findings-lower").queryAs(Hyperlink.class).getText())
                .isEqualTo("1,800 lower findings hidden — show");
        robot.clickOn("#findings-lower");
        // Three folded rows, one per daemon and user, in place of 1,800.
        assertThat(list.rows()).hasSize(4 + 3);
        assertThat(list.rows()).filteredOn(FindingGroups::isGroup).extracting(FindingRow::title)
                .containsExactlyInAnyOrder("600 lower findings of php-fpm (www-data): 300 low, 300 info — expand to list them",
                        "600 lower findings of rsync (svc-backup): 300 low, 300 info — expand to list them",
                        "600 lower findings of cron (root): 300 low, 300 info — expand to list them");
        assertThat(list.shown()).hasSize(1804);
        // Selecting one opens its group.
        robot.interact(() -> list.select("f-bulk-7"));
        assertThat(list.selectedFindingProperty().get().id()).isEqualTo("f-bulk-7");
        assertThat(list.rows()).hasSize(4 + 3 + 600);
        assertThat(selected).contains("f-bulk-7");
    }

    @Test
    void withNothingAtMediumTheListSaysSoAndOffersTheLowerOnes(FxRobot robot) {
        robot.interact(() -> list.setFindings(SyntheticCase.findings().subList(4, 5)));
        assertThat(list.rows()).isEmpty();
        Hyperlink show = robot.lookup("#findings-placeholder-lower").queryAs(Hyperlink.class);
        assertThat(show.getText()).isEqualTo("Show the 1 lower finding");
        robot.clickOn(show);
        assertThat(list.rows()).extracting(FindingRow::id).containsExactly("f-log");
    }
}
