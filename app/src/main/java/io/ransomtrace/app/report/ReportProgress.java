package io.ransomtrace.app.report;

/** Told how far an export got; called on the exporting thread (the window marshals it to the FX thread). */
@FunctionalInterface
public interface ReportProgress {

    ReportProgress NONE = (step, fraction) -> { };

    /** @param fraction 0..1 of the whole export */
    void progress(String step, double fraction);
}
