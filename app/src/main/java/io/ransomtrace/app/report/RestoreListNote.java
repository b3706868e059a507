package io.ransomtrace.app.report;

import io.ransomtrace.app.store.FileOpBucket;

/**
 * Why a restore list is empty, in words for the analyst: a header-only CSV is otherwise indistinguishable from
 * "nothing was damaged".
 */
final class RestoreListNote {

    private RestoreListNote() {
    }

    /** Why the restore list of {@code report} has no rows, or null when it has some. */
    static String of(CaseReport report) {
        if (report.sections().stream().anyMatch(s -> !s.affected().isEmpty())) {
            return null;
        }
        if (report.sections().isEmpty()) {
            return "The restore list is empty: no finding was chosen (none at or above the severity floor and "
                    + "not suppressed).";
        }
        long fileOps = report.sections().stream().flatMap(s -> s.timeline().stream())
                .mapToLong(FileOpBucket::count).sum();
        int named = report.sections().stream().mapToInt(s -> s.finding().files().size()).sum();
        if (fileOps == 0) {
            return "The restore list is empty: the case's logs hold no file operations of these campaigns (the "
                    + "audit rules recorded program starts only), so which originals changed is not known. "
                    + (named > 0 ? "The findings name " + named + " file" + (named == 1 ? "" : "s")
                    + " from the commands' arguments (report --format csv or json). " : "")
                    + "'ransomtrace coverage' says which audit rules would record them.";
        }
        return "The restore list is empty: the campaigns' processes created files but changed no existing one.";
    }
}
