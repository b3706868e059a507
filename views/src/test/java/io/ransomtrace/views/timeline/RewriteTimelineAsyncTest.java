package io.ransomtrace.views.timeline;

import io.ransomtrace.views.testdata.SyntheticCase;
import io.ransomtrace.views.testdata.TestTheme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Zooming faster than the store answers: only the last range is fetched and drawn. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RewriteTimelineAsyncTest {
    private final Deque<Runnable> fetches = new ConcurrentLinkedDeque<>();
    private final List<TimeRange> fetched = new ArrayList<>();
    private RewriteTimeline timeline;

    @Start
    void start(Stage stage) {
        TestTheme.apply();
        InMemoryBucketSupplier store = SyntheticCase.buckets();
        timeline = new RewriteTimeline(fetches::add);
        timeline.setSource((from, to, max) -> {
            fetched.add(new TimeRange(from, to));
            return store.bucketsFor(from, to, max);
        }, SyntheticCase.START, SyntheticCase.END);
        stage.setScene(new Scene(timeline, 900, 240));
        stage.show();
    }

    private void storeAnswers() {
        WaitForAsyncUtils.waitForFxEvents();
        for (int n = fetches.size(); n > 0; n--) {
            fetches.poll().run();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void rapidZoomsFetchOnlyTheLastRange(FxRobot robot) {
        storeAnswers();
        TimelineData whole = timeline.getData();
        assertThat(whole.range()).isEqualTo(new TimeRange(SyntheticCase.START, SyntheticCase.END));
        fetched.clear();
        robot.interact(() -> {
            for (int i = 0; i < 8; i++) {
                timeline.zoom(0.5, timeline.xOf(SyntheticCase.ATTACK));
            }
        });
        // Until the store answers, the previous buckets stay on screen.
        assertThat(timeline.getData()).isSameAs(whole);
        storeAnswers();
        assertThat(fetched).containsExactly(timeline.getVisibleRange());
        assertThat(timeline.getData().range()).isEqualTo(timeline.getVisibleRange());
        assertThat(timeline.getData().bucketWidth()).isLessThan(whole.bucketWidth());
        assertThat(timeline.getVisibleRange().duration()).isLessThan(Duration.ofMinutes(1));
    }
}
