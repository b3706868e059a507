package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;

import java.time.Instant;
import java.util.List;

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
 * @param program        the root process's program name ("rsync"), which lower findings are grouped by
 * @param user           the root process's effective user, which lower findings are grouped by with the program
 * @param firedSignals   the signals that fired and counted towards the score (a signal weighted 0 does not)
 */
public record FindingRow(String id, Severity severity, double score, String title, String host, String rootCommand,
                         String loginUser, long filesAffected, Instant firstAlert, boolean suppressed,
                         String suppressedWhy, String program, String user, List<String> firedSignals) {
    public FindingRow {
        // A finding the engine could not grade is still shown, at the bottom.
        severity = severity == null ? Severity.INFO : severity;
        title = title == null ? "(untitled finding)" : title;
        suppressedWhy = suppressed && (suppressedWhy == null || suppressedWhy.isBlank()) ? "no reason given" : suppressedWhy;
        firedSignals = firedSignals == null ? List.of() : List.copyOf(firedSignals);
    }

    /** A finding row without the grouping keys and signals (program taken from the root command). */
    public FindingRow(String id, Severity severity, double score, String title, String host, String rootCommand,
                      String loginUser, long filesAffected, Instant firstAlert, boolean suppressed,
                      String suppressedWhy) {
        this(id, severity, score, title, host, rootCommand, loginUser, filesAffected, firstAlert, suppressed,
                suppressedWhy, programOf(rootCommand), loginUser, List.of());
    }

    private static String programOf(String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        String first = command.strip().split("\\s+")[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
