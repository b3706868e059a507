package io.ransomtrace.app.casefile;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.files.OutputFile;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.app.recovery.FindingRecovery;
import io.ransomtrace.app.recovery.RecoveryCancelledException;
import io.ransomtrace.app.recovery.RecoveryService;
import io.ransomtrace.app.report.CaseReport;
import io.ransomtrace.app.report.ReportFormat;
import io.ransomtrace.app.report.ReportProgress;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.report.ReportService;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.CaseStoreException;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.AllowlistRule;
import io.ransomtrace.engine.profile.Parameter;
import io.ransomtrace.engine.profile.Profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An open case, and everything done with it that is not drawing: importing logs into it, judging it with the
 * settings kept in it, keeping tuning and allowlist decisions, the analyst's tags and notes, and exports. The
 * window, the command line and the exports all go through a session, so they read and write a case the same way.
 * It holds no UI state: the window keeps what it shows on top of it.
 */
public final class CaseSession implements AutoCloseable {
    /** Name under which kept tuning is stored in the case. */
    public static final String PROFILE_NAME = "workbench";

    private final CaseStore store;
    private final CaseAnnotations annotations;
    private final CampaignLocator campaigns;

    private CaseSession(CaseStore store) {
        this.store = store;
        this.annotations = new CaseAnnotations(store.annotations());
        this.campaigns = new CampaignLocator(store.queries());
    }

    /** Opens an existing case for reading and writing. */
    public static CaseSession open(Path file) throws IOException {
        return new CaseSession(CaseStore.open(file));
    }

    /** Opens a case, creating an empty one when the file does not exist. */
    public static CaseSession openOrCreate(Path file) throws IOException {
        return new CaseSession(CaseStore.openOrCreate(file));
    }

    /** Creates a new, empty case; fails when the file exists. */
    public static CaseSession create(Path file) throws IOException {
        return new CaseSession(CaseStore.create(file));
    }

    /** Opens a case without changing a byte of it (exports, coverage). */
    public static CaseSession openReadOnly(Path file) throws IOException {
        return new CaseSession(CaseStore.openReadOnly(file));
    }

    public Path file() {
        return store.file();
    }

    /** The store underneath, for views that page through its events and processes. */
    public CaseStore store() {
        return store;
    }

    public CaseQueries queries() {
        return store.queries();
    }

    public List<SourceInfo> sources() {
        return store.queries().sources();
    }

    // ------------------------------------------------------------------------------------------- importing

    /**
     * Whether the case holds no source at all: a case made for an import in which no input was a log (every one
     * unsupported, unreadable or skipped) holds nothing and should not be left behind. A source that was stored even
     * in part (interrupted, a full disk) keeps the case.
     */
    public boolean holdsNoSource() {
        return sources().isEmpty();
    }

    /** Deletes a closed case file made for an import that stored nothing (and its journal, if any). */
    public static void deleteEmptyCase(Path file) throws IOException {
        java.nio.file.Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        java.nio.file.Files.deleteIfExists(file);
    }

    /** Imports log files into the case (see {@link ImportPipeline}); runs on the calling thread. */
    public ImportSummary importLogs(List<Path> inputs, ImporterCatalog catalog, ImportOptions options,
                                    ImportProgressListener listener, Cancellation cancellation) throws IOException {
        return new ImportPipeline(catalog, options).run(store, inputs, listener, cancellation);
    }

    // ------------------------------------------------------------------------------------------- settings

    /** The profile and allowlist kept in the case. */
    public CaseSettings settings() {
        return CaseSettings.read(store.annotations());
    }

    /**
     * Keeps a tuned profile: stored as the case's active profile, every changed threshold recorded in the tuning
     * history against {@code before} (the profile the analyst started from), with {@code note}.
     */
    public void keepProfile(Profile kept, Profile before, String note) {
        AnalystAnnotations ann = store.annotations();
        long id = ann.saveProfile(PROFILE_NAME, ProfileYaml.write(kept));
        ann.activateProfile(id);
        Map<String, Object> was = values(before);
        for (Map.Entry<String, Object> e : values(kept).entrySet()) {
            Object old = was.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                ann.recordTuning(id, e.getKey(), String.valueOf(old), String.valueOf(e.getValue()), note);
            }
        }
    }

    /** Makes a profile (one loaded from a file) the case's active profile. */
    public void useProfile(Profile profile) {
        AnalystAnnotations ann = store.annotations();
        ann.activateProfile(ann.saveProfile(PROFILE_NAME, ProfileYaml.write(profile)));
    }

    /** Replaces the case's allowlist. */
    public void keepAllowlist(List<AllowlistRule> rules) {
        CaseAllowlist.write(store.annotations(), rules);
    }

    private static Map<String, Object> values(Profile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : profile.parameters()) {
            out.put(p.key(), p.current());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- analysis

    /**
     * What the detector and the coverage assessment concluded on the case with some settings.
     *
     * @param events events replayed
     */
    public record Analysis(CaseSettings settings, List<Finding> findings, List<HostCoverage> coverage, long events) {

        /** The same analysis with the findings of other settings (coverage does not depend on them). */
        public Analysis withFindings(CaseSettings newSettings, List<Finding> newFindings) {
            return new Analysis(newSettings, newFindings, coverage, events);
        }
    }

    /**
     * Replays every stored event through the detector and the coverage assessment, reporting progress, and keeps
     * the result in the case (when it is writable) so that the next opening shows it without a replay. When
     * only the settings changed since the kept analysis, the kept coverage is reused and only the detector runs.
     *
     * @return null when cancelled (nothing is kept then)
     */
    public Analysis analyse(CaseSettings settings, TaskProgress progress) {
        long total = Math.max(1, sources().stream().mapToLong(SourceInfo::events).sum());
        long start = System.nanoTime();
        long[] seen = {0};
        BooleanSupplier cancelled = () -> {
            long n = ++seen[0];
            if ((n & 1023) == 0) {
                double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                progress.update(Math.min(1, n / (double) total), String.format("%,d of %,d events", n, total),
                        String.format("%,.0f events/s", n / secs));
            }
            return progress.cancelled();
        };
        try {
            return KeptAnalysis.analyseAndKeep(store, settings.detection(), cancelled)
                    .map(run -> new Analysis(settings, run.findings(), run.coverage(), run.events())).orElse(null);
        } catch (IOException e) {
            throw new CaseStoreException(e.getMessage(), e);
        }
    }

    /**
     * The analysis kept in the case, when it was made by this engine with these settings from the case's events
     * as they are: what opening a case shows without replaying it. Empty otherwise.
     */
    public Optional<Analysis> keptAnalysis(CaseSettings settings) {
        if (!KeptAnalysis.holds(store, settings.detection())) {
            return Optional.empty(); // told by the stamp alone, before thousands of findings are unpacked
        }
        return KeptAnalysis.kept(store).filter(run -> KeptAnalysis.holds(run, store, settings.detection()))
                .map(run -> new Analysis(settings, run.findings(), run.coverage(), run.events()));
    }

    /**
     * As {@link #keptAnalysis(CaseSettings)}, with only the findings an export chooses: those with the given ids, or
     * without ids the unsuppressed ones at or above {@code floor}; the others are not read.
     */
    public Optional<Analysis> keptAnalysis(CaseSettings settings, List<String> findingIds, Severity floor) {
        return KeptAnalysis.keptChosen(store, settings.detection(), findingIds, floor)
                .map(run -> new Analysis(settings, run.findings(), run.coverage(), run.events()));
    }

    /**
     * The analysis kept in the case whatever it was made from (an older engine, other settings, fewer sources),
     * to show while a fresh one runs; its settings are the ones it was made with only when it still holds.
     */
    public Optional<Analysis> lastKeptAnalysis() {
        return KeptAnalysis.kept(store).map(run -> new Analysis(settings(), run.findings(), run.coverage(), run.events()));
    }

    /** The fired signals of the kept findings, per process key of their roots (the process tree's badges). */
    public Map<Long, Set<String>> keptBadges() {
        return store.lastAnalysis().badges();
    }

    /**
     * Keeps an analysis whose findings were computed already (a live-tuning preview the analyst kept), with
     * the processes of each campaign; nothing is replayed.
     */
    public void keepAnalysis(Analysis analysis) {
        KeptAnalysis.keep(store, analysis.settings().detection(), analysis.findings(), analysis.coverage(),
                analysis.events());
    }

    /**
     * The findings alone, telling {@code partial} every {@link CaseAnalysis#PARTIAL_EVERY} events how far the
     * replay got and which campaigns have reached the alert severity so far (live tuning of a large case), on
     * the calling thread; stops early when {@code cancelled} says so.
     */
    public List<Finding> findings(CaseSettings settings, BooleanSupplier cancelled,
                                  java.util.function.Consumer<Partial> partial) {
        long total = sources().stream().mapToLong(SourceInfo::events).sum();
        return CaseAnalysis.findings(store.queries(), settings.detection(), cancelled, total,
                CaseAnalysis.PARTIAL_EVERY, p -> partial.accept(new Partial(p.events(), p.total(), p.alerts())));
    }

    /**
     * How far a re-run got, with the campaigns that reached the alert severity so far.
     *
     * @param events events replayed so far, of {@code total}
     */
    public record Partial(long events, long total, List<Finding> alerts) {
    }

    /** The findings alone (live tuning: coverage does not change); stops early when {@code cancelled} says so. */
    public List<Finding> findings(CaseSettings settings, BooleanSupplier cancelled) {
        return CaseAnalysis.findings(store.queries(), settings.detection(), cancelled);
    }

    // ------------------------------------------------------------------------------------------- annotations

    public CaseAnnotations annotations() {
        return annotations;
    }

    /** Where a finding's processes are in the case. */
    public CampaignLocator campaigns() {
        return campaigns;
    }

    // ------------------------------------------------------------------------------------------- exports

    /**
     * Writes an export of the case, judged with the settings kept in it (what the window shows): a briefing or a
     * data export of the findings the request chooses. Runs on the calling thread.
     *
     * @throws io.ransomtrace.app.report.ReportCancelledException when {@code cancelled} stops it; nothing is written
     * @throws IllegalArgumentException                           when the request names a finding the case lacks
     */
    public ReportService.Result export(ReportRequest request, ReportProgress progress, BooleanSupplier cancelled)
            throws IOException {
        return export(request, true, progress, cancelled); // the window's file chooser asked before replacing
    }

    /**
     * As {@link #export(ReportRequest, ReportProgress, BooleanSupplier)}; an existing output file is replaced only
     * when {@code replaceExisting} ({@code report --force}), and never the case or a log of it
     * ({@link ReportService#checkOutput}).
     */
    public ReportService.Result export(ReportRequest request, boolean replaceExisting, ReportProgress progress,
                                       BooleanSupplier cancelled) throws IOException {
        OutputFile target = ReportService.checkOutput(request.out(), replaceExisting, file(), sources());
        CaseReport report = CaseReportBuilder.build(this, request, progress, cancelled,
                ReportService.needsAffectedFiles(request.format()));
        return ReportService.writeFile(report, request.format(), target, progress, cancelled);
    }

    /** Reads what an export of the request would hold, without writing it. */
    public CaseReport report(ReportRequest request, ReportProgress progress, BooleanSupplier cancelled) {
        return CaseReportBuilder.build(this, request, progress, cancelled,
                ReportService.needsAffectedFiles(request.format()));
    }

    // ------------------------------------------------------------------------------------------- recovery

    /**
     * How one finding's originals come back, read from the case (its commands and file changes); runs on the
     * calling thread.
     *
     * @throws io.ransomtrace.app.recovery.RecoveryCancelledException when {@code cancelled} stops it
     */
    public FindingRecovery recoveryPlan(Finding f, BooleanSupplier cancelled) {
        return RecoveryService.plan(store.queries(), f, campaigns.root(f).orElse(null), cancelled);
    }

    /**
     * The recovery plans of the chosen findings, judged with the settings kept in the case (what the window
     * shows): the given ids, or every unsuppressed finding at or above {@code minSeverity}, most severe first.
     *
     * @throws IllegalArgumentException when an id names no finding of the case
     * @throws io.ransomtrace.app.recovery.RecoveryCancelledException when {@code cancelled} stops it
     */
    public List<FindingRecovery> recoveryPlans(List<String> findingIds, Severity minSeverity, BooleanSupplier cancelled) {
        CaseAnalysis.Result analysis = CaseAnalysis.run(store.queries(), settings().detection(), cancelled);
        if (analysis.cancelled()) {
            throw new RecoveryCancelledException();
        }
        ReportRequest choice = new ReportRequest(ReportFormat.CSV, null, findingIds, minSeverity, null);
        List<FindingRecovery> out = new java.util.ArrayList<>();
        for (Finding f : CaseReportBuilder.choose(analysis.findings(), choice)) {
            out.add(recoveryPlan(f, cancelled));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
