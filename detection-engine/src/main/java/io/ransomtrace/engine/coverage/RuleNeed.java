package io.ransomtrace.engine.coverage;

/**
 * One thing AN0603 needs from an audit rule set, and whether the host's rules provide it.
 *
 * @param id          e.g. {@code rename}
 * @param title       e.g. "Renames (rename, renameat, renameat2)"
 * @param status      green: an always,exit rule covers it for 64-bit programs (and 32-bit); amber: only partly
 *                    (a path-restricted rule or watch, 64-bit only); red: nothing covers it
 * @param coveredBy   the rule line that covers it best, or null
 * @param explanation what the status means, in an analyst's words
 */
public record RuleNeed(String id, String title, CoverageStatus status, String coveredBy, String explanation) {
}
