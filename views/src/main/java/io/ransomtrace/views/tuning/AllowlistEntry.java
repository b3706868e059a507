package io.ransomtrace.views.tuning;

import io.ransomtrace.views.findings.Severity;

import java.time.LocalDate;

/**
 * An analyst's decision that some activity is benign (a backup job, a package manager).
 *
 * @param field   what the pattern is matched against
 * @param pattern exact value or glob ("*" any characters) of that field
 * @param effect  suppress the finding, or cap its severity at {@code cap}
 * @param cap     the highest severity allowed when {@code effect} is CAP; ignored otherwise
 * @param reason  why, in the analyst's words (required: it shows next to every suppressed finding)
 * @param expires last day the entry applies, or null for no expiry
 */
public record AllowlistEntry(MatchField field, String pattern, Effect effect, Severity cap, String reason,
                             String author, LocalDate expires) {

    public enum MatchField { EXE, COMMAND_LINE, USER, LOGIN_USER, PATH, HOST }

    public enum Effect { SUPPRESS, CAP }

    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
