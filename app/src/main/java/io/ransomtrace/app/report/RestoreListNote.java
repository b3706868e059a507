package io.ransomtrace.app.report;

import io.ransomtrace.app.store.FileOpBucket;

/**
 * Why a restore list is empty, in words for the analyst: a header-only CSV is otherwise indistinguishable from
 * "nothing was damaged".
 */
final class RestoreListNote {

    private RestoreListNote() {
    }

    /**
     * Why the restore list of {@code report} has no rows; when it has some, how to find the files whose folder the
     * log never named (shown as {@code DIR/[inode N]}); else null.
     */
    static String of(CaseReport report) {
        if (report.sections().stream().anyMatch(s -> !s.affected().isEmpty())) {
            return unnamedFolders(report);
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

    /** Marks a folder the audit log named only by its inode (the auditd importer's {@code DirectoryInodes}). */
    private static final String UNNAMED = "/[inode ";

    private static String unnamedFolders(CaseReport report) {
        java.util.Set<String> folders = new java.util.TreeSet<>();
        long files = 0;
        for (var s : report.sections()) {
            for (AffectedFile a : s.affected()) {
                int at = a.path() == null ? -1 : a.path().indexOf(UNNAMED);
                if (at >= 0) {
                    files++;
                    int end = a.path().indexOf(']', at);
                    folders.add(a.path().substring(0, end < 0 ? a.path().length() : end + 1));
                }
            }
        }
        if (files == 0) {
            return null;
        }
        String example = folders.iterator().next();
        int at = example.indexOf(UNNAMED);
        String parent = at == 0 ? "/" : example.substring(0, at);
        String inode = example.substring(at + UNNAMED.length(), example.length() - 1);
        return files + " file" + (files == 1 ? " lies" : "s lie") + " in " + folders.size() + " folder"
                + (folders.size() == 1 ? "" : "s") + " the log named by inode only (a program opened "
                + (folders.size() == 1 ? "it" : "them") + " by descriptor, as smbd does): the list shows "
                + (folders.size() == 1 ? "it" : "each") + " as FOLDER/[inode N]; on the host, find FOLDER -xdev -inum N "
                + "names it (e.g. find " + parent + " -xdev -inum " + inode + ").";
    }
}
