package io.ransomtrace.app.report;

import io.ransomtrace.engine.finding.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * One export: which format, where to, and which findings.
 *
 * @param findingIds  findings the analyst chose (detector ids such as {@code rt-…}); empty: every finding at or
 *                    above {@code minSeverity} that the allowlist did not suppress
 * @param minSeverity the floor used when no finding is chosen explicitly
 * @param title       the briefing's title, or null for a default naming the case
 */
public record ReportRequest(ReportFormat format, Path out, List<String> findingIds, Severity minSeverity, String title) {

    public ReportRequest {
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
        minSeverity = minSeverity == null ? Severity.MEDIUM : minSeverity;
    }

    public static ReportRequest of(ReportFormat format, Path out) {
        return new ReportRequest(format, out, List.of(), Severity.MEDIUM, null);
    }
}
