package io.ransomtrace.app.ui;

import io.ransomtrace.app.recovery.FindingRecovery;
import io.ransomtrace.app.recovery.PlanWords;
import io.ransomtrace.app.recovery.PlanWriter;
import io.ransomtrace.app.recovery.RecoveryService;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.recovery.KeyUse;
import io.ransomtrace.engine.recovery.RecoveryMethod;
import io.ransomtrace.engine.recovery.RecoveryPlan;
import io.ransomtrace.views.recovery.RecoveryPanel;
import io.ransomtrace.views.recovery.RecoveryView;
import javafx.application.Platform;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Feeds the inspector's Recovery section for the finding in focus: plans off the JavaFX thread (the plan replays
 * the campaign's lineage), shows the latest finding's plan only, and exports it through a folder chooser in the
 * background. Kept apart from the workbench so the window's layout can move without it.
 */
final class RecoverySection implements AutoCloseable {

    private final RecoveryPanel panel;
    private final Window owner;
    private final BackgroundTasks tasks;
    private final Consumer<String> status;
    private final BiConsumer<String, Throwable> error;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recovery-plan");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private CaseStore store;
    private FindingRecovery shown;

    RecoverySection(RecoveryPanel panel, Window owner, BackgroundTasks tasks, Consumer<String> status,
                    BiConsumer<String, Throwable> error, Consumer<Long> onEvent) {
        this.panel = panel;
        this.owner = owner;
        this.tasks = tasks;
        this.status = status;
        this.error = error;
        panel.setOnExport(this::export);
        panel.setOnEventSelected(onEvent);
    }

    /** The case is about to close: a plan still being read is dropped, and stops reading. */
    void detach() {
        generation.incrementAndGet();
        store = null;
        shown = null;
    }

    /** Plans the finding now in focus; the panel says "Planning…" until it is done. */
    void show(CaseStore caseStore, Finding f) {
        long g = generation.incrementAndGet();
        store = caseStore;
        shown = null;
        panel.showPlanning();
        worker.execute(() -> {
            if (g != generation.get()) {
                return;
            }
            try {
                FindingRecovery r = RecoveryService.plan(caseStore.queries(), f, () -> g != generation.get());
                Platform.runLater(() -> {
                    if (g == generation.get()) {
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
            methods.add(new RecoveryView.MethodCount(c.getKey().label(), c.getValue(), PlanWords.meaning(c.getKey())));
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
        if (shown == null || store == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the recovery plan (new or empty)");
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            export(dir.toPath());
        }
    }

    /** Writes the plan shown into {@code dir} in the background (what the export button ends in). */
    void export(Path dir) {
        FindingRecovery plan = shown;
        CaseStore s = store;
        if (plan == null || s == null) {
            return;
        }
        String caseName = s.file().getFileName().toString();
        tasks.run("Writing the recovery plan", p -> PlanWriter.write(dir, caseName, List.of(plan), false),
                w -> status.accept("Wrote the recovery plan to " + w.dir() + ": decrypt.sh (" + w.decrypt()
                        + " files to decrypt; it holds the keys), restore.csv, summary.txt"),
                e -> error.accept("Cannot write the recovery plan", e));
    }

    /** The plan shown now, or null while planning (tests). */
    FindingRecovery shown() {
        return shown;
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        worker.shutdownNow();
    }
}
