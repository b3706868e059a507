package io.ransomtrace.app.casefile;

import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.recovery.RecoveryCancelledException;
import io.ransomtrace.app.recovery.RecoveryService;
import io.ransomtrace.app.report.AffectedFile;
import io.ransomtrace.app.report.AffectedFiles;
import io.ransomtrace.app.report.CaseReport;
import io.ransomtrace.app.report.FindingSection;
import io.ransomtrace.app.report.ReportCancelledException;
import io.ransomtrace.app.report.ReportProgress;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.report.ReportService;
import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.DirectorySummary;
import io.ransomtrace.app.store.FileOpBucket;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.recovery.RecoveryPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Judges a case with its own settings and reads out what an export needs about the chosen findings: the
 * campaign's processes, timeline, spread, evidence, affected files and the analyst's tags and notes, from the same
 * places the window reads them.
 */
final class CaseReportBuilder {

    /** Bucket widths the timeline may use, so that axis ticks fall on round values. */
    private static final long[] NICE_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
            30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000,
            86_400_000};
    private static final int TIMELINE_COLUMNS = 48;
    private static final int SPREAD_ROWS = 12;

    private CaseReportBuilder() {
    }

    /**
     * @param withAffectedFiles false to skip the restore-list and recovery-plan queries (formats that do not show them)
     */
    static CaseReport build(CaseSession session, ReportRequest request, ReportProgress progress,
                            BooleanSupplier cancelled, boolean withAffectedFiles) {
        CaseQueries q = session.queries();
        progress.progress("Analysing the case", 0.05);
        CaseSettings settings = session.settings();
        boolean details = ReportService.needsCampaignDetails(request.format());
        // the analysis kept in the case when it holds for its settings: an export needs no replay then. A data
        // export of the findings alone reads only the chosen ones; the briefing tells about the others too.
        CaseSession.Analysis kept = (details ? session.keptAnalysis(settings)
                : session.keptAnalysis(settings, request.findingIds(), request.minSeverity())).orElse(null);
        CaseAnalysis.Result analysis = kept != null
                ? new CaseAnalysis.Result(kept.findings(), kept.coverage(), kept.events(), false)
                : CaseAnalysis.run(q, settings.detection(), cancelled);
        if (analysis.cancelled() || cancelled.getAsBoolean()) {
            throw new ReportCancelledException();
        }
        List<Finding> chosen = choose(analysis.findings(), request);
        // formats without campaign details still carry the root process's tags and notes: its key is kept with
        // the analysis (located per finding only when nothing is kept)
        Map<String, Long> keptRoots = kept != null && !details ? session.store().lastAnalysis().roots() : Map.of();
        List<FindingSection> sections = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new ReportCancelledException();
            }
            progress.progress("Reading finding " + (i + 1) + " of " + chosen.size(), 0.4 + 0.4 * i / chosen.size());
            Finding f = chosen.get(i);
            sections.add(details ? section(session, f, withAffectedFiles, cancelled)
                    : findingOnly(session, f, kept != null ? keptRoots.get(f.id())
                            : session.campaigns().root(f).map(ProcessNode::key).orElse(null)));
        }
        String caseName = session.file().getFileName().toString();
        String title = request.title() != null && !request.title().isBlank() ? request.title()
                : "Mass file encryption briefing: " + caseName;
        return new CaseReport(title, caseName, Instant.now(), q.sources(), analysis.events(), q.hosts(),
                analysis.findings(), sections, analysis.coverage());
    }

    /** The analyst's choice, or every unsuppressed finding at or above the floor; most severe first. */
    static List<Finding> choose(List<Finding> all, ReportRequest request) {
        List<Finding> out = new ArrayList<>();
        if (!request.findingIds().isEmpty()) {
            Set<String> ids = Set.copyOf(request.findingIds());
            for (Finding f : all) {
                if (ids.contains(f.id())) {
                    out.add(f);
                }
            }
            Set<String> found = Set.copyOf(out.stream().map(Finding::id).toList());
            for (String id : request.findingIds()) {
                if (!found.contains(id)) {
                    throw new IllegalArgumentException("no finding with id " + id + " in this case");
                }
            }
        } else {
            for (Finding f : all) {
                if (!f.suppressed() && f.severity().atLeast(request.minSeverity())) {
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Comparator.comparingInt(Finding::score).reversed())
                .thenComparing(Finding::firstSeen, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private static FindingSection section(CaseSession session, Finding f, boolean withAffectedFiles,
                                          BooleanSupplier cancelled) {
        CaseQueries q = session.queries();
        CampaignLocator locator = session.campaigns();
        Optional<ProcessNode> root = locator.root(f);
        List<ProcessNode> chain = root.map(locator::chain).orElse(List.of());
        Duration bucket = bucketFor(f);
        List<FileOpBucket> timeline = List.of();
        List<DirectorySummary> spread = List.of();
        List<AffectedFile> affected = List.of();
        RecoveryPlan recovery = null;
        if (root.isPresent() && f.firstSeen() != null && f.lastSeen() != null) {
            Scope scope = Scope.lineage(root.get().key());
            timeline = q.fileOpCounts(scope, f.firstSeen(), f.lastSeen().plus(bucket), bucket);
            spread = q.directories(scope, Set.of(), null, SPREAD_ROWS);
            if (withAffectedFiles) {
                affected = AffectedFiles.of(q, f, root.get().key(), cancelled);
                try {
                    recovery = RecoveryService.plan(q, f, root.get(), cancelled).plan();
                } catch (RecoveryCancelledException e) {
                    throw new ReportCancelledException();
                }
            }
        }
        List<StoredEvent> evidence = new ArrayList<>();
        for (EvidenceRef ref : f.evidence()) {
            q.event(ref.eventId()).ifPresent(evidence::add);
        }
        CaseAnnotations.Briefed analyst = session.annotations().briefed(f, root.orElse(null),
                evidence.stream().map(e -> e.event().id()).toList());
        return new FindingSection(f, chain, timeline, bucket, spread, evidence, analyst.tags(), analyst.notes(),
                affected, recovery);
    }

    /**
     * A section with the finding and the analyst's own tags and notes on it and on its root process, for formats
     * that show no more.
     *
     * @param rootKey the finding's root process, or null when the case does not hold it
     */
    private static FindingSection findingOnly(CaseSession session, Finding f, Long rootKey) {
        CaseAnnotations annotations = session.annotations();
        CaseAnnotations.OfFinding own = annotations.ofFinding(f);
        List<String> tags = new ArrayList<>(own.tags());
        List<FindingSection.AnalystNote> notes = new ArrayList<>();
        own.notes().forEach(n -> notes.add(new FindingSection.AnalystNote("finding", n)));
        if (rootKey != null) {
            tags.addAll(annotations.tags(CaseAnnotations.process(rootKey)));
            var processNotes = annotations.notes(CaseAnnotations.process(rootKey));
            if (!processNotes.isEmpty()) {
                String about = session.queries().process(rootKey)
                        .map(r -> "process " + r.pid() + " (" + r.commandLine() + ")").orElse("process");
                processNotes.forEach(n -> notes.add(new FindingSection.AnalystNote(about, n.text())));
            }
        }
        return new FindingSection(f, List.of(), List.of(), bucketFor(f), List.of(), List.of(),
                tags.stream().distinct().toList(), notes, List.of(), null);
    }

    static Duration bucketFor(Finding f) {
        if (f.firstSeen() == null || f.lastSeen() == null) {
            return Duration.ofSeconds(1);
        }
        long span = Math.max(1, Duration.between(f.firstSeen(), f.lastSeen()).toMillis());
        for (long nice : NICE_MILLIS) {
            if (nice * TIMELINE_COLUMNS >= span) {
                return Duration.ofMillis(nice);
            }
        }
        return Duration.ofMillis((span + TIMELINE_COLUMNS - 1) / TIMELINE_COLUMNS);
    }
}
