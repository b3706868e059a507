package io.ransomtrace.views.events;

import io.ransomtrace.views.testdata.GeneratedEventSource;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrolls a 5-million-event case from start to end and back. Rows are generated on demand by the source, so
 * holding them all would take well over a gigabyte; the grid must hold a few pages and stay far below that.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventsGridScrollTest {
    private static final long EVENTS = 5_000_000;
    private static final long HEAP_BOUND = 96L * 1024 * 1024;
    private final GeneratedEventSource source = new GeneratedEventSource(EVENTS);
    private EventsGrid grid;

    @Start
    void start(Stage stage) {
        io.ransomtrace.views.testdata.TestTheme.apply();
        grid = new EventsGrid(Runnable::run);
        grid.setSource(source);
        stage.setScene(new Scene(grid, 1200, 700));
        stage.show();
    }

    @Test
    void scrollingFiveMillionEventsToTheEndAndBackHoldsOnlyAFewPages(FxRobot robot) {
        long before = usedHeapAfterGc();
        assertThat(grid.size()).isEqualTo(EVENTS);
        assertThat(grid.visibleRows()).isNotEmpty();
        int onScreen = grid.visibleRows().size();

        // Drag-like jumps down to the end, then back to the top: each shows the right rows at once.
        int steps = 20;
        for (int i = 0; i <= steps; i++) {
            long index = (EVENTS - 1) * i / steps;
            robot.interact(() -> grid.scrollToIndex(index));
            assertShowsFrom(Math.min(index, EVENTS - onScreen));
        }
        assertThat(grid.visibleRows().get(onScreen - 1).eventId()).isEqualTo(EVENTS - 1);
        for (int i = steps; i >= 0; i--) {
            long index = (EVENTS - 1) * i / steps;
            robot.interact(() -> grid.scrollToIndex(index));
        }
        assertShowsFrom(0);

        // Then read on screen by screen through the middle with the keyboard: keyset paging, no seeks.
        robot.interact(() -> {
            grid.scrollToIndex(2_500_000);
            grid.selectIndex(2_500_000);
        });
        long seeks = source.seekCalls.get();
        robot.interact(() -> grid.table().requestFocus());
        for (int i = 0; i < 12; i++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        assertThat(grid.selectedIndex()).isEqualTo(2_500_000L + 12L * onScreen);
        assertThat(grid.selectedEventProperty().get().eventId()).isEqualTo(2_500_000L + 12L * onScreen);
        assertThat(source.seekCalls.get()).isEqualTo(seeks);

        PagedEventList rows = grid.rows();
        assertThat(rows.pagesHeld()).isLessThanOrEqualTo(EventsGrid.MAX_PAGES);
        // Each visited position needs a page or two; nothing close to the 19,532 pages of the case.
        assertThat(source.pageCalls.get()).isLessThan(2L * (2 * steps + 2) + 20);
        assertThat(source.rowsServed.get()).isLessThan(EVENTS / 100);
        long after = usedHeapAfterGc();
        assertThat(after - before).as("heap growth while scrolling, bytes").isLessThan(HEAP_BOUND);
        assertThat(after).as("heap used, bytes").isLessThan(256L * 1024 * 1024);
    }

    private void assertShowsFrom(long first) {
        List<EventRow> shown = grid.visibleRows();
        assertThat(grid.firstVisibleIndex()).isEqualTo(first);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i).eventId()).isEqualTo(first + i);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
