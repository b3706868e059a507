package io.ransomtrace.engine.coverage;

/**
 * One line of a host's coverage checklist.
 *
 * @param id          stable identifier, e.g. {@code file-rename}
 * @param title       what is checked, e.g. "Renames"
 * @param status      green, amber or red
 * @param measured    what was measured, e.g. "1,204 renames"
 * @param explanation what the status means for detection, in an analyst's words
 */
public record CoverageCheck(String id, String title, CoverageStatus status, String measured, String explanation) {
}
