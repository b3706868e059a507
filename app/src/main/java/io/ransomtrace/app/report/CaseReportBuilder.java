package io.ransomtrace.app.report;

import io.ransomtrace.app.campaign.CampaignProcesses;
import io.ransomtrace.app.campaign.FindingSelection;
import io.ransomtrace.app.recovery.FindingRecovery;
import io.ransomtrace.app.recovery.RecoveryCancelledException;
import io.ransomtrace.app.recovery.RecoveryService;
import io.ransomtrace.app.analysis.CaseAnalysis;
import io.ransomtrace.app.analysis.DetectionSettings;
import io.ransomtrace.app.store.AnalystAnnotations;
import io.ransomtrace.app.store.AnalystAnnotations.Target;
import io.ransomtrace.app.store.AnalystAnnotations.TargetKind;
import io.ransomtrace.app.store.CaseQueries;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.DirectorySummary;
import io.ransomtrace.app.store.FileOpBucket;
import io.ransomtrace.app.store.ProcessNode;
import io.ransomtrace.app.store.Scope;
import io.ransomtrace.app.store.StoredEvent;
import io.ransomtrace.engine.finding.EvidenceRef;
import io.ransomtrace.engine.finding.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Analyses a case and reads out what an export needs about the chosen findings. */
public final class CaseReportBuilder {

    /** Bucket widths the timeline may use, so that axis ticks fall on round values. */
    private static final long[] NICE_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
            30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000,
            86_400_000};
    private static final int TIMELINE_COLUMNS = 48;
    private static final int SPREAD_ROWS = 12;

    private CaseReportBuilder() {
    }

    public static CaseReport build(CaseStore store, ReportRequest request, ReportProgress progress,
                                   BooleanSupplier cancelled) {
        return build(store, request, progress, cancelled, true);
    }

    /**
     * @param withAffectedFiles false to skip the restore-list and recovery-plan queries (formats that do not show them)
     */
    public static CaseReport build(CaseStore store, ReportRequest request, ReportProgress progress,
                                   BooleanSupplier cancelled, boolean withAffectedFiles) {
        CaseQueries q = store.queries();
        progress.progress("Analysing the case", 0.05);
        CaseAnalysis.Result analysis = CaseAnalysis.run(q, DetectionSettings.ofCase(store), cancelled);
        if (analysis.cancelled() || cancelled.getAsBoolean()) {
            throw new ReportCancelledException();
        }
        List<Finding> chosen = choose(analysis.findings(), request);
        List<FindingSection> sections = new ArrayList<>();
        List<AnalystAnnotations.Finding> stored = store.annotations().findings();
        for (int i = 0; i < chosen.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new ReportCancelledException();
            }
            progress.progress("Reading finding " + (i + 1) + " of " + chosen.size(), 0.4 + 0.4 * i / chosen.size());
            sections.add(section(q, store.annotations(), stored, chosen.get(i), withAffectedFiles, cancelled));
        }
        String caseName = store.file().getFileName().toString();
        String title = request.title() != null && !request.title().isBlank() ? request.title()
                : "Mass file encryption briefing: " + caseName;
        return new CaseReport(title, caseName, Instant.now(), q.sources(), analysis.events(), q.hosts(),
                analysis.findings(), sections, analysis.coverage());
    }

    /** The analyst's choice, or every unsuppressed finding at or above the floor; most severe first. */
    static List<Finding> choose(List<Finding> all, ReportRequest request) {
        return FindingSelection.choose(all, request.findingIds(), request.minSeverity());
    }

    private static FindingSection section(CaseQueries q, AnalystAnnotations annotations,
                                          List<AnalystAnnotations.Finding> stored, Finding f,
                                          boolean withAffectedFiles, BooleanSupplier cancelled) {
        Optional<ProcessNode> root = CampaignProcesses.root(q, f);
        List<ProcessNode> chain = root.map(r -> CampaignProcesses.chain(q, r)).orElse(List.of());
        Duration bucket = bucketFor(f);
        List<FileOpBucket> timeline = List.of();
        List<DirectorySummary> spread = List.of();
        List<AffectedFile> affected = List.of();
        FindingRecovery recovery = null;
        if (root.isPresent() && f.firstSeen() != null && f.lastSeen() != null) {
            Scope scope = Scope.lineage(root.get().key());
            timeline = q.fileOpCounts(scope, f.firstSeen(), f.lastSeen().plus(bucket), bucket);
            spread = q.directories(scope, Set.of(), null, SPREAD_ROWS);
            if (withAffectedFiles) {
                affected = AffectedFiles.of(q, f, root.get().key(), cancelled);
                try {
                    recovery = RecoveryService.plan(q, f, cancelled);
                } catch (RecoveryCancelledException e) {
                    throw new ReportCancelledException();
                }
            }
        }
        List<StoredEvent> evidence = new ArrayList<>();
        for (EvidenceRef ref : f.evidence()) {
            q.event(ref.eventId()).ifPresent(evidence::add);
        }
        List<String> tags = new ArrayList<>();
        List<FindingSection.AnalystNote> notes = new ArrayList<>();
        for (AnalystAnnotations.Finding s : stored) {
            if (sameFinding(s, f)) {
                Target t = new Target(TargetKind.FINDING, s.id());
                tags.addAll(annotations.tags(t));
                annotations.notes(t).forEach(n -> notes.add(new FindingSection.AnalystNote("finding", n.text())));
            }
        }
        root.ifPresent(r -> annotations.notes(new Target(TargetKind.PROCESS, r.key())).forEach(n -> notes.add(
                new FindingSection.AnalystNote("process " + r.pid() + " (" + r.commandLine() + ")", n.text()))));
        root.ifPresent(r -> annotations.tags(new Target(TargetKind.PROCESS, r.key())).forEach(tags::add));
        for (StoredEvent e : evidence) {
            annotations.notes(new Target(TargetKind.EVENT, e.event().id())).forEach(n -> notes.add(
                    new FindingSection.AnalystNote("event " + e.event().id(), n.text())));
        }
        return new FindingSection(f, chain, timeline, bucket, spread, evidence, tags.stream().distinct().toList(),
                notes, affected, recovery);
    }

    /**
     * A finding the analyst saved (and tagged) is the detector's finding when its details carry the detector's id,
     * or when it names the same host and the same first time (saved before ids were stored).
     */
    static boolean sameFinding(AnalystAnnotations.Finding s, Finding f) {
        if (s.details() != null && s.details().contains(f.id())) {
            return true;
        }
        if (s.summary() != null && s.summary().contains(f.id())) {
            return true;
        }
        return f.host().equals(s.host()) && s.first() != null && s.first().equals(f.firstSeen());
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
