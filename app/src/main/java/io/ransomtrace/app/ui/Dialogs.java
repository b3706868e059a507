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

    /** A case file to open; empty when the analyst cancels. */
    Optional<Path> caseToOpen();

    /** Log files to import; empty when the analyst cancels. */
    List<Path> logsToImport();

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
     */
    Optional<ReportRequest> export(String selectedFindingId, String selectedTitle, String caseName);

    /** A new or empty folder for a finding's recovery plan; empty when the analyst cancels. */
    Optional<Path> planFolder(String caseName);

    /** A line of text (a tag, a note); empty when cancelled or blank. */
    Optional<String> text(String title, String header, String prompt);

    /** Tells the analyst that something failed (the status bar says it too). */
    void error(String what, String message);
}
