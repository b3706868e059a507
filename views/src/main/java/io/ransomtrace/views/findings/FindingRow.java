package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;

import java.time.Instant;

/**
 * A finding as the list shows it (the lead maps the engine's finding onto this).
 *
 * @param id             stable id of the finding within the case (same campaign → same id across re-runs)
 * @param score          detector score, for sorting within a severity
 * @param title          one line saying what happened, e.g. "Mass overwrite + .locked renames in /srv"
 * @param rootCommand    command line of the campaign's root process
 * @param loginUser      the human behind it (audit login uid), which may differ from the effective user
 * @param filesAffected  files modified by the campaign
 * @param firstAlert     when the detector's thresholds were first crossed
 * @param suppressed     true when an allowlist entry suppressed it
 * @param suppressedWhy  the allowlist entry's reason, when suppressed
 */
public record FindingRow(String id, Severity severity, double score, String title, String host, String rootCommand,
                         String loginUser, long filesAffected, Instant firstAlert, boolean suppressed,
                         String suppressedWhy) {
    public FindingRow {
        // A finding the engine could not grade is still shown, at the bottom.
        severity = severity == null ? Severity.INFO : severity;
        title = title == null ? "(untitled finding)" : title;
        suppressedWhy = suppressed && (suppressedWhy == null || suppressedWhy.isBlank()) ? "no reason given" : suppressedWhy;
    }
}
