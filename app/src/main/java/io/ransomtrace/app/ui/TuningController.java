package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.ProfileYaml;
import io.ransomtrace.app.ui.data.FindingRows;
import io.ransomtrace.app.ui.data.ProfileValues;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.tuning.TuningPanel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The tuning panel (right): moving a threshold re-runs the detector in the background and shows what would
 * change; Keep stores the profile in the case and adopts the previewed findings without running again; Save and
 * Load write and read profile files (a loaded profile becomes the case's and the detector runs with it).
 */
final class TuningController implements AutoCloseable {
    /** What the tuning history says of a kept change. */
    private static final String KEPT_NOTE = "kept in the workbench";

    private final MainWindow window;
    private final CurrentCase current;
    private final Dialogs dialogs;
    private final Notices notices;
    private final CaseLoader loader;
    private final AtomicReference<Preview> lastPreview = new AtomicReference<>();
    private TuningPanel panel;
    private LatestWinsRunner<Map<String, Double>, List<FindingRow>> runner;
    private Consumer<OpenCase> kept = c -> { };

    /** Findings of one tuning re-run, kept so that Keep adopts them without running again. */
    private record Preview(Map<String, Double> values, Profile profile, List<Finding> findings) {
    }

    TuningController(MainWindow window, CurrentCase current, Dialogs dialogs, Notices notices, CaseLoader loader) {
        this.window = window;
        this.current = current;
        this.dialogs = dialogs;
        this.notices = notices;
        this.loader = loader;
    }

    /** Called with the case after Keep adopted the previewed findings. */
    void setOnKept(Consumer<OpenCase> c) {
        kept = c;
    }

    /** The panel of the open case, or null. */
    TuningPanel panel() {
        return panel;
    }

    /** Builds the panel for a freshly opened case, from the profile kept in it. */
    void show(OpenCase c) {
        detach();
        runner = LatestWinsRunner.forFx(values -> preview(c, values));
        panel = new TuningPanel(ProfileValues.specs(c.settings().profile()), FindingRows.rows(c.findings()), runner);
        panel.setOnKeep(this::keep);
        panel.setOnSaveProfile(this::saveProfileFile);
        panel.setOnLoadProfile(this::loadProfileFile);
        window.tuningHolder().getChildren().setAll(panel);
    }

    /** After a re-run: the panel starts again from the profile and findings of the case. */
    void reload(OpenCase c) {
        if (panel != null) {
            panel.loadProfile(ProfileValues.values(c.settings().profile()), FindingRows.rows(c.findings()));
        }
    }

    /** Runs the detector with the panel's values, on the runner's thread; a newer request interrupts it. */
    private List<FindingRow> preview(OpenCase opened, Map<String, Double> values) {
        OpenCase now = current.get();
        CaseSettings base = (now == null ? opened : now).settings();
        Profile p = ProfileValues.apply(base.profile(), values);
        List<Finding> found = opened.session().findings(base.withProfile(p),
                () -> Thread.currentThread().isInterrupted(), this::showPartial);
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("superseded");
        }
        lastPreview.set(new Preview(Map.copyOf(values), p, found));
        return FindingRows.rows(found);
    }

    /** On the re-run's thread: how far it got and what it found so far, shown in the panel (latest wins). */
    private void showPartial(CaseSession.Partial partial) {
        if (Thread.currentThread().isInterrupted() || partial.events() >= partial.total()) {
            return;
        }
        Finding worst = partial.alerts().stream().max(java.util.Comparator.comparing(Finding::severity)).orElse(null);
        String text = String.format("Re-running the detector… %,d of %,d events, %d alert(s) so far%s",
                partial.events(), partial.total(), partial.alerts().size(),
                worst == null ? "" : " (" + worst.severity().label() + ": " + worst.title() + ")");
        TuningPanel shown = panel;
        javafx.application.Platform.runLater(() -> {
            if (shown != null && shown == panel) {
                shown.showProgress(text);
            }
        });
    }

    private void keep(Map<String, Double> values, List<FindingRow> rows) {
        OpenCase c = current.get();
        Preview p = lastPreview.get();
        if (c == null || p == null || !p.values().equals(Map.copyOf(values))) {
            return;
        }
        try {
            c.session().keepProfile(p.profile(), c.settings().profile(), KEPT_NOTE);
        } catch (RuntimeException e) {
            notices.error("Cannot store the profile in the case", e);
            return;
        }
        OpenCase adopted = c.withFindings(c.settings().withProfile(p.profile()), p.findings());
        current.set(adopted);
        kept.accept(adopted);
        loader.keep(adopted);
        notices.say("Profile kept and stored in the case: "
                + io.ransomtrace.views.common.Plural.of(p.findings().size(), "finding") + ".");
    }

    private void saveProfileFile(Map<String, Double> values) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        Optional<Path> file = dialogs.profileToSave("profile-" + DateTimeFormatter.ISO_LOCAL_DATE.format(
                Instant.now().atZone(ZoneOffset.UTC)) + ".yaml");
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(file.get(), ProfileYaml.write(ProfileValues.apply(c.settings().profile(), values)));
            notices.say("Profile saved to " + file.get().getFileName() + ".");
        } catch (IOException | RuntimeException e) {
            notices.error("Cannot save the profile", e);
        }
    }

    private void loadProfileFile() {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        Optional<Path> file = dialogs.profileToLoad();
        if (file.isEmpty()) {
            return;
        }
        Profile loaded;
        try {
            loaded = ProfileYaml.read(Files.readString(file.get()));
        } catch (IOException | RuntimeException e) {
            notices.error("Cannot load " + file.get().getFileName(), e);
            return;
        }
        try {
            c.session().useProfile(loaded);
        } catch (RuntimeException e) {
            notices.error("Cannot store the profile in the case", e);
            return;
        }
        // The loaded profile becomes the case's profile: the detector runs again with it.
        loader.rerun(c.settings().withProfile(loaded));
    }

    /** Stops previews of the case about to be closed. */
    void detach() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    @Override
    public void close() {
        detach();
    }
}
