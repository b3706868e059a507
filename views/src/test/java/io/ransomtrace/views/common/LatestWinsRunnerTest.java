package io.ransomtrace.views.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the runner with a hand-cranked clock and executor: no real time, no flakiness. */
public class LatestWinsRunnerTest {

    /** Debounce timer the test fires by hand. */
    public static final class ManualScheduler implements LatestWinsRunner.Scheduler {
        final List<Runnable> pending = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public LatestWinsRunner.Cancellable schedule(Duration delay, Runnable task) {
            pending.add(task);
            delays.add(delay);
            return () -> pending.remove(task);
        }

        public void elapse() {
            List<Runnable> due = new ArrayList<>(pending);
            pending.clear();
            due.forEach(Runnable::run);
        }
    }

    /** Background executor whose tasks run when the test says so. */
    public static final class ManualExecutor implements Executor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }

        void runLast() {
            queue.pollLast().run();
        }
    }

    private final ManualScheduler clock = new ManualScheduler();
    private final ManualExecutor background = new ManualExecutor();
    private final List<Integer> calls = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    private LatestWinsRunner<Integer, String> runner() {
        LatestWinsRunner<Integer, String> r = new LatestWinsRunner<>(p -> {
            calls.add(p);
            return "result " + p;
        }, background, clock, Runnable::run, LatestWinsRunner.DEFAULT_DEBOUNCE);
        r.setOnResult(delivered::add);
        return r;
    }

    @Test
    void burstOfChangesWithinTheDebounceRunsOnlyTheLast() {
        LatestWinsRunner<Integer, String> r = runner();
        r.submit(1);
        r.submit(2);
        r.submit(3);
        assertThat(clock.delays).containsOnly(Duration.ofMillis(250));
        clock.elapse();
        background.runAll();
        assertThat(calls).containsExactly(3);
        assertThat(delivered).containsExactly("result 3");
        assertThat(r.runsStarted()).isEqualTo(1);
    }

    @Test
    void aStaleRunThatFinishesLateIsNeverShown() {
        LatestWinsRunner<Integer, String> r = runner();
        r.submit(1);
        clock.elapse();            // run 1 is queued on the background
        r.submit(2);
        clock.elapse();            // run 2 is queued; run 1 was cancelled
        background.runLast();      // run 2 finishes first
        background.runAll();       // run 1 comes back late
        assertThat(delivered).containsExactly("result 2");
        assertThat(calls).containsExactly(2); // the cancelled FutureTask never even ran
    }

    @Test
    void aRunInProgressIsInterruptedWhenANewerOneStarts() throws Exception {
        List<Boolean> interrupted = new ArrayList<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        LatestWinsRunner<Integer, String> r = new LatestWinsRunner<>(p -> {
            if (p == 1) {
                started.countDown();
                try {
                    new java.util.concurrent.CountDownLatch(1).await(); // blocks until interrupted
                } catch (InterruptedException e) {
                    interrupted.add(true);
                    done.countDown();
                }
                return "stale";
            }
            return "fresh " + p;
        }, cmd -> new Thread(cmd).start(), clock, Runnable::run, Duration.ofMillis(250));
        List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        r.setOnResult(out::add);
        r.submit(1);
        clock.elapse();
        started.await();
        r.submit(2);
        clock.elapse();
        assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).containsExactly(true);
        r.close();
        assertThat(out).doesNotContain("stale");
    }

    @Test
    void cancelDropsPendingAndRunningWork() {
        LatestWinsRunner<Integer, String> r = runner();
        List<Boolean> busy = new ArrayList<>();
        r.setOnBusy(busy::add);
        r.submit(1);
        clock.elapse();
        r.cancel();
        background.runAll();
        r.submit(2);
        r.cancel();
        clock.elapse();
        background.runAll();
        assertThat(delivered).isEmpty();
        assertThat(busy).endsWith(false);
    }

    @Test
    void aFailingRunReportsItsErrorOnlyIfStillLatest() {
        List<Throwable> errors = new ArrayList<>();
        LatestWinsRunner<Integer, String> r = new LatestWinsRunner<>(p -> {
            throw new IllegalArgumentException("profile invalid: " + p);
        }, background, clock, Runnable::run, Duration.ofMillis(250));
        r.setOnError(errors::add);
        r.submit(7);
        clock.elapse();
        background.runAll();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("profile invalid: 7");
    }
}
