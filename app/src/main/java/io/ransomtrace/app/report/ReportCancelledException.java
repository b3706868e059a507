package io.ransomtrace.app.report;

/** Thrown when the analyst cancelled an export; nothing is left at the output path. */
public final class ReportCancelledException extends RuntimeException {
    public ReportCancelledException() {
        super("export cancelled");
    }
}
