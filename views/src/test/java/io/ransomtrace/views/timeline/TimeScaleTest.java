package io.ransomtrace.views.timeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeScaleTest {
    private static final Instant T = Instant.parse("2026-11-20T03:14:07.250Z");

    @Test
    void bucketWidthsAreRoundAndFitTheBudget() {
        assertThat(BucketWidth.forRange(Duration.ofHours(2), 300)).isEqualTo(Duration.ofSeconds(30));
        assertThat(BucketWidth.forRange(Duration.ofMillis(100), 300)).isEqualTo(Duration.ofMillis(1));
        assertThat(BucketWidth.forRange(Duration.ofDays(30), 100)).isEqualTo(Duration.ofHours(12));
        assertThat(BucketWidth.forRange(Duration.ofDays(3650), 10)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void bucketsAlignOnRoundTimes() {
        assertThat(BucketWidth.floor(T, Duration.ofSeconds(5))).isEqualTo(Instant.parse("2026-11-20T03:14:05Z"));
        assertThat(BucketWidth.floor(T, Duration.ofMillis(200))).isEqualTo(Instant.parse("2026-11-20T03:14:07.200Z"));
        assertThat(BucketWidth.floor(T, Duration.ofMinutes(15))).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
        assertThat(BucketWidth.floor(T, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void tickLabelsShowMillisecondsOnlyWhenZoomedThatFar() {
        List<TimeTicks.Tick> hours = TimeTicks.compute(new TimeRange(T, T.plus(Duration.ofHours(2))), 1000, 90);
        assertThat(hours).isNotEmpty().allMatch(t -> t.label().matches("\\d\\d-\\d\\d \\d\\d:\\d\\d|\\d\\d:\\d\\d"));
        List<TimeTicks.Tick> ms = TimeTicks.compute(new TimeRange(T, T.plusMillis(40)), 1000, 90);
        assertThat(ms).isNotEmpty().allMatch(t -> t.label().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d"));
        assertThat(ms.get(0).label()).isEqualTo("03:14:07.250");
        // Ticks stay inside the range and at least the requested spacing apart.
        double spacing = 1000.0 * Duration.between(ms.get(0).time(), ms.get(1).time()).toNanos()
                / Duration.ofMillis(40).toNanos();
        assertThat(spacing).isGreaterThanOrEqualTo(90);
    }

    @Test
    void inMemoryBucketsCountEveryOperationOnce() {
        List<InMemoryBucketSupplier.Op> ops = List.of(
                new InMemoryBucketSupplier.Op(T, OpKind.WRITE),
                new InMemoryBucketSupplier.Op(T.plusMillis(1), OpKind.RENAME),
                new InMemoryBucketSupplier.Op(T.plusSeconds(61), OpKind.NOTE),
                new InMemoryBucketSupplier.Op(T.plusSeconds(3600), OpKind.DELETE));
        InMemoryBucketSupplier s = new InMemoryBucketSupplier(ops, List.of());
        TimelineData d = s.bucketsFor(T.minusSeconds(1), T.plusSeconds(120), 10);
        assertThat(d.bucketWidth()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.buckets()).hasSize(2);
        assertThat(d.buckets().get(0).write()).isEqualTo(1);
        assertThat(d.buckets().get(0).rename()).isEqualTo(1);
        assertThat(d.buckets().get(1).note()).isEqualTo(1);
        assertThat(d.buckets().stream().mapToLong(TimelineBucket::total).sum()).isEqualTo(3); // the delete is outside
    }
}
