package io.ransomtrace.app.ui;

import io.ransomtrace.app.recovery.FindingRecovery;
import io.ransomtrace.app.recovery.PlanWriter;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.recovery.KeyUse;
import io.ransomtrace.engine.recovery.RecoveryMethod;
import io.ransomtrace.engine.recovery.RecoveryPlan;
import io.ransomtrace.views.recovery.RecoveryPanel;
import io.ransomtrace.views.recovery.RecoveryView;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The inspector's Recovery section for the finding in focus: the open case's session plans it off the JavaFX
 * thread (the plan replays the campaign's lineage; the latest finding wins and an older plan stops reading), the
 * views' {@link RecoveryPanel} shows it with the keys masked, a key's event link goes to the event, and Export
 * plan… writes it into a folder the analyst picks, as a background task.
 */
final class RecoveryController implements AutoCloseable {

    private final RecoveryPanel panel;
    private final CurrentCase current;
    private final Dialogs dialogs;
    private final Notices notices;
    private final BackgroundTasks tasks;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recovery-plan");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private OpenCase planned;
    private FindingRecovery shown;

    RecoveryController(MainWindow window, CurrentCase current, Dialogs dialogs, Notices notices, BackgroundTasks tasks,
                       Consumer<Long> onEvent) {
        this.panel = window.inspector().recovery();
        this.current = current;
        this.dialogs = dialogs;
        this.notices = notices;
        this.tasks = tasks;
        panel.setOnExport(this::export);
        panel.setOnEventSelected(onEvent);
    }

    /** Plans the finding now in focus; the panel says "Planning…" until it is done. */
    void show(Finding f) {
        OpenCase c = current.get();
        long g = generation.incrementAndGet();
        planned = c;
        shown = null;
        panel.showPlanning();
        if (c == null) {
            return;
        }
        worker.execute(() -> {
            if (g != generation.get()) {
                return;
            }
            try {
                FindingRecovery r = c.session().recoveryPlan(f, () -> g != generation.get());
                Platform.runLater(() -> {
                    if (g == generation.get() && current.is(c)) {
                        shown = r;
                        if (r.note() != null) {
                            panel.showMessage(r.note());
                        } else {
                            panel.show(view(r.plan()));
                        }
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (g == generation.get()) {
                        panel.showMessage("Cannot plan the recovery: " + e.getMessage());
                    }
                });
            }
        });
    }

    static RecoveryView view(RecoveryPlan plan) {
        List<RecoveryView.MethodCount> methods = new ArrayList<>();
        for (Map.Entry<RecoveryMethod, Integer> c : plan.counts().entrySet()) {
            methods.add(new RecoveryView.MethodCount(c.getKey().label(), c.getValue(), c.getKey().meaning()));
        }
        List<RecoveryView.KeyLine> keys = new ArrayList<>();
        for (KeyUse k : plan.keys()) {
            keys.add(new RecoveryView.KeyLine(k.tool(), k.cipher(), k.key().masked(), k.key().known() ? k.key().secret() : null,
                    k.key().how(), k.key().eventId(), k.files(), k.decrypts()));
        }
        List<String> seize = new ArrayList<>();
        plan.seizures().forEach((what, n) -> seize.add(what + ": the key to " + n + (n == 1 ? " file." : " files.")));
        return new RecoveryView(plan.summary(), methods, keys, seize);
    }

    private void export() {
        if (shown != null && planned != null) {
            dialogs.planFolder(planned.session().file().getFileName().toString()).ifPresent(this::export);
        }
    }

    /** Writes the plan shown into {@code dir} in the background (what Export plan… ends in). */
    void export(Path dir) {
        FindingRecovery plan = shown;
        OpenCase c = planned;
        if (plan == null || c == null) {
            return;
        }
        String caseName = c.session().file().getFileName().toString();
        tasks.run("Writing the recovery plan", p -> PlanWriter.write(dir, caseName, List.of(plan), false),
                w -> notices.say("Wrote the recovery plan to " + w.dir() + ": decrypt.sh (" + w.decrypt()
                        + " files to decrypt; it holds the keys), restore.csv, summary.txt"),
                e -> notices.error("Cannot write the recovery plan", e));
    }

    /** The plan shown now, or null while planning (tests). */
    FindingRecovery shown() {
        return shown;
    }

    /** The case is about to close: a plan still being read is dropped, and stops reading. */
    void detach() {
        generation.incrementAndGet();
        planned = null;
        shown = null;
    }

    @Override
    public void close() {
        detach();
        worker.shutdownNow();
    }
}
