package io.ransomtrace.app.ui;

import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.importing.SourceResult;
import io.ransomtrace.views.common.Plural;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, file by file, as the window tells it (the same words as the command line's table):
 * imported (events, errors), partial (the file ends early), already in the case, not a recognised format,
 * unreadable…
 *
 * @param caseFile the case imported into
 * @param discarded true when nothing could be imported into a case made for it, which was then not kept
 */
public record ImportReport(Path caseFile, List<Row> rows, boolean discarded) {

    /** One input file's result. {@code message} says why when it is not a clean import. */
    public record Row(Path file, String result, String format, long events, long errors, String message,
                      boolean ok) {
    }

    public ImportReport {
        rows = List.copyOf(rows);
    }

    static ImportReport of(Path caseFile, List<ImportSummary> summaries, boolean discarded) {
        List<Row> rows = new ArrayList<>();
        for (ImportSummary s : summaries) {
            for (SourceResult r : s.sources()) {
                rows.add(new Row(r.path(), r.label(), r.format() == null ? "?" : r.format().label(), r.events(),
                        r.errors(), r.message(), r.ok()));
            }
        }
        return new ImportReport(caseFile, rows, discarded);
    }

    /** Whether every file was imported cleanly or was already there (no need to tell more than the status bar). */
    public boolean allOk() {
        return rows.stream().allMatch(Row::ok);
    }

    /** "2 files imported (1,234 events, 1 error), 1 not a recognised format." */
    public String headline() {
        long imported = rows.stream().filter(r -> r.result().equals("imported")).count();
        long events = rows.stream().mapToLong(Row::events).sum();
        long errors = rows.stream().mapToLong(Row::errors).sum();
        List<String> parts = new ArrayList<>();
        parts.add(Plural.of(imported, "file") + " imported (" + Plural.of(events, "event") + ", "
                + Plural.of(errors, "error") + ")");
        for (String other : List.of("partial", "interrupted", "already in the case", "not a recognised format",
                "unreadable", "skipped")) {
            long n = rows.stream().filter(r -> r.result().equals(other)).count();
            if (n > 0) {
                parts.add(n + " " + other);
            }
        }
        return String.join(", ", parts) + "." + (discarded ? " No case was created: nothing could be imported." : "");
    }
}
