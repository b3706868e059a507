package io.ransomtrace.views.timeline;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
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
class RewriteTimelineTest {
    private static final Instant FROM = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-20T10:10:00Z");
    private static final Instant BURST = Instant.parse("2026-11-20T10:05:00Z");

    private RewriteTimeline timeline;
    private final List<TimeRange> requested = new ArrayList<>();
    private final List<TimeRange> selected = new ArrayList<>();

    @Start
    void start(Stage stage) {
        io.ransomtrace.views.testdata.TestTheme.apply();
        List<InMemoryBucketSupplier.Op> ops = new ArrayList<>();
        for (int i = 0; i < 3000; i++) { // 100 writes per second for 30 s, a rename every 10th
            ops.add(new InMemoryBucketSupplier.Op(BURST.plusMillis(i * 10L), i % 10 == 0 ? OpKind.RENAME : OpKind.WRITE));
        }
        ops.add(new InMemoryBucketSupplier.Op(BURST.plusMillis(1500), OpKind.NOTE));
        InMemoryBucketSupplier memory = new InMemoryBucketSupplier(ops,
                List.of(new TimelineMarker(BURST.plusMillis(1500), TimelineMarker.Kind.FIRST_NOTE, "first note")));
        timeline = new RewriteTimeline(Runnable::run);
        timeline.setOnBucketSelected(selected::add);
        timeline.setSource((from, to, max) -> {
            requested.add(new TimeRange(from, to));
            return memory.bucketsFor(from, to, max);
        }, FROM, TO);
        stage.setScene(new Scene(timeline, 900, 260));
        stage.show();
    }

    private Point2D screen(Instant t, double aboveBottom) {
        return timeline.localToScreen(timeline.xOf(t), timeline.plotBottom() - aboveBottom);
    }

    @Test
    void clickingABarReportsThatBucketsTimeRange(FxRobot robot) {
        TimelineData data = timeline.getData();
        assertThat(data.bucketWidth()).isEqualTo(Duration.ofSeconds(5));
        robot.clickOn(screen(BURST.plusSeconds(12), 5));
        assertThat(selected).containsExactly(new TimeRange(BURST.plusSeconds(10), BURST.plusSeconds(15)));
        assertThat(timeline.selectedBucketProperty().get()).isEqualTo(selected.get(0));
    }

    @Test
    void hoveringABarShowsItsCountsPerKind(FxRobot robot) {
        robot.moveTo(screen(BURST.plusSeconds(2), 5));
        // 10:05:00–10:05:05 holds 500 operations: 450 writes, 50 renames, plus the note at 1.5 s.
        assertThat(timeline.hoverText()).contains("2026-11-20 10:05:00.000", "write/overwrite: 450", "rename: 50",
                "note: 1", "total: 501");
        robot.moveTo(screen(FROM.plusSeconds(30), 5));
        assertThat(timeline.hoverText()).isEmpty();
    }

    @Test
    void draggingZoomsIntoTheDraggedRangeAndRebucketsFromTheSupplier(FxRobot robot) {
        robot.drag(screen(BURST, 20), MouseButton.PRIMARY).moveTo(screen(BURST.plusSeconds(20), 20))
                .release(MouseButton.PRIMARY);
        TimeRange r = timeline.getVisibleRange();
        assertThat(Duration.between(BURST, r.from()).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.between(BURST.plusSeconds(20), r.to()).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(requested.get(requested.size() - 1)).isEqualTo(r);
        assertThat(timeline.getData().bucketWidth()).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(selected).isEmpty();

        robot.doubleClickOn(screen(BURST.plusSeconds(10), 5));
        assertThat(timeline.getVisibleRange()).isEqualTo(new TimeRange(FROM, TO));
    }

    @Test
    void scrollingZoomsAroundTheCursorDownToMilliseconds(FxRobot robot) {
        Instant anchor = BURST.plusSeconds(15);
        for (int i = 0; i < 60 && timeline.getVisibleRange().duration().compareTo(Duration.ofMillis(50)) > 0; i++) {
            robot.interact(() -> timeline.zoom(0.5, timeline.xOf(anchor)));
        }
        TimeRange r = timeline.getVisibleRange();
        assertThat(r.duration()).isLessThanOrEqualTo(Duration.ofMillis(50))
                .isGreaterThanOrEqualTo(RewriteTimeline.MIN_SPAN);
        assertThat(r.contains(anchor)).isTrue();
        assertThat(timeline.getData().bucketWidth()).isEqualTo(Duration.ofMillis(1));
        // The mouse wheel zooms too.
        robot.interact(timeline::resetZoom);
        javafx.scene.Node canvas = robot.lookup("#timeline-canvas").query();
        double x = timeline.xOf(anchor);
        double y = timeline.plotBottom() - 30;
        robot.interact(() -> javafx.event.Event.fireEvent(canvas, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false,
                0, 40, 0, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(timeline.getVisibleRange().duration()).isLessThan(Duration.ofMinutes(10));
        assertThat(timeline.getVisibleRange().contains(anchor)).isTrue();
    }

    @Test
    void resetButtonAndPivotMoveTheVisibleRange(FxRobot robot) {
        robot.interact(() -> timeline.focusAround(BURST.plusSeconds(2), Duration.ofSeconds(1)));
        assertThat(timeline.getVisibleRange()).isEqualTo(new TimeRange(BURST.plusSeconds(1), BURST.plusSeconds(3)));
        assertThat(timeline.getData().markers()).extracting(TimelineMarker::label).containsExactly("first note");
        robot.clickOn("#timeline-reset");
        assertThat(timeline.getVisibleRange()).isEqualTo(new TimeRange(FROM, TO));
    }
}
