package io.ransomtrace.views.events;

import io.ransomtrace.views.testdata.ListEventSource;
import io.ransomtrace.views.testdata.SyntheticCase;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventsGridTest {
    private static final List<EventRow> EVENTS = SyntheticCase.events();
    private EventsGrid grid;
    private final List<EventRow> selected = new ArrayList<>();
    private final List<Duration> pivots = new ArrayList<>();

    @Start
    void start(Stage stage) {
        io.ransomtrace.views.testdata.TestTheme.apply();
        grid = new EventsGrid(Runnable::run);
        grid.setSource(new ListEventSource(EVENTS));
        grid.setOnEventSelected(selected::add);
        grid.setOnPivot((row, d) -> pivots.add(d));
        stage.setScene(new Scene(grid, 1200, 600));
        stage.show();
    }

    private String countText(FxRobot robot) {
        return robot.lookup("#events-count").queryAs(Label.class).getText();
    }

    private List<EventRow> shownRows() {
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.rows().get(i));
        }
        return rows;
    }

    @Test
    void pathFilterInTheColumnHeaderNarrowsTheRows(FxRobot robot) {
        assertThat(countText(robot)).isEqualTo(String.format("%,d events", EVENTS.size()));
        robot.clickOn("#events-path-filter").write("/hr/contracts").type(KeyCode.ENTER);
        long expected = EVENTS.stream().filter(e -> e.path().contains("/hr/contracts")
                || (e.targetPath() != null && e.targetPath().contains("/hr/contracts"))).count();
        assertThat(expected).isPositive().isLessThan(EVENTS.size());
        assertThat(countText(robot)).isEqualTo(String.format("%,d events", expected));
        assertThat(shownRows()).hasSize((int) expected).allMatch(r -> r.path().contains("/hr/contracts"));
    }

    @Test
    void kindAndQuickFilterCombine(FxRobot robot) {
        ComboBox<String> kind = robot.lookup("#events-kind-filter").query();
        robot.interact(() -> kind.setValue("CREATE"));
        assertThat(shownRows()).isNotEmpty().allMatch(r -> r.kind().equals("CREATE"));
        robot.clickOn("#events-quick-filter").write("README").type(KeyCode.ENTER);
        assertThat(shownRows()).hasSize(SyntheticCase.DIRECTORIES.length)
                .allMatch(r -> r.path().endsWith("README_RESTORE.txt"));
        robot.clickOn("#events-clear-filters");
        assertThat(shownRows()).hasSize(EVENTS.size());
    }

    @Test
    void aTimeRangeFromTheTimelineShowsOnlyThatBucket(FxRobot robot) {
        Instant from = SyntheticCase.ATTACK.plusSeconds(10);
        Instant to = from.plusSeconds(5);
        robot.interact(() -> grid.showTimeRange(from, to));
        assertThat(shownRows()).isNotEmpty()
                .allMatch(r -> !r.time().isBefore(from) && r.time().isBefore(to));
        assertThat(robot.lookup("#events-time-filter").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void clickingTheTimeHeaderSortsNewestFirst(FxRobot robot) {
        Instant newest = EVENTS.stream().map(EventRow::time).max(Instant::compareTo).orElseThrow();
        Instant oldest = EVENTS.stream().map(EventRow::time).min(Instant::compareTo).orElseThrow();
        assertThat(grid.visibleRows().get(0).time()).isEqualTo(oldest);
        robot.clickOn("Time (UTC)");
        robot.clickOn("Time (UTC)");
        assertThat(grid.isNewestFirst()).isTrue();
        assertThat(grid.visibleRows().get(0).time()).isEqualTo(newest);
    }

    @Test
    void sortingWithARowSelectedReordersWithoutError(FxRobot robot) {
        Instant newest = EVENTS.stream().map(EventRow::time).max(Instant::compareTo).orElseThrow();
        EventRow first = grid.visibleRows().get(0);
        robot.clickOn(first.path());
        assertThat(selected).containsExactly(first);
        java.util.List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e)));
        robot.clickOn("Time (UTC)");
        robot.clickOn("Time (UTC)");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        assertThat(grid.isNewestFirst()).isTrue();
        assertThat(grid.visibleRows().get(0).time()).isEqualTo(newest);
    }

    @Test
    void selectingARowReportsItAndTheRowMenuPivotsAroundIt(FxRobot robot) {
        EventRow first = grid.visibleRows().get(0);
        robot.clickOn(first.path());
        assertThat(selected).containsExactly(first);
        // Headless Monocle synthesizes no context-menu event from a right click: open the row's menu directly.
        javafx.scene.control.TableRow<?> row = robot.lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> first.equals(r.getItem()))
                .queryAs(javafx.scene.control.TableRow.class);
        robot.interact(() -> row.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Show ±10 s around this event");
        assertThat(pivots).containsExactly(Duration.ofSeconds(10));
        assertThat(grid.getFilter().from()).isEqualTo(first.time().minusSeconds(10));
        assertThat(shownRows()).allMatch(r -> !r.time().isBefore(first.time().minusSeconds(10))
                && r.time().isBefore(first.time().plusSeconds(10)));
    }
}
