package io.ransomtrace.views.common;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "The latest request wins", the one mechanism every view uses for background work whose answer a newer request
 * makes obsolete (tuning re-runs, timeline buckets, the events grid's count, the finding every view focuses on).
 * Each {@link #submit} restarts a debounce delay (none for {@link #onExecutor}); when it expires the work starts
 * on a background executor, an older request still waiting there is dropped, and one still running is either
 * interrupted (long work should check {@link Thread#interrupted()}) or left to finish unseen; a result is
 * delivered only if no newer submit happened since.
 *
 * <p>Time, background and delivery are injected, so tests drive it deterministically: a manual
 * {@link Scheduler}, an inline or manual executor, {@code Runnable::run} delivery.
 *
 * @param <P> parameters of one run
 * @param <R> its result
 */
public final class LatestWinsRunner<P, R> implements AutoCloseable {

    /** Runs a task after a delay; the default uses a daemon timer thread. */
    @FunctionalInterface
    public interface Scheduler {
        Cancellable schedule(Duration delay, Runnable task);
    }

    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    /** The debounce the workbench uses: long enough to let a slider settle, short enough to feel live. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(250);

    /** Starts the task at once, on the submitting thread. */
    private static final Scheduler IMMEDIATELY = (delay, task) -> {
        task.run();
        return () -> { };
    };

    /** Runs on the JavaFX thread: at once when already there, else queued to it. */
    private static final Executor FX_THREAD = r -> {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    };

    private final Function<P, R> work;
    private final Executor background;
    private final Scheduler scheduler;
    private final Executor delivery;
    private final Duration debounce;
    private final AutoCloseable resources;
    private final boolean interruptSuperseded;

    private Consumer<R> onResult = r -> { };
    private Consumer<Throwable> onError = e -> { };
    private Consumer<Boolean> onBusy = b -> { };

    private long latest;
    private Cancellable pending;
    private FutureTask<R> running;
    private long runsStarted;

    public LatestWinsRunner(Function<P, R> work, Executor background, Scheduler scheduler, Executor delivery,
                            Duration debounce) {
        this(work, background, scheduler, delivery, debounce, () -> { }, true);
    }

    private LatestWinsRunner(Function<P, R> work, Executor background, Scheduler scheduler, Executor delivery,
                             Duration debounce, AutoCloseable resources, boolean interruptSuperseded) {
        this.work = work;
        this.background = background;
        this.scheduler = scheduler;
        this.delivery = delivery;
        this.debounce = debounce;
        this.resources = resources;
        this.interruptSuperseded = interruptSuperseded;
    }

    /**
     * A runner for the UI: {@link #DEFAULT_DEBOUNCE}, work on daemon threads, results on the JavaFX thread.
     * Close it when the view goes away.
     */
    public static <P, R> LatestWinsRunner<P, R> forFx(Function<P, R> work) {
        ExecutorService pool = Executors.newCachedThreadPool(daemon("tuning-run"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("tuning-debounce"));
        Scheduler scheduler = (delay, task) -> {
            ScheduledFuture<?> f = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
        return new LatestWinsRunner<>(work, pool, scheduler, FX_THREAD, DEFAULT_DEBOUNCE, () -> {
            pool.shutdownNow();
            timer.shutdownNow();
        }, true);
    }

    /**
     * A runner for a view's reads: no debounce, work on {@code background} (which the caller owns and may share
     * with other work; {@code Runnable::run} runs inline), results on the JavaFX thread (inline when submitted
     * from it and the work ran inline). A superseded read still running is not interrupted: it may be in the
     * middle of a query on a shared connection; its answer is simply not shown.
     */
    public static <P, R> LatestWinsRunner<P, R> onExecutor(Function<P, R> work, Executor background) {
        return new LatestWinsRunner<>(work, background, IMMEDIATELY, FX_THREAD, Duration.ZERO, () -> { }, false);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public void setOnResult(Consumer<R> c) {
        onResult = c == null ? r -> { } : c;
    }

    public void setOnError(Consumer<Throwable> c) {
        onError = c == null ? e -> { } : c;
    }

    /** Told true when a run starts and false when the newest run has delivered (or was cancelled). */
    public void setOnBusy(Consumer<Boolean> c) {
        onBusy = c == null ? b -> { } : c;
    }

    /** Asks for a run with {@code params}; earlier requests not yet delivered are superseded. */
    public synchronized void submit(P params) {
        long seq = ++latest;
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(debounce, () -> start(seq, params));
    }

    /** Drops every pending and running request; nothing more is delivered for them. */
    public void cancel() {
        synchronized (this) {
            latest++;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            if (running != null) {
                running.cancel(interruptSuperseded);
                running = null;
            }
        }
        delivery.execute(() -> onBusy.accept(false));
    }

    /** How many runs actually started (debounced requests never start). */
    public synchronized long runsStarted() {
        return runsStarted;
    }

    private synchronized boolean isLatest(long seq) {
        return seq == latest;
    }

    private void start(long seq, P params) {
        FutureTask<R> task;
        synchronized (this) {
            if (seq != latest) {
                return;
            }
            pending = null;
            if (running != null) {
                running.cancel(interruptSuperseded);
            }
            task = new FutureTask<>(() -> work.apply(params));
            running = task;
            runsStarted++;
        }
        delivery.execute(() -> {
            if (isLatest(seq)) {
                onBusy.accept(true);
            }
        });
        background.execute(() -> {
            task.run();
            R result;
            try {
                result = task.get();
            } catch (CancellationException | InterruptedException e) {
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                delivery.execute(() -> {
                    if (isLatest(seq)) {
                        onBusy.accept(false);
                        onError.accept(cause);
                    }
                });
                return;
            }
            delivery.execute(() -> {
                if (isLatest(seq)) {
                    onBusy.accept(false);
                    onResult.accept(result);
                }
            });
        });
    }

    @Override
    public void close() {
        cancel();
        try {
            resources.close();
        } catch (Exception e) {
            // Closing thread pools does not fail in a way the analyst could act on.
        }
    }
}
