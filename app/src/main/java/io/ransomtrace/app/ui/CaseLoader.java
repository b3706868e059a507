package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.BundledSampleCase;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgress;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.importers.csv.CsvMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings cases into the window: opens one, imports logs into one (the open case or another), prepares the sample
 * on first start, and judges the open case again with other settings. The work runs in the background; each
 * analysed case is handed to {@code shown} (every view is refilled) or, after a re-run, to {@code reanalysed}
 * (the findings and tuning change, the rest stays).
 */
final class CaseLoader {
    private final BackgroundTasks tasks;
    private final CurrentCase current;
    private final Notices notices;
    private final Runnable detach;
    private Consumer<OpenCase> shown = c -> { };
    private Consumer<OpenCase> reanalysed = c -> { };

    /** @param detach empties every view, so that nothing reads a case about to be closed */
    CaseLoader(BackgroundTasks tasks, CurrentCase current, Notices notices, Runnable detach) {
        this.tasks = tasks;
        this.current = current;
        this.notices = notices;
        this.detach = detach;
    }

    /** Called with a freshly opened or imported case (null when cancelled), on the FX thread. */
    void setOnShown(Consumer<OpenCase> c) {
        shown = c;
    }

    /** Called with the open case judged again with other settings, on the FX thread. */
    void setOnReanalysed(Consumer<OpenCase> c) {
        reanalysed = c;
    }

    /** Opens a case (closing the one open) and runs the detector over it with the case's settings. */
    void open(Path file) {
        detach.run();
        OpenCase old = current.take();
        tasks.run("Opening " + file.getFileName(), p -> {
            close(old);
            return analyseOrClose(CaseSession.open(file), p);
        }, shown, e -> notices.error("Cannot open " + file.getFileName(), e));
    }

    /**
     * Imports into {@code caseFile} (created when missing, kept open when it is the open case), then analyses it.
     *
     * @param mapped CSV files with the mapping the analyst chose for each
     * @param after  told on the FX thread once the case is shown
     */
    void importInto(Path caseFile, List<Path> plain, Map<Path, CsvMapping> mapped, Runnable after) {
        int count = plain.size() + mapped.size();
        OpenCase old = current.get();
        OpenCase same = old != null && old.session().file().equals(caseFile) ? old : null;
        detach.run();
        current.take();
        tasks.run("Importing " + count + " input(s)", p -> {
            CaseSession session;
            if (same != null) {
                session = same.session();
            } else {
                close(old);
                session = CaseSession.openOrCreate(caseFile);
            }
            if (!plain.isEmpty()) {
                importLogs(session, plain, ImporterCatalog.builtIn(), p);
            }
            for (Map.Entry<Path, CsvMapping> m : mapped.entrySet()) {
                importLogs(session, List.of(m.getKey()), new CsvMappedCatalog(ImporterCatalog.builtIn(), m.getValue()), p);
            }
            return analyseOrClose(session, p);
        }, c -> {
            shown.accept(c);
            if (c != null) {
                after.run();
            }
        }, e -> notices.error("Import failed", e));
    }

    /** First start: the bundled mixed-workday sample, imported once into the user's data folder. */
    void openSample() {
        Path target = BundledSampleCase.defaultCase();
        if (Files.exists(target)) {
            open(target);
            return;
        }
        if (!BundledSampleCase.bundled()) {
            notices.say("Open a case (Ctrl+O) or import logs (Ctrl+I) to start.");
            return;
        }
        tasks.run("Importing the sample case " + BundledSampleCase.NAME, p -> {
            Cancellation cancellation = new Cancellation();
            return analyseOrClose(BundledSampleCase.importInto(target, BundledSampleCase.logsFolder(),
                    listener(p, cancellation), cancellation), p);
        }, shown, e -> notices.error("Cannot prepare the sample case", e));
    }

    /** Runs the detector again over the open case with {@code settings}. */
    void rerun(CaseSettings settings) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        tasks.run("Re-running detection", p -> OpenCase.analyse(c.session(), settings, p), fresh -> {
            if (fresh == null || !current.is(c)) {
                notices.say(fresh == null ? "Re-run cancelled." : "");
                return;
            }
            current.set(fresh);
            reanalysed.accept(fresh);
            long suppressed = fresh.findings().stream().filter(Finding::suppressed).count();
            notices.say(fresh.findings().size() + " findings, " + suppressed + " suppressed.");
        }, e -> notices.error("Re-run failed", e));
    }

    /** Closes the window's case (when the window closes). */
    void closeCurrent() {
        close(current.take());
    }

    private static OpenCase analyseOrClose(CaseSession session, TaskProgress p) throws IOException {
        OpenCase c = OpenCase.analyse(session, session.settings(), p);
        if (c == null) {
            session.close();
        }
        return c;
    }

    private static void close(OpenCase c) {
        if (c == null) {
            return;
        }
        try {
            c.session().close();
        } catch (IOException e) {
            // Every change to a case is committed when made: closing its connection cannot lose any of them.
        }
    }

    private static void importLogs(CaseSession session, List<Path> inputs, ImporterCatalog catalog, TaskProgress p)
            throws IOException {
        Cancellation cancellation = new Cancellation();
        session.importLogs(inputs, catalog, ImportOptions.defaults(), listener(p, cancellation), cancellation);
    }

    /** The import's progress in the status bar; Cancel there stops the import. */
    private static ImportProgressListener listener(TaskProgress p, Cancellation cancellation) {
        return pr -> {
            if (p.cancelled()) {
                cancellation.cancel();
            }
            String what = pr.phase() == ImportProgress.Phase.INDEXING ? "building indexes"
                    : pr.source() == null ? "checking" : "file " + pr.sourceIndex() + " of " + pr.sourceCount()
                    + " (" + pr.source().getFileName() + "), " + String.format("%,d events", pr.events());
            p.update(pr.percent() / 100, what, String.format("%,.0f events/s", pr.eventsPerSecond()));
        };
    }
}
