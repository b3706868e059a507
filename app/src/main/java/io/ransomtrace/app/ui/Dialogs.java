package io.ransomtrace.app.ui;

import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.importers.csv.CsvMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the workbench asks the analyst in a dialog of its own: files to open or write, a yes/no/which,
 * a line of text, a CSV mapping, an export, and the errors it reports. {@link FxDialogs} shows real dialogs;
 * tests answer with a fake, so no test depends on a modal window and no production code asks whether it runs
 * under a test.
 */
public interface Dialogs {

    /** Where logs go when a case is already open. */
    enum ImportTarget { OPEN_CASE, NEW_CASE, CANCEL }

    /** A case file to open, starting in {@code folder} (where the workbench keeps cases); empty when cancelled. */
    Optional<Path> caseToOpen(Path folder);

    /** Log files to import; empty when the analyst cancels. */
    List<Path> logsToImport();

    /** A folder of logs to import (a rotated set: audit.log, audit.log.1, …); empty when cancelled. */
    Optional<Path> folderToImport();

    /** What an import did, file by file (shown when some file was not imported cleanly). */
    void importResults(ImportReport report);

    /** Into the open case, into a new one, or not at all. */
    ImportTarget importTarget(String openCaseName, int inputs);

    /** Where to create a new case for imported logs. */
    Optional<Path> newCaseFile(Path folder, String suggestedName);

    /** Where to save a detection profile. */
    Optional<Path> profileToSave(String suggestedName);

    /** A detection profile to load. */
    Optional<Path> profileToLoad();

    /** A mapping for a CSV file no built-in mapping reads; empty when the analyst leaves the file out. */
    Optional<CsvMapping> csvMapping(Path file) throws IOException;

    /**
     * What to export and where.
     *
     * @param selectedFindingId the finding selected in the list, or null
     * @param folder            where the file chooser starts (the case's folder, or ~/Documents)
     */
    Optional<ReportRequest> export(String selectedFindingId, String selectedTitle, String caseName, Path folder);

    /** A new or empty folder for a finding's recovery plan; empty when the analyst cancels. */
    Optional<Path> planFolder(String caseName);

    /** A line of text (a tag, a note); empty when cancelled or blank. */
    Optional<String> text(String title, String header, String prompt);

    /** Tells the analyst that something failed (the status bar says it too). */
    void error(String what, String message);
}
