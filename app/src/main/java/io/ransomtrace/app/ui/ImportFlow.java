package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.BundledSampleCase;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.csv.CsvMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File → Import logs…: asks where the logs go (the open case or a new one), asks for a mapping for each CSV file
 * no built-in mapping reads, and hands the rest to the {@link CaseLoader}. A CSV file the analyst leaves out is
 * named in the status bar.
 */
final class ImportFlow {
    private final BackgroundTasks tasks;
    private final Dialogs dialogs;
    private final CurrentCase current;
    private final Notices notices;
    private final CaseLoader loader;

    ImportFlow(BackgroundTasks tasks, Dialogs dialogs, CurrentCase current, Notices notices, CaseLoader loader) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.current = current;
        this.notices = notices;
        this.loader = loader;
    }

    /** Asks for log files, then imports them. */
    void chooseAndImport() {
        List<Path> inputs = dialogs.logsToImport();
        if (!inputs.isEmpty()) {
            importLogs(inputs);
        }
    }

    /** Asks for a folder of logs (a rotated set), then imports every log in it, oldest first. */
    void chooseFolderAndImport() {
        dialogs.folderToImport().ifPresent(folder -> importLogs(List.of(folder)));
    }

    /** Imports logs into the open case, or into a new case the analyst names. */
    void importLogs(List<Path> inputs) {
        Path target = null;
        if (current.session() != null) {
            Path open = current.session().file();
            switch (dialogs.importTarget(open.getFileName().toString(), inputs.size())) {
                case OPEN_CASE -> target = open;
                case NEW_CASE -> {
                }
                case CANCEL -> {
                    return;
                }
            }
        }
        if (target == null) {
            Optional<Path> file = dialogs.newCaseFile(BundledSampleCase.casesFolder(),
                    "case-" + LocalDate.now() + CaseStore.EXTENSION);
            if (file.isEmpty()) {
                return;
            }
            target = file.get();
        }
        importAskingCsvMappings(target, inputs);
    }

    /**
     * Imports {@code inputs} into {@code caseFile}, first asking for a mapping for each CSV file no built-in
     * mapping reads; a CSV file the analyst cancels is left out and named in the status bar.
     */
    void importAskingCsvMappings(Path caseFile, List<Path> inputs) {
        // Expanding folders and reading each file's head is I/O: off the FX thread; the dialogs come back on it.
        tasks.run("Checking " + inputs.size() + " input(s)", p -> csvFilesNeedingMapping(inputs), check -> {
            Plan plan = askCsvMappings(inputs, check);
            if (plan.plain().isEmpty() && plan.mapped().isEmpty()) {
                notices.say("Nothing imported: " + skippedNote(plan));
                return;
            }
            loader.importInto(caseFile, plan.plain(), plan.mapped(), report -> {
                // Said in the status bar always, and file by file when some file was not imported cleanly.
                String analysed = report.discarded() ? "" : " " + notices.current();
                notices.say(report.headline() + (plan.skipped().isEmpty() ? "" : " " + skippedNote(plan)) + analysed);
                if (!report.allOk()) {
                    dialogs.importResults(report);
                }
            });
        }, e -> notices.error("Cannot read the inputs", e));
    }

    /**
     * What to import how: inputs read by the built-in importers, CSV files read through a mapping the analyst
     * chose, and CSV files they skipped.
     */
    private record Plan(List<Path> plain, Map<Path, CsvMapping> mapped, List<Path> skipped) {
    }

    /** The expanded input files, and those among them that are CSV no built-in mapping reads. */
    private record CsvCheck(List<Path> files, List<Path> needingMapping) {
    }

    private static CsvCheck csvFilesNeedingMapping(List<Path> inputs) {
        ImporterCatalog catalog = ImporterCatalog.builtIn();
        List<Path> files;
        try {
            files = catalog.expand(inputs);
        } catch (IOException e) {
            return new CsvCheck(null, List.of()); // the import itself reports unreadable inputs
        }
        List<Path> needing = new ArrayList<>();
        for (Path file : files) {
            try {
                if (catalog.sniff(file) == Format.CSV && CsvSample.needsMapping(file)) {
                    needing.add(file);
                }
            } catch (IOException e) {
                // Left to the import, which keeps the reason with the file's result.
            }
        }
        return new CsvCheck(files, needing);
    }

    /** Asks (on the FX thread) for a mapping for every CSV file that needs one. */
    private Plan askCsvMappings(List<Path> inputs, CsvCheck check) {
        if (check.needingMapping().isEmpty()) {
            return new Plan(inputs, Map.of(), List.of());
        }
        Map<Path, CsvMapping> mapped = new LinkedHashMap<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : check.needingMapping()) {
            try {
                Optional<CsvMapping> m = dialogs.csvMapping(file);
                if (m.isPresent()) {
                    mapped.put(file, m.get());
                } else {
                    skipped.add(file);
                }
            } catch (IOException e) {
                // Left to the import, which keeps the reason with the file's result.
            }
        }
        if (mapped.isEmpty() && skipped.isEmpty()) {
            return new Plan(inputs, Map.of(), List.of());
        }
        List<Path> plain = check.files().stream().filter(f -> !mapped.containsKey(f) && !skipped.contains(f)).toList();
        return new Plan(plain, mapped, skipped);
    }

    private static String skippedNote(Plan plan) {
        if (plan.skipped().isEmpty()) {
            return "";
        }
        return plan.skipped().size() + " CSV file(s) skipped, no mapping chosen: " + String.join(", ",
                plan.skipped().stream().map(p -> p.getFileName().toString()).toList()) + ".";
    }
}
