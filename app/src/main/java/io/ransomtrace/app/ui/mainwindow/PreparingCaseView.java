package io.ransomtrace.app.ui.mainwindow;

import io.ransomtrace.app.casefile.TaskProgress;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * What the centre shows while a case is being prepared (the bundled sample imported on first start): what is
 * happening and how far it got, instead of an invitation to open a case. Its {@link #progress} may be told from
 * any thread.
 */
public final class PreparingCaseView extends VBox {
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar(-1);
    private final Label detail = new Label();

    public PreparingCaseView() {
        setId("preparing-case");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        title.setId("preparing-case-title");
        title.getStyleClass().add("title-3");
        bar.setId("preparing-case-progress");
        bar.setPrefWidth(360);
        detail.setId("preparing-case-detail");
        detail.getStyleClass().add("text-muted");
        detail.setWrapText(true);
        detail.setMaxWidth(520);
        getChildren().addAll(title, bar, detail);
    }

    /** Says what is being prepared; progress starts unknown. */
    public void start(String what) {
        title.setText(what);
        bar.setProgress(-1);
        detail.setText("Starting…");
    }

    /** The progress of the preparation, for the task that does it. */
    public final TaskProgress progress = new TaskProgress() {
        private final java.util.concurrent.atomic.AtomicLong lastPost = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void update(double fraction, String message, String rate) {
            // A few updates a second are enough to watch; an import reports far more often.
            long now = System.nanoTime();
            long last = lastPost.get();
            if (fraction < 1 && last != 0 && now - last < 100_000_000L || !lastPost.compareAndSet(last, now)) {
                return;
            }
            Platform.runLater(() -> {
                bar.setProgress(fraction < 0 ? -1 : fraction);
                detail.setText(String.format("%.0f %%", Math.max(0, fraction) * 100)
                        + (message == null ? "" : " · " + message) + (rate == null || rate.isEmpty() ? "" : " · " + rate));
            });
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    public String titleText() {
        return title.getText();
    }

    public double fraction() {
        return bar.getProgress();
    }
}
