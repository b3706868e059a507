package io.ransomtrace.app.ui;

import io.ransomtrace.app.casefile.BundledSampleCase;
import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.casefile.CaseSettings;
import io.ransomtrace.app.casefile.TaskProgress;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.CsvMappedCatalog;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportProgress;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
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

    /** A case as opening found it: {@code stale} when its kept analysis no longer holds and is being redone. */
    private record Opened(OpenCase c, boolean stale) {
    }

    /**
     * Opens a case (closing the one open) and shows the analysis kept in it at once when it still holds. When it
     * does not (another engine, other settings, a source imported since), the kept findings are shown while the
     * detector runs again in the background, with progress; a case never analysed is analysed first.
     */
    void open(Path file) {
        detach.run();
        OpenCase old = current.take();
        tasks.run("Opening " + file.getFileName(), p -> {
            close(old);
            CaseSession session = CaseSession.open(file);
            OpenCase kept = OpenCase.kept(session);
            if (kept != null) {
                return new Opened(kept, false);
            }
            OpenCase stale = OpenCase.lastKept(session);
            return stale != null ? new Opened(stale, true) : new Opened(analyseOrClose(session, p), false);
        }, o -> {
            shown.accept(o.c());
            if (o.stale()) {
                rerun("Analysing again (the engine, the settings or the sources changed)", o.c().session().settings());
            }
        }, e -> notices.error("Cannot open " + file.getFileName(), e));
    }

    /**
     * Imports into {@code caseFile} (created when missing, kept open when it is the open case), then analyses it.
     * A case made for this import that ends up holding nothing (no input was a log) is not kept: the case open
     * before is opened again.
     *
     * @param mapped CSV files with the mapping the analyst chose for each
     * @param after  told on the FX thread, once the case is shown, what became of each file
     */
    void importInto(Path caseFile, List<Path> plain, Map<Path, CsvMapping> mapped, Consumer<ImportReport> after) {
        int count = plain.size() + mapped.size();
        OpenCase old = current.get();
        OpenCase same = old != null && old.session().file().equals(caseFile) ? old : null;
        Path reopen = old == null || same != null ? null : old.session().file();
        detach.run();
        current.take();
        tasks.run("Importing " + io.ransomtrace.views.common.Plural.of(count, "input"), p -> {
            CaseSession session;
            boolean newCase = same == null && !Files.exists(caseFile);
            if (same != null) {
                session = same.session();
            } else {
                close(old);
                session = CaseSession.openOrCreate(caseFile);
            }
            List<ImportSummary> summaries = new java.util.ArrayList<>();
            if (!plain.isEmpty()) {
                summaries.add(importLogs(session, plain, ImporterCatalog.builtIn(), p));
            }
            for (Map.Entry<Path, CsvMapping> m : mapped.entrySet()) {
                summaries.add(importLogs(session, List.of(m.getKey()),
                        new CsvMappedCatalog(ImporterCatalog.builtIn(), m.getValue()), p));
            }
            if (newCase && session.holdsNoSource()) {
                session.close();
                CaseSession.deleteEmptyCase(caseFile);
                return new Imported(null, ImportReport.of(caseFile, summaries, true));
            }
            return new Imported(analyseOrClose(session, p), ImportReport.of(caseFile, summaries, false));
        }, imported -> {
            if (imported.report().discarded()) {
                after.accept(imported.report());
                if (reopen != null) {
                    open(reopen);
                }
                return;
            }
            shown.accept(imported.openCase());
            if (imported.openCase() != null) {
                after.accept(imported.report());
            }
        }, e -> notices.error("Import failed", e));
    }

    /** An import's case (null when cancelled or not kept) and what became of each file. */
    private record Imported(OpenCase openCase, ImportReport report) {
    }

    /** First start: the bundled mixed-workday sample, imported once into the user's data folder. */
    void openSample(TaskProgress alsoTo) {
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
            TaskProgress both = new TaskProgress() {
                @Override
                public void update(double fraction, String message, String rate) {
                    p.update(fraction, message, rate);
                    alsoTo.update(fraction, message, rate);
                }

                @Override
                public boolean cancelled() {
                    return p.cancelled();
                }
            };
            return analyseOrClose(BundledSampleCase.importInto(target, BundledSampleCase.logsFolder(),
                    listener(both, cancellation), cancellation), both);
        }, shown, e -> notices.error("Cannot prepare the sample case", e));
    }

    /** Runs the detector again over the open case with {@code settings}, and keeps what it finds in the case. */
    void rerun(CaseSettings settings) {
        rerun("Re-running detection", settings);
    }

    private void rerun(String title, CaseSettings settings) {
        OpenCase c = current.get();
        if (c == null) {
            return;
        }
        tasks.run(title, p -> OpenCase.analyse(c.session(), settings, p), fresh -> {
            if (fresh == null || !current.is(c)) {
                notices.say(fresh == null ? "Re-run cancelled." : "");
                return;
            }
            current.set(fresh);
            reanalysed.accept(fresh);
            long suppressed = fresh.findings().stream().filter(Finding::suppressed).count();
            notices.say(io.ransomtrace.views.common.Plural.of(fresh.findings().size(), "finding") + ", "
                    + suppressed + " suppressed.");
        }, e -> notices.error("Re-run failed", e));
    }

    /**
     * Keeps the analysis of the open case in it (the findings a Keep adopted without a re-run), in the
     * background: locating every campaign's processes takes a moment on a busy case.
     */
    void keep(OpenCase c) {
        tasks.run("Keeping the findings in the case", p -> {
            c.session().keepAnalysis(c.analysis());
            return c;
        }, kept -> { }, e -> notices.error("Cannot keep the findings in the case", e));
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

    private static ImportSummary importLogs(CaseSession session, List<Path> inputs, ImporterCatalog catalog,
                                            TaskProgress p) throws IOException {
        Cancellation cancellation = new Cancellation();
        return session.importLogs(inputs, catalog, ImportOptions.defaults(), listener(p, cancellation), cancellation);
    }

    /** The import's progress in the status bar; Cancel there stops the import. */
    private static ImportProgressListener listener(TaskProgress p, Cancellation cancellation) {
        return pr -> {
            if (p.cancelled()) {
                cancellation.cancel();
            }
            // Bytes read, not only events: a damaged gzip that yields few events still shows the import moving.
            String what = pr.phase() == ImportProgress.Phase.INDEXING ? "building indexes"
                    : pr.source() == null ? "checking" : "file " + pr.sourceIndex() + " of " + pr.sourceCount()
                    + " (" + pr.source().getFileName() + "), " + String.format("%.1f of %.1f MB read, %,d events",
                    pr.bytesRead() / 1e6, pr.totalBytes() / 1e6, pr.events());
            p.update(pr.percent() / 100, what, String.format("%,.0f events/s", pr.eventsPerSecond()));
        };
    }
}
