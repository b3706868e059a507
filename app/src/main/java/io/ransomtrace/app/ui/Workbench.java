package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.BundledSampleCase;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.ui.data.CampaignView;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.profile.AllowlistRule.MatchField;
import io.ransomtrace.views.common.Plural;
import io.ransomtrace.views.process.ProcessAction;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.tuning.TuningPanel;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wires the main window to the feature controllers: the case navigator, the import flow, the findings and the
 * views they focus, tuning, the allowlist, annotations and exports, which all work through the open case's
 * {@link io.ransomtrace.app.casefile.CaseSession}. It holds no logic of its own beyond putting a freshly analysed
 * case into every controller and emptying them before the case behind them closes.
 */
public final class Workbench implements AutoCloseable {
    private final Stage stage;
    private final MainWindow window;
    private final BackgroundTasks tasks;
    private final CurrentCase current = new CurrentCase();
    private final CaseLoader loader;
    private final ImportFlow imports;
    private final NavigatorController navigator;
    private final FindingsController findings;
    private final TuningController tuning;
    private final AllowlistController allowlist;
    private final AnnotationsController annotations;
    private final ExportController exports;
    private final RecoveryController recovery;
    private Consumer<CampaignView> onFocused = v -> { };

    public Workbench(Stage stage, MainWindow window, Dialogs dialogs) {
        this.stage = stage;
        this.window = window;
        this.tasks = new BackgroundTasks(window.statusBar());
        Notices notices = new Notices(window.statusBar(), dialogs);
        this.findings = new FindingsController(window, current, notices);
        this.loader = new CaseLoader(tasks, current, notices, this::detach);
        this.imports = new ImportFlow(tasks, dialogs, current, notices, loader);
        ScopeController scope = new ScopeController(window, current, findings);
        this.navigator = new NavigatorController(window, current, scope);
        this.tuning = new TuningController(window, current, dialogs, notices, loader);
        this.allowlist = new AllowlistController(window, current, notices, loader);
        this.annotations = new AnnotationsController(window, current, dialogs, notices, findings::refreshTreeTags);
        this.exports = new ExportController(window, current, dialogs, notices, tasks);
        this.recovery = new RecoveryController(window, current, dialogs, notices, tasks, findings::showEvidence);
        findings.setOnFocused(v -> {
            recovery.show(v.finding());
            onFocused.accept(v);
        });

        loader.setOnShown(this::show);
        loader.setOnReanalysed(c -> {
            findings.showFindings(c.findings());
            tuning.reload(c);
            showCaseInfo(c);
        });
        tuning.setOnKept(c -> {
            findings.showFindings(c.findings());
            showCaseInfo(c);
        });
        window.setOnOpenCase(() -> dialogs.caseToOpen(BundledSampleCase.casesFolder()).ifPresent(loader::open));
        window.setOnImportLogs(imports::chooseAndImport);
        window.setOnImportFolder(imports::chooseFolderAndImport);
        window.setOnExport(exports::export);
        window.processTree().setOnAction(this::processAction);
        addActions();
    }

    private void addActions() {
        window.actionsMenu().getItems().addAll(
                item("Re-run detection", new KeyCodeCombination(KeyCode.F5), e -> rerun()),
                new SeparatorMenuItem(),
                item("Next finding", new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN),
                        e -> window.findings().selectNext()),
                item("Previous finding", new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN),
                        e -> window.findings().selectPrevious()),
                item("Find", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), e -> findings.find()),
                new SeparatorMenuItem(),
                item("Tag selected process or event…", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                        e -> annotations.annotateSelection(false)),
                item("Note on selected process or event…", new KeyCodeCombination(KeyCode.N,
                        KeyCombination.SHORTCUT_DOWN), e -> annotations.annotateSelection(true)));
    }

    private static MenuItem item(String text, KeyCombination keys, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(keys);
        item.setOnAction(action);
        return item;
    }

    private void processAction(ProcessAction action, ProcessRow row) {
        switch (action) {
            case SHOW_EVENTS -> findings.showProcessEvents(row);
            case ALLOWLIST_EXE -> allowlist.prefill(MatchField.EXE, row.exe());
            case ALLOWLIST_COMMAND -> allowlist.prefill(MatchField.COMMAND_LINE, row.commandLine());
            case ALLOWLIST_USER -> allowlist.prefill(MatchField.USER, row.user());
            case TAG -> annotations.tagProcess(row);
        }
    }

    /** Puts a freshly analysed case into every view. */
    private void show(OpenCase c) {
        if (c == null) {
            window.showNoCase();
            window.statusBar().showIdle("Cancelled.");
            return;
        }
        current.set(c);
        window.showNoFindings();
        stage.setTitle("Ransomtrace — " + c.session().file().getFileName());
        showCaseInfo(c);
        navigator.show(c);
        allowlist.show(c);
        tuning.show(c);
        findings.show(c);
        long open = c.findings().stream().filter(f -> !f.suppressed()).count();
        window.statusBar().showIdle(Plural.of(c.events(), "event") + " analysed: "
                + Plural.of(c.findings().size(), "finding") + " (" + open + " not suppressed).");
    }

    /** The status bar's case, event and finding counts: on opening, and again when a re-run or a kept tuning changed them. */
    private void showCaseInfo(OpenCase c) {
        window.statusBar().caseInfo().setText(c.session().file().getFileName() + " · "
                + Plural.of(c.events(), "event") + " · " + Plural.of(c.findings().size(), "finding"));
    }

    /** Empties every view before the case behind them is closed or replaced. */
    private void detach() {
        recovery.detach();
        tuning.detach();
        findings.detach();
    }

    // ------------------------------------------------------------------------------ what the app and tests drive

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The case the window shows, or null. */
    public OpenCase shown() {
        return current.get();
    }

    /** The finding every view is focused on, once its data has been read; null before. */
    public CampaignView focused() {
        return findings.focused();
    }

    /** How many times a finding has been put into the views (tests wait for it to grow). */
    public long focusCount() {
        return findings.focusCount();
    }

    /** Called after the views show a finding (tests, screenshots). */
    public void setOnFocused(Consumer<CampaignView> callback) {
        onFocused = callback == null ? v -> { } : callback;
    }

    /** The inspector's Recovery section (tests drive its export). */
    RecoveryController recovery() {
        return recovery;
    }

    /** The tuning panel of the open case, or null. */
    public TuningPanel tuning() {
        return tuning.panel();
    }

    /** What Ctrl+T / Ctrl+N would annotate now. */
    Target selectionTarget() {
        return annotations.selectionTarget();
    }

    /** Opens a case (closing the one open) and runs the detector over it. */
    public void openCase(Path file) {
        loader.open(file);
    }

    /** First start: the bundled sample case. */
    public void openSampleCase() {
        if (!java.nio.file.Files.exists(BundledSampleCase.defaultCase()) && BundledSampleCase.bundled()) {
            loader.openSample(window.showPreparing("Importing the bundled sample case (" + BundledSampleCase.NAME
                    + ", a working day on a file server with one attack)…").progress);
        } else {
            loader.openSample(io.ransomtrace.app.casefile.TaskProgress.NONE);
        }
    }

    /**
     * Imports {@code inputs} into {@code caseFile} (created when missing), then opens it and runs the detector;
     * what became of each file is told as File → Import logs… tells it.
     */
    public void importInto(Path caseFile, List<Path> inputs) {
        imports.importAskingCsvMappings(caseFile, inputs);
    }


    /** Imports, asking first for a mapping for each CSV file no built-in mapping reads. */
    void importAskingCsvMappings(Path caseFile, List<Path> inputs) {
        imports.importAskingCsvMappings(caseFile, inputs);
    }

    /** F5: the detector again over the case, with the kept profile and allowlist. */
    public void rerun() {
        OpenCase c = current.get();
        if (c != null) {
            loader.rerun(c.settings());
        }
    }

    @Override
    public void close() {
        detach();
        tasks.close();
        tuning.close();
        recovery.close();
        findings.close();
        loader.closeCurrent();
    }
}
