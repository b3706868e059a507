package io.ransomtrace.app.ui;

import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.importers.csv.CsvMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The workbench's dialogs answered by the test: answers are queued before the action that asks, every question
 * and every error is recorded. An unanswered question is answered "cancel".
 */
final class FakeDialogs implements Dialogs {

    /** Answers a CSV mapping question (a test may show the real dialog and drive it). */
    interface CsvAnswer {
        Optional<CsvMapping> answer(Path file) throws IOException;
    }

    final Deque<Path> files = new ArrayDeque<>();
    final Deque<String> texts = new ArrayDeque<>();
    final Deque<ReportRequest> exports = new ArrayDeque<>();
    final List<String> asked = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<ImportReport> importReports = new ArrayList<>();
    final Deque<Path> folders = new ArrayDeque<>();
    /** Answers to "where to create a new case" (else taken from {@code files}). */
    final Deque<Path> newCases = new ArrayDeque<>();
    Path exportFolder;
    ImportTarget importTarget = ImportTarget.CANCEL;
    CsvAnswer csv = file -> Optional.empty();

    @Override
    public Optional<Path> caseToOpen(Path folder) {
        asked.add("case to open (from " + folder + ")");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public List<Path> logsToImport() {
        asked.add("logs to import");
        List<Path> out = new ArrayList<>(files);
        files.clear();
        return out;
    }

    @Override
    public Optional<Path> folderToImport() {
        asked.add("folder to import");
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public void importResults(ImportReport report) {
        asked.add("import results");
        importReports.add(report);
    }

    @Override
    public ImportTarget importTarget(String openCaseName, int inputs) {
        asked.add("import target (open: " + openCaseName + ")");
        return importTarget;
    }

    @Override
    public Optional<Path> newCaseFile(Path folder, String suggestedName) {
        asked.add("new case file");
        return Optional.ofNullable(newCases.isEmpty() ? files.poll() : newCases.poll());
    }

    @Override
    public Optional<Path> profileToSave(String suggestedName) {
        asked.add("profile to save");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> planFolder(String caseName) {
        asked.add("plan folder");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> profileToLoad() {
        asked.add("profile to load");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<CsvMapping> csvMapping(Path file) throws IOException {
        asked.add("CSV mapping for " + file.getFileName());
        return csv.answer(file);
    }

    @Override
    public Optional<ReportRequest> export(String selectedFindingId, String selectedTitle, String caseName,
                                          Path folder) {
        asked.add("export of " + caseName);
        exportFolder = folder;
        return Optional.ofNullable(exports.poll());
    }

    @Override
    public Optional<String> text(String title, String header, String prompt) {
        asked.add(title + ": " + header);
        return Optional.ofNullable(texts.poll());
    }

    @Override
    public void error(String what, String message) {
        errors.add(what + ": " + message);
    }
}
