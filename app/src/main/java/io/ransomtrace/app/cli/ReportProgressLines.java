package io.ransomtrace.app.cli;

import io.ransomtrace.app.report.ReportProgress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * An export's steps on stderr, a line each: a new kind of step always, and within one kind ("Reading finding 7 of
 * 2,899") a line per 5 % of the export, so that a case of thousands of findings tells how far it got in a dozen
 * lines rather than one per finding.
 */
final class ReportProgressLines implements ReportProgress {
    private final PrintWriter err;
    private String lastKind;
    private int lastTwentieth = -1;

    ReportProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(String step, double fraction) {
        String kind = step.replaceAll("[0-9,]", "");
        int twentieth = (int) Math.floor(fraction * 20);
        if (kind.equals(lastKind) && twentieth == lastTwentieth) {
            return;
        }
        lastKind = kind;
        lastTwentieth = twentieth;
        err.printf(Locale.ROOT, "%3.0f%% %s%n", fraction * 100, step);
        err.flush();
    }
}
