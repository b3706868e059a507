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
     * Replays every stored event through the detector and the coverage assessment, reporting progress.
     *
     * @return null when cancelled
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
        CaseAnalysis.Result r = CaseAnalysis.run(store.queries(), settings.detection(), cancelled);
        return r.cancelled() ? null : new Analysis(settings, r.findings(), r.coverage(), r.events());
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
