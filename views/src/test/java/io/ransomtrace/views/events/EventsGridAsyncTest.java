package io.ransomtrace.views.events;

import io.ransomtrace.views.testdata.GeneratedEventSource;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid as the app runs it: counts and pages fetched off the JavaFX thread, rows filled in as they land. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventsGridAsyncTest {
    /** Fetch work that runs on the test thread when the test says so: a slow case store, frozen in time. */
    private final Deque<Runnable> fetches = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Executor slowStore = fetches::add;
    private final GeneratedEventSource source = new GeneratedEventSource(1_000_000);
    private EventsGrid grid;

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        grid = new EventsGrid(slowStore);
        stage.setScene(new Scene(grid, 1000, 500));
        stage.show();
    }

    /** Runs the fetches asked for so far (not those their answers trigger), then lets the FX thread catch up. */
    private void storeAnswers() {
        WaitForAsyncUtils.waitForFxEvents();
        for (int n = fetches.size(); n > 0; n--) {
            fetches.poll().run(); // off the FX thread, like the real fetcher
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void rowsAppearWhenTheirPageArrivesAndTheUiNeverWaitsForTheStore(FxRobot robot) {
        robot.interact(() -> grid.setSource(source));
        assertThat(robot.lookup("#events-count").queryAs(Label.class).getText()).isEqualTo("counting…");
        storeAnswers(); // the count
        assertThat(robot.lookup("#events-count").queryAs(Label.class).getText()).isEqualTo("1,000,000 events");
        assertThat(grid.visibleRows()).isNotEmpty().containsOnlyNulls(); // page 0 requested, not there yet
        storeAnswers(); // page 0
        assertThat(grid.visibleRows()).doesNotContainNull();
        assertThat(grid.visibleRows().get(0).eventId()).isZero();

        robot.interact(() -> grid.scrollToIndex(700_000));
        assertThat(grid.visibleRows()).containsOnlyNulls();
        storeAnswers();
        assertThat(grid.visibleRows().get(0).eventId()).isEqualTo(700_000);
        assertThat(source.seekCalls.get()).isEqualTo(1);
    }

    @Test
    void aNewFilterWhileTheOldCountIsPendingShowsOnlyTheNewListing(FxRobot robot) {
        robot.interact(() -> grid.setSource(source));
        robot.interact(() -> grid.setFilter(GridFilter.NONE.withKind("RENAME")));
        storeAnswers();
        storeAnswers();
        assertThat(grid.rows().query().filter().kind()).isEqualTo("RENAME");
        assertThat(grid.visibleRows()).doesNotContainNull();
    }
}
