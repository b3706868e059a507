package io.ransomtrace.app.report;

import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.engine.coverage.HostCoverage;
import io.ransomtrace.engine.finding.Finding;

import java.time.Instant;
import java.util.List;

/**
 * What one export is made from: the case as analysed, with the chosen findings read out in full.
 *
 * @param title        briefing title
 * @param caseName     the case file's name
 * @param generatedAt  when the report was made
 * @param sources      imported logs
 * @param events       events in the case
 * @param hosts        hosts in the case
 * @param allFindings  every finding of the analysis (the chosen ones and the others) for the briefing, which tells
 *                     about the others; the chosen ones alone for the JSON export, which does not
 * @param sections     the chosen findings, most severe first
 * @param coverage     per-host telemetry coverage
 */
public record CaseReport(String title, String caseName, Instant generatedAt, List<SourceInfo> sources, long events,
                         List<String> hosts, List<Finding> allFindings, List<FindingSection> sections,
                         List<HostCoverage> coverage) {

    public CaseReport {
        sources = List.copyOf(sources);
        hosts = List.copyOf(hosts);
        allFindings = List.copyOf(allFindings);
        sections = List.copyOf(sections);
        coverage = List.copyOf(coverage);
    }

    public List<Finding> chosenFindings() {
        return sections.stream().map(FindingSection::finding).toList();
    }
}
