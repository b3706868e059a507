package io.ransomtrace.app.ui;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.app.importing.ImportProgress;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.csv.CsvMapping;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.store.AnalystAnnotations.TargetKind;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.EventFilter;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.app.ui.data.CampaignView;
import io.ransomtrace.app.ui.data.CaseAllowlist;
import io.ransomtrace.app.ui.data.EventRows;
import io.ransomtrace.app.ui.data.FindingIds;
import io.ransomtrace.app.ui.data.FindingRows;
import io.ransomtrace.app.ui.data.ProfileValues;
import io.ransomtrace.app.ui.data.RawLines;
import io.ransomtrace.app.ui.data.StoreBucketSupplier;
import io.ransomtrace.app.ui.data.StoreEventPageSource;
import io.ransomtrace.app.ui.data.StoreProcessSource;
import io.ransomtrace.app.ui.mainwindow.MainWindow;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.profile.Parameter;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.views.events.EventRow;
import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.inspector.Annotations;
import io.ransomtrace.views.process.ProcessAction;
import io.ransomtrace.views.process.ProcessRow;
import io.ransomtrace.views.timeline.TimelineMarker;
import io.ransomtrace.views.tuning.AllowlistEntry;
import io.ransomtrace.views.tuning.LatestWinsRunner;
import io.ransomtrace.views.tuning.TuningPanel;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The workbench's controller: opens and imports cases, runs the detector in the background, and keeps every
 * view focused on the selected finding (tree lineage, timeline, spread map, events, inspector). Tuning and the
 * allowlist re-run the detector and show the outcome before anything is kept.
 */
public final class Workbench implements AutoCloseable {
    /** Name under which the workbench stores the tuned profile in the case. */
    public static final String PROFILE_NAME = "workbench";

    private final Stage stage;
    private final MainWindow window;
    private final BackgroundTasks tasks;
    private final RecoverySection recovery;
    private final ExecutorService focusWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-focus");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong focusGeneration = new AtomicLong();
    private final AtomicReference<Preview> lastPreview = new AtomicReference<>();
    private static final io.ransomtrace.views.events.EventPageSource NO_EVENTS =
            new io.ransomtrace.views.events.EventPageSource() {
                @Override
                public long count(io.ransomtrace.views.events.EventQuery query) {
                    return 0;
                }

                @Override
                public List<EventRow> page(io.ransomtrace.views.events.EventKey after, int limit,
                                           io.ransomtrace.views.events.EventQuery query) {
                    return List.of();
                }

                @Override
                public io.ransomtrace.views.events.EventKey keyBefore(long index,
                                                                      io.ransomtrace.views.events.EventQuery query) {
                    return null;
                }
            };

    private CaseSession session;
    private CampaignView focused;
    private long focusedDone;
    private String treeHost;
    private TuningPanel tuning;
    private LatestWinsRunner<Map<String, Double>, List<FindingRow>> runner;
    private Consumer<CampaignView> onFocused = v -> { };

    /** Findings of one tuning re-run, kept so that Keep adopts them without running again. */
    private record Preview(Map<String, Double> values, Profile profile, List<Finding> findings) {
    }

    public Workbench(Stage stage, MainWindow window) {
        this.stage = stage;
        this.window = window;
        this.tasks = new BackgroundTasks(window.statusBar());
        this.recovery = new RecoverySection(window.inspector().recovery(), stage, tasks,
                msg -> window.statusBar().showIdle(msg), this::error, this::showEvidence);
        wire();
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The inspector's Recovery section (tests drive its export without a folder chooser). */
    RecoverySection recoverySection() {
        return recovery;
    }

    /** The open case and its findings, or null. */
    public CaseSession session() {
        return session;
    }

    /** The finding every view is focused on, once its data has been read; null before. */
    public CampaignView focused() {
        return focused;
    }

    /** Called after the views show a finding (tests, screenshots). */
    public void setOnFocused(Consumer<CampaignView> callback) {
        onFocused = callback == null ? v -> { } : callback;
    }

    public TuningPanel tuning() {
        return tuning;
    }

    // ------------------------------------------------------------------------------------------------ wiring

    private void wire() {
        window.setOnOpenCase(this::openCase);
        window.setOnImportLogs(this::importLogs);
        window.setOnExport(this::exportFindings);
        window.findings().setOnFindingSelected(row -> {
            if (row != null) {
                focus(row.id());
            }
        });
        window.processTree().setOnProcessSelected(row -> {
            if (row != null) {
                window.inspector().showProcess(row);
            }
        });
        window.processTree().setOnAction(this::processAction);
        window.timeline().setOnBucketSelected(range -> {
            if (range != null) {
                window.eventsGrid().showTimeRange(range.from(), range.to());
                window.showTab(3);
            }
        });
        window.spreadMap().setOnDirectorySelected(dir -> {
            if (dir != null) {
                window.eventsGrid().showDirectory(dir.endsWith("/") ? dir : dir + "/");
                window.showTab(3);
            }
        });
        window.eventsGrid().setOnEventSelected(row -> {
            if (row != null) {
                showEvent(row);
            }
        });
        window.eventsGrid().setOnPivot((row, half) -> window.timeline().focusAround(row.time(), half));
        window.inspector().setOnSaveAnnotations(this::saveFindingAnnotations);
        window.inspector().setOnEvidenceSelected(this::showEvidence);
        window.allowlistEditor().setDefaultAuthor(System.getProperty("user.name", ""));
        window.allowlistEditor().setOnChanged(this::allowlistChanged);
        window.caseNavigator().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> navigate(now));

        MenuItem rerun = new MenuItem("Re-run detection");
        rerun.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        rerun.setOnAction(e -> rerun());
        MenuItem next = new MenuItem("Next finding");
        next.setAccelerator(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN));
        next.setOnAction(e -> window.findings().selectNext());
        MenuItem previous = new MenuItem("Previous finding");
        previous.setAccelerator(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN));
        previous.setOnAction(e -> window.findings().selectPrevious());
        MenuItem find = new MenuItem("Find");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> find());
        MenuItem tag = new MenuItem("Tag selected process or event…");
        tag.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        tag.setOnAction(e -> annotateSelection(false));
        MenuItem note = new MenuItem("Note on selected process or event…");
        note.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        note.setOnAction(e -> annotateSelection(true));
        window.actionsMenu().getItems().addAll(rerun, new SeparatorMenuItem(), next, previous, find,
                new SeparatorMenuItem(), tag, note);
    }

    /** Ctrl+F: the search of the view in front (process tree, events), else the findings filter. */
    private void find() {
        int tab = window.investigationTabs().getSelectionModel().getSelectedIndex();
        if (tab == 0) {
            window.processTree().searchField().requestFocus();
        } else if (tab == 3) {
            window.eventsGrid().lookup("#events-quick-filter").requestFocus();
        } else {
            window.findings().filterField().requestFocus();
        }
    }

    // ------------------------------------------------------------------------------------------------ case

    /** Opens a case (closing the one open) and runs the detector over it. */
    public void openCase(Path file) {
        detachViews();
        CaseSession old = session;
        session = null;
        tasks.run("Opening " + file.getFileName(), p -> {
            if (old != null) {
                old.close();
            }
            CaseStore store = CaseStore.open(file);
            CaseSession s = CaseSession.open(store, p);
            if (s == null) {
                store.close();
            }
            return s;
        }, this::show, e -> error("Cannot open " + file.getFileName(), e));
    }

    /** File → Export…: a briefing or a data export of the open case, written in the background. */
    public void exportFindings() {
        CaseSession s = session;
        if (s == null) {
            window.statusBar().showIdle("Open a case to export its findings");
            return;
        }
        var row = window.findings().selectedFindingProperty().get();
        ExportDialog.ask(stage, row == null ? null : row.id(), row == null ? null : row.title(),
                s.store().file().getFileName().toString(), request ->
                        tasks.run("Exporting: " + request.format().description(),
                                p -> new io.ransomtrace.app.report.ReportService().export(s.store(), request,
                                        (step, fraction) -> p.update(fraction, step, ""), p::cancelled),
                                result -> window.statusBar().showIdle("Exported " + result.findings() + " finding(s) to "
                                        + result.file() + " (" + result.bytes() / 1024 + " KB)"),
                                e -> {
                                    if (e instanceof io.ransomtrace.app.report.ReportCancelledException) {
                                        window.statusBar().showIdle("Export cancelled: nothing was written");
                                    } else {
                                        error("Export failed", e);
                                    }
                                }));
    }

    /** Import logs into the open case, or into a new case the analyst names. */
    public void importLogs(List<Path> inputs) {
        Path target = null;
        if (session != null) {
            javafx.scene.control.ButtonType into = new javafx.scene.control.ButtonType("Into "
                    + session.store().file().getFileName());
            javafx.scene.control.ButtonType fresh = new javafx.scene.control.ButtonType("Into a new case…");
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, inputs.size() + " file(s) or folder(s) to import.",
                    into, fresh, javafx.scene.control.ButtonType.CANCEL);
            ask.setHeaderText("Import into the open case or into a new one?");
            ask.initOwner(stage);
            var answer = ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
            if (answer == into) {
                target = session.store().file();
            } else if (answer != fresh) {
                return;
            }
        }
        if (target == null) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("New case for these logs");
            Path folder = BundledSampleCase.casesFolder();
            try {
                Files.createDirectories(folder);
                chooser.setInitialDirectory(folder.toFile());
            } catch (IOException e) {
                // No data folder: the chooser starts wherever the platform likes.
            }
            chooser.setInitialFileName("case-" + LocalDate.now() + CaseStore.EXTENSION);
            File f = chooser.showSaveDialog(stage);
            if (f == null) {
                return;
            }
            target = f.toPath();
        }
        importAskingCsvMappings(target, inputs);
    }

    /**
     * Imports {@code inputs} into {@code caseFile}, first asking for a mapping for each CSV file no built-in
     * mapping reads; a CSV file the analyst cancels is left out and named in the status bar.
     */
    void importAskingCsvMappings(Path caseFile, List<Path> inputs) {
        // Expanding folders and reading each file's head is I/O: off the FX thread; the dialogs come back on it.
        tasks.run("Checking " + inputs.size() + " input(s)", p -> csvFilesNeedingMapping(inputs), check -> {
            CsvPlan plan = askCsvMappings(inputs, check);
            if (plan.plain().isEmpty() && plan.mapped().isEmpty()) {
                window.statusBar().showIdle("Nothing imported: " + skippedNote(plan));
                return;
            }
            importInto(caseFile, plan);
        }, e -> error("Cannot read the inputs", e));
    }

    /**
     * What to import how: inputs read by the built-in importers, CSV files read through a mapping the analyst
     * chose, and CSV files they skipped.
     */
    record CsvPlan(List<Path> plain, Map<Path, CsvMapping> mapped, List<Path> skipped) {
    }

    /** The expanded input files, and those among them that are CSV no built-in mapping reads. */
    private record CsvCheck(List<Path> files, List<Path> needingMapping) {
    }

    private static CsvCheck csvFilesNeedingMapping(List<Path> inputs) {
        ImporterCatalog catalog = ImporterCatalog.builtIn();
        List<Path> files;
        try {
            files = catalog.expand(inputs);
        } catch (IOException e) {
            return new CsvCheck(null, List.of()); // the import itself reports unreadable inputs
        }
        List<Path> needing = new ArrayList<>();
        for (Path file : files) {
            try {
                if (catalog.sniff(file) == Format.CSV && CsvSample.needsMapping(file)) {
                    needing.add(file);
                }
            } catch (IOException e) {
                // Left to the import, which keeps the reason with the file's result.
            }
        }
        return new CsvCheck(files, needing);
    }

    /** Asks (on the FX thread) for a mapping for every CSV file that needs one. */
    private CsvPlan askCsvMappings(List<Path> inputs, CsvCheck check) {
        if (check.needingMapping().isEmpty()) {
            return new CsvPlan(inputs, Map.of(), List.of());
        }
        Map<Path, CsvMapping> mapped = new LinkedHashMap<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : check.needingMapping()) {
            try {
                Optional<CsvMapping> m = CsvMappingDialog.ask(stage, file);
                if (m.isPresent()) {
                    mapped.put(file, m.get());
                } else {
                    skipped.add(file);
                }
            } catch (IOException e) {
                // Left to the import, which keeps the reason with the file's result.
            }
        }
        if (mapped.isEmpty() && skipped.isEmpty()) {
            return new CsvPlan(inputs, Map.of(), List.of());
        }
        List<Path> plain = check.files().stream().filter(f -> !mapped.containsKey(f) && !skipped.contains(f)).toList();
        return new CsvPlan(plain, mapped, skipped);
    }

    private static String skippedNote(CsvPlan plan) {
        if (plan.skipped().isEmpty()) {
            return "";
        }
        return plan.skipped().size() + " CSV file(s) skipped, no mapping chosen: " + String.join(", ",
                plan.skipped().stream().map(p -> p.getFileName().toString()).toList()) + ".";
    }

    /** Imports {@code inputs} into {@code caseFile} (created when missing), then opens it and runs the detector. */
    public void importInto(Path caseFile, List<Path> inputs) {
        importInto(caseFile, new CsvPlan(inputs, Map.of(), List.of()));
    }

    private void importInto(Path caseFile, CsvPlan plan) {
        List<Path> inputs = new ArrayList<>(plan.plain());
        inputs.addAll(plan.mapped().keySet());
        CaseSession open = session != null && session.store().file().equals(caseFile) ? session : null;
        CaseSession old = session;
        detachViews();
        session = null;
        tasks.run("Importing " + inputs.size() + " input(s)", p -> {
            CaseStore store;
            if (open != null) {
                store = open.store();
            } else {
                if (old != null) {
                    old.close();
                }
                store = CaseStore.openOrCreate(caseFile);
            }
            if (!plan.plain().isEmpty()) {
                runImport(store, plan.plain(), p, ImporterCatalog.builtIn());
            }
            for (Map.Entry<Path, CsvMapping> m : plan.mapped().entrySet()) {
                runImport(store, List.of(m.getKey()), p, new CsvMappedCatalog(ImporterCatalog.builtIn(), m.getValue()));
            }
            CaseSession s = CaseSession.open(store, p);
            if (s == null) {
                store.close();
            }
            return s;
        }, s -> {
            show(s);
            if (s != null && !plan.skipped().isEmpty()) {
                window.statusBar().showIdle(window.statusBar().message().getText() + " " + skippedNote(plan));
            }
        }, e -> error("Import failed", e));
    }

    /** First start: the bundled mixed-workday sample, imported once into the user's data folder. */
    public void openSampleCase() {
        Path target = BundledSampleCase.defaultCase();
        if (Files.exists(target)) {
            openCase(target);
            return;
        }
        if (!BundledSampleCase.bundled()) {
            window.statusBar().showIdle("Open a case (Ctrl+O) or import logs (Ctrl+I) to start.");
            return;
        }
        tasks.run("Importing the sample case " + BundledSampleCase.NAME, p -> {
            Path logs = BundledSampleCase.extractLogs(BundledSampleCase.logsFolder());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(partial);
            try (CaseStore store = CaseStore.create(partial)) {
                runImport(store, List.of(logs), p, ImporterCatalog.builtIn());
            }
            Files.move(partial, target);
            CaseStore store = CaseStore.open(target);
            return CaseSession.open(store, p);
        }, this::show, e -> error("Cannot prepare the sample case", e));
    }

    private static ImportSummary runImport(CaseStore store, List<Path> inputs, BackgroundTasks.Progress p,
                                           ImporterCatalog catalog) throws IOException {
        Cancellation cancellation = new Cancellation();
        ImportProgressListener listener = pr -> {
            if (p.cancelled()) {
                cancellation.cancel();
            }
            String what = pr.phase() == ImportProgress.Phase.INDEXING ? "building indexes"
                    : pr.source() == null ? "checking" : "file " + pr.sourceIndex() + " of " + pr.sourceCount()
                    + " (" + pr.source().getFileName() + "), " + String.format("%,d events", pr.events());
            p.update(pr.percent() / 100, what, String.format("%,.0f events/s", pr.eventsPerSecond()));
        };
        return new ImportPipeline(catalog, ImportOptions.defaults()).run(store, inputs, listener, cancellation);
    }

    /** Puts a freshly analysed case into every view. */
    private void show(CaseSession s) {
        if (s == null) {
            window.statusBar().showIdle("Cancelled.");
            return;
        }
        session = s;
        stage.setTitle("Ransomtrace — " + s.store().file().getFileName());
        window.statusBar().caseInfo().setText(s.store().file().getFileName() + " · "
                + String.format("%,d events", s.events()) + " · " + s.findings().size() + " findings");
        fillNavigator(s);
        window.coverage().show(s.coverage());
        window.eventsGrid().setSource(new StoreEventPageSource(s.store().queries(), s.rows(), EventFilter.all()));
        window.allowlistEditor().setEntries(s.allowlist());
        buildTuning(s);
        showFindings(s.findings());
        long open = s.findings().stream().filter(f -> !f.suppressed()).count();
        window.statusBar().showIdle(String.format("%,d events analysed: %d findings (%d not suppressed).",
                s.events(), s.findings().size(), open));
    }

    private void showFindings(List<Finding> findings) {
        String selected = window.findings().selectedFindingProperty().get() == null ? null
                : window.findings().selectedFindingProperty().get().id();
        window.findings().setFindings(FindingRows.rows(findings));
        if (selected == null || !window.findings().select(selected)) {
            findings.stream().filter(f -> !f.suppressed())
                    .max(Comparator.comparing(Finding::severity).thenComparingInt(Finding::score))
                    .or(() -> findings.stream().findFirst())
                    .ifPresentOrElse(f -> window.findings().select(f.id()), this::showHostOverview);
        } else {
            focus(selected);
        }
    }

    /** Without a finding: the first host's tree and whole-host timeline. */
    private void showHostOverview() {
        if (session == null || session.coverage().isEmpty()) {
            return;
        }
        HostCoverage h = session.coverage().get(0);
        showHost(h.host());
    }

    private void showHost(String host) {
        CaseSession s = session;
        treeHost = host;
        window.processTree().setSource(new StoreProcessSource(s.store().queries(), s.badges()), host);
        s.coverage().stream().filter(c -> c.host().equals(host) && c.firstEvent() != null).findFirst()
                .ifPresent(c -> window.timeline().setSource(new StoreBucketSupplier(s.store().queries(),
                        Scope.host(host), List.of()), c.firstEvent(), c.lastEvent().plusSeconds(1)));
    }

    private void fillNavigator(CaseSession s) {
        TreeItem<String> root = new TreeItem<>(s.store().file().getFileName().toString());
        TreeItem<String> sources = new TreeItem<>("Sources (" + s.sources().size() + ")");
        for (SourceInfo src : s.sources()) {
            sources.getChildren().add(new TreeItem<>(sourceLabel(src)));
        }
        sources.setExpanded(true);
        TreeItem<String> hosts = new TreeItem<>("Hosts");
        for (HostCoverage h : s.coverage()) {
            hosts.getChildren().add(new TreeItem<>(h.host()));
        }
        hosts.setExpanded(true);
        root.getChildren().addAll(sources, hosts);
        root.setExpanded(true);
        window.caseNavigator().setRoot(root);
        window.importErrors().getItems().setAll(s.store().queries().importErrors(null, 0, 500));
    }

    static String sourceLabel(SourceInfo s) {
        String name = s.path().getFileName() == null ? s.path().toString() : s.path().getFileName().toString();
        return name + " — " + s.status().name().toLowerCase() + ", " + String.format("%,d", s.events())
                + " events, " + String.format("%,d", s.errors()) + " errors";
    }

    /** Navigator clicks: a source lists its quarantined records; a host shows its tree and timeline. */
    private void navigate(TreeItem<String> item) {
        CaseSession s = session;
        if (s == null || item == null || item.getParent() == null || item.getParent().getParent() == null) {
            return;
        }
        if (item.getParent().getValue().startsWith("Sources")) {
            int i = item.getParent().getChildren().indexOf(item);
            if (i >= 0 && i < s.sources().size()) {
                window.importErrors().getItems().setAll(
                        s.store().queries().importErrors(s.sources().get(i).id(), 0, 500));
            }
        } else {
            showHost(item.getValue());
            window.showTab(0);
        }
    }

    private void detachViews() {
        focusGeneration.incrementAndGet();
        recovery.detach();
        focused = null;
        treeHost = null;
        if (runner != null) {
            runner.close();
            runner = null;
        }
        window.processTree().setSource(null, null);
        // Nothing may keep reading the case about to be closed: the views get empty sources.
        window.eventsGrid().setSource(NO_EVENTS);
        Instant now = Instant.now();
        window.timeline().setSource((from, to, max) -> io.ransomtrace.views.timeline.TimelineData.empty(from, to),
                now, now.plusSeconds(1));
        window.spreadMap().setStats(List.of());
        window.findings().setFindings(List.of());
        window.inspector().clear();
    }

    // ------------------------------------------------------------------------------------------------ focus

    /** Focuses every view on a finding: its data is read in the background, the latest selection wins. */
    public void focus(String findingId) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        Finding f = s.findings().stream().filter(x -> x.id().equals(findingId)).findFirst().orElse(null);
        if (f == null) {
            return;
        }
        long generation = focusGeneration.incrementAndGet();
        focusWorker.execute(() -> {
            if (generation != focusGeneration.get()) {
                return;
            }
            try {
                CampaignView v = CampaignView.of(s.store().queries(), s.store().annotations(), s.rows(), f);
                Platform.runLater(() -> {
                    if (generation == focusGeneration.get() && session == s) {
                        apply(v);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> error("Cannot show finding " + f.title(), e));
            }
        });
    }

    private void apply(CampaignView v) {
        CaseSession s = session;
        Finding f = v.finding();
        if (!f.host().equals(treeHost)) {
            treeHost = f.host();
            window.processTree().setSource(new StoreProcessSource(s.store().queries(), s.badges()), f.host());
        }
        if (!v.chain().isEmpty()) {
            window.processTree().highlightLineage(v.chain());
        }
        window.timeline().setSource(new StoreBucketSupplier(s.store().queries(), v.scope(), v.markers(),
                v.finding().notes().names()), v.from(), v.to());
        // A burst of a few seconds is one bar in the two-minute frame: open zoomed on it (Reset shows the frame).
        window.timeline().setVisibleRange(v.burstRange());
        window.spreadMap().setStats(v.directories());
        window.eventsGrid().showTimeRange(v.from(), v.to());
        window.inspector().showFinding(v.detail());
        recovery.show(s.store(), f);
        // Bring the inspector forward for a newly chosen finding, not when a re-run re-shows the same one
        // (the analyst is then working in the tuning or allowlist panel).
        if (focused == null || !focused.finding().id().equals(f.id())) {
            window.sidePanels().getSelectionModel().select(0);
        }
        focused = v;
        focusedDone++;
        onFocused.accept(v);
    }

    /** How many times a finding has been put into the views (tests wait for it to grow). */
    public long focusCount() {
        return focusedDone;
    }

    private void saveFindingAnnotations(String findingId, Annotations a) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        AnalystAnnotations ann = s.store().annotations();
        Target t = new Target(TargetKind.FINDING, FindingIds.annotationId(findingId));
        try {
            List<String> had = ann.tags(t);
            for (String tag : had) {
                if (!a.tags().contains(tag)) {
                    ann.removeTag(t, tag);
                }
            }
            for (String tag : a.tags()) {
                if (!had.contains(tag)) {
                    ann.addTag(t, tag);
                }
            }
            // The inspector edits one free-text note per finding: it replaces the stored notes.
            ann.notes(t).forEach(n -> ann.deleteNote(n.id()));
            if (!a.notes().isBlank()) {
                ann.addNote(t, a.notes());
            }
            window.statusBar().showIdle("Saved tags and notes of the finding in the case.");
        } catch (RuntimeException e) {
            error("Cannot save the notes", e);
        }
    }

    private void showEvidence(long eventId) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        s.store().queries().event(eventId).ifPresent(e -> showEvent(s.rows().row(e)));
    }

    private void showEvent(EventRow row) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        Optional<StoredEvent> stored = s.store().queries().event(row.eventId());
        List<String> raw = stored.map(e -> {
            var p = EventRows.provenance(e.event());
            SourceInfo src = p == null ? null : s.rows().source(p.sourceId());
            return RawLines.read(src == null ? null : src.path(), p == null ? -1 : p.byteOffset());
        }).orElse(List.of());
        window.inspector().showEvent(row, raw);
        window.sidePanels().getSelectionModel().select(0);
    }

    // ------------------------------------------------------------------------------------------------ actions

    private void processAction(ProcessAction action, ProcessRow row) {
        switch (action) {
            case SHOW_EVENTS -> {
                var f = io.ransomtrace.views.events.EventFilter.NONE.withProcess(String.valueOf(row.pid()));
                if (row.start() != null) {
                    f = f.withTimeRange(row.start(), row.end() == null ? null : row.end().plusMillis(1));
                }
                window.eventsGrid().setFilter(f);
                window.showTab(3);
            }
            case ALLOWLIST_EXE -> prefillAllowlist(AllowlistEntry.MatchField.EXE, row.exe());
            case ALLOWLIST_COMMAND -> prefillAllowlist(AllowlistEntry.MatchField.COMMAND_LINE, row.commandLine());
            case ALLOWLIST_USER -> prefillAllowlist(AllowlistEntry.MatchField.USER, row.user());
            case TAG -> tagProcess(row);
        }
    }

    private void prefillAllowlist(AllowlistEntry.MatchField field, String value) {
        window.sidePanels().getSelectionModel().select(2);
        window.allowlistEditor().prefill(field, value == null ? "" : value);
    }

    /**
     * What Ctrl+T / Ctrl+N annotate: the selected event when the events tab is in front, else the selected
     * process (findings are annotated in the inspector).
     */
    Target selectionTarget() {
        int tab = window.investigationTabs().getSelectionModel().getSelectedIndex();
        EventRow event = window.eventsGrid().selectedEventProperty().get();
        if (tab == 3 && event != null) {
            return new Target(TargetKind.EVENT, event.eventId());
        }
        var item = window.processTree().treeTable().getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null) {
            return new Target(TargetKind.PROCESS, Long.parseLong(item.getValue().key()));
        }
        return null;
    }

    private void annotateSelection(boolean note) {
        CaseSession s = session;
        Target t = selectionTarget();
        if (s == null || t == null) {
            window.statusBar().showIdle("Select a process or an event first.");
            return;
        }
        AnalystAnnotations ann = s.store().annotations();
        String what = t.kind() == TargetKind.EVENT ? "event " + t.id() : "process";
        TextInputDialog d = new TextInputDialog();
        d.setTitle(note ? "Note" : "Tag");
        d.setHeaderText((note ? "Note on " : "Tag ") + what + "\ntags: " + String.join(", ", ann.tags(t))
                + (ann.notes(t).isEmpty() ? "" : "\nnotes: " + ann.notes(t).size()));
        d.setContentText(note ? "Note:" : "Tag:");
        d.initOwner(stage);
        d.showAndWait().map(String::strip).filter(x -> !x.isEmpty()).ifPresent(text -> {
            if (note) {
                ann.addNote(t, text);
            } else {
                ann.addTag(t, text);
            }
            window.statusBar().showIdle((note ? "Note saved on " : "Tagged ") + what + ".");
        });
    }

    private void tagProcess(ProcessRow row) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        Target t = new Target(TargetKind.PROCESS, Long.parseLong(row.key()));
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Tag process");
        d.setHeaderText(row.exeName() + " [" + row.pid() + "]  tags: " + String.join(", ", s.store().annotations().tags(t)));
        d.setContentText("Tag:");
        d.initOwner(stage);
        d.showAndWait().map(String::strip).filter(x -> !x.isEmpty()).ifPresent(tag -> {
            s.store().annotations().addTag(t, tag);
            window.statusBar().showIdle("Tagged " + row.exeName() + " [" + row.pid() + "] \"" + tag + "\".");
        });
    }

    /** Stores the editor's entries in the case and re-runs the detector with them. */
    private void allowlistChanged(List<AllowlistEntry> entries) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        try {
            CaseAllowlist.write(s.store().annotations(), entries);
        } catch (RuntimeException e) {
            error("Cannot store the allowlist", e);
            return;
        }
        rerun(s.profile(), List.copyOf(entries));
    }

    /** F5: the detector again over the case, with the kept profile and allowlist. */
    public void rerun() {
        CaseSession s = session;
        if (s != null) {
            rerun(s.profile(), s.allowlist());
        }
    }

    private void rerun(Profile profile, List<AllowlistEntry> allowlist) {
        CaseSession s = session;
        tasks.run("Re-running detection", p -> CaseSession.analyse(s.store(), profile, allowlist, p), fresh -> {
            if (fresh == null || session != s) {
                window.statusBar().showIdle(fresh == null ? "Re-run cancelled." : "");
                return;
            }
            session = fresh;
            showFindings(fresh.findings());
            if (tuning != null) {
                tuning.loadProfile(ProfileValues.values(profile), FindingRows.rows(fresh.findings()));
            }
            long suppressed = fresh.findings().stream().filter(Finding::suppressed).count();
            window.statusBar().showIdle(fresh.findings().size() + " findings, " + suppressed + " suppressed.");
        }, e -> error("Re-run failed", e));
    }

    // ------------------------------------------------------------------------------------------------ tuning

    private void buildTuning(CaseSession s) {
        if (runner != null) {
            runner.close();
        }
        CaseStore store = s.store();
        runner = LatestWinsRunner.forFx(values -> {
            CaseSession now = session;
            Profile base = now == null ? s.profile() : now.profile();
            Profile p = ProfileValues.apply(base, values);
            List<Finding> found = CaseAnalysis.findings(store.queries(), new DetectionSettings(p,
                    CaseAllowlist.toEngine(now == null ? s.allowlist() : now.allowlist())),
                    () -> Thread.currentThread().isInterrupted());
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("superseded");
            }
            lastPreview.set(new Preview(Map.copyOf(values), p, found));
            return FindingRows.rows(found);
        });
        tuning = new TuningPanel(ProfileValues.specs(s.profile()), FindingRows.rows(s.findings()), runner);
        tuning.setOnKeep(this::keepTuning);
        tuning.setOnSaveProfile(this::saveProfileFile);
        tuning.setOnLoadProfile(this::loadProfileFile);
        window.tuningHolder().getChildren().setAll(tuning);
    }

    private void keepTuning(Map<String, Double> values, List<FindingRow> rows) {
        CaseSession s = session;
        Preview p = lastPreview.get();
        if (s == null || p == null || !p.values().equals(Map.copyOf(values))) {
            return;
        }
        try {
            AnalystAnnotations ann = s.store().annotations();
            long id = ann.saveProfile(PROFILE_NAME, ProfileValues.toYaml(p.profile()));
            ann.activateProfile(id);
            Map<String, Object> before = currentValues(s.profile());
            for (Map.Entry<String, Object> e : currentValues(p.profile()).entrySet()) {
                Object old = before.get(e.getKey());
                if (!Objects.equals(old, e.getValue())) {
                    ann.recordTuning(id, e.getKey(), String.valueOf(old), String.valueOf(e.getValue()),
                            "kept in the workbench");
                }
            }
        } catch (RuntimeException e) {
            error("Cannot store the profile in the case", e);
            return;
        }
        session = s.withFindings(p.profile(), s.allowlist(), p.findings());
        showFindings(p.findings());
        window.statusBar().showIdle("Profile kept and stored in the case: " + p.findings().size() + " findings.");
    }

    private static Map<String, Object> currentValues(Profile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : profile.parameters()) {
            out.put(p.key(), p.current());
        }
        return out;
    }

    private void saveProfileFile(Map<String, Double> values) {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save detection profile");
        chooser.setInitialFileName("profile-" + DateTimeFormatter.ISO_LOCAL_DATE.format(
                Instant.now().atZone(ZoneOffset.UTC)) + ".yaml");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), ProfileValues.toYaml(ProfileValues.apply(s.profile(), values)));
            window.statusBar().showIdle("Profile saved to " + f.getName() + ".");
        } catch (IOException | RuntimeException e) {
            error("Cannot save the profile", e);
        }
    }

    private void loadProfileFile() {
        CaseSession s = session;
        if (s == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load detection profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Profiles (*.yaml)", "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        Profile loaded;
        try {
            loaded = ProfileValues.fromYaml(Files.readString(f.toPath()));
        } catch (IOException | RuntimeException e) {
            error("Cannot load " + f.getName(), e);
            return;
        }
        try {
            AnalystAnnotations ann = s.store().annotations();
            ann.activateProfile(ann.saveProfile(PROFILE_NAME, ProfileValues.toYaml(loaded)));
        } catch (RuntimeException e) {
            error("Cannot store the profile in the case", e);
            return;
        }
        // The loaded profile becomes the case's profile: the detector runs again with it.
        rerun(loaded, s.allowlist());
    }

    // ------------------------------------------------------------------------------------------------

    private void error(String what, Throwable e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        window.statusBar().showIdle(what + ": " + msg);
        if (!Boolean.getBoolean("testfx.headless") && stage.isShowing()) {
            Alert a = new Alert(Alert.AlertType.ERROR, msg);
            a.setHeaderText(what);
            a.initOwner(stage);
            a.show();
        }
    }

    @Override
    public void close() {
        detachViews();
        tasks.close();
        recovery.close();
        focusWorker.shutdownNow();
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
