package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.views.common.StatusBar;
import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the workbench's long work (open, import, analysis) one task at a time on a background thread, with its
 * progress, rate and a Cancel button in the status bar; results and errors are handed back on the FX thread.
 */
public final class BackgroundTasks implements AutoCloseable {

    /** Long work; what it tells its {@link TaskProgress} shows in the status bar. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskProgress progress) throws Exception;
    }

    private final StatusBar statusBar;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-task");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger running = new AtomicInteger();

    public BackgroundTasks(StatusBar statusBar) {
        this.statusBar = statusBar;
    }

    /** How many tasks are queued or running (tests wait for zero). */
    public int running() {
        return running.get();
    }

    public <T> void run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        AtomicBoolean cancel = new AtomicBoolean();
        running.incrementAndGet();
        worker.execute(() -> {
            long[] lastPost = {0};
            TaskProgress p = new TaskProgress() {
                @Override
                public void update(double fraction, String message, String rate) {
                    long now = System.nanoTime();
                    if (now - lastPost[0] < 100_000_000L && fraction < 1) {
                        return;
                    }
                    lastPost[0] = now;
                    Platform.runLater(() -> show(title, fraction, message, rate, cancel));
                }

                @Override
                public boolean cancelled() {
                    return cancel.get();
                }
            };
            Platform.runLater(() -> show(title, -1, null, null, cancel));
            try {
                T result = work.run(p);
                Platform.runLater(() -> {
                    try {
                        onDone.accept(result);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    try {
                        statusBar.showIdle(title + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                        onError.accept(e);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        });
    }

    private void show(String title, double fraction, String message, String rate, AtomicBoolean cancel) {
        statusBar.message().setText(message == null ? title + "…" : title + ": " + message);
        statusBar.progress().setVisible(true);
        statusBar.progress().setManaged(true);
        statusBar.progress().setProgress(fraction < 0 ? -1 : fraction);
        statusBar.rate().setText(rate == null ? "" : rate);
        statusBar.cancel().setVisible(true);
        statusBar.cancel().setManaged(true);
        statusBar.cancel().setOnAction(e -> {
            cancel.set(true);
            statusBar.message().setText(title + ": cancelling…");
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
