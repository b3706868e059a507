package io.ransomtrace.app.testing;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.report.ReportProgress;
import io.ransomtrace.app.report.ReportRequest;
import io.ransomtrace.app.report.ReportService;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Exports a case file as {@code ransomtrace report} does: through a read-only session. */
public final class Exports {
    private Exports() {
    }

    public static ReportService.Result export(Path caseFile, ReportRequest request, ReportProgress progress,
                                              BooleanSupplier cancelled) throws IOException {
        try (CaseSession session = CaseSession.openReadOnly(caseFile)) {
            return session.export(request, progress, cancelled);
        }
    }
}
