package io.ransomtrace.app.report;

import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.app.analysis.ScanJsonWriter;
import io.ransomtrace.app.files.OutputFile;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.SourceInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Exports a case: what {@code ransomtrace report} and the window's File → Export… call. Runs on the caller's
 * thread (the window calls it from a background task), reports progress, and stops when {@code cancelled} answers
 * true, throwing {@link ReportCancelledException}. The output goes through {@link OutputFile}: never over the case
 * or a log it was made from, a device or a link; written to a temporary file beside the target and moved into
 * place when complete, so a cancelled or failed export never leaves a half-written file.
 */
public final class ReportService {

    /** What an export wrote. */
    public record Result(Path file, ReportFormat format, int findings, long bytes) {
    }

    public Result export(Path caseFile, ReportRequest request, ReportProgress progress, BooleanSupplier cancelled)
            throws IOException {
        return export(caseFile, request, true, progress, cancelled);
    }

    /** @param replaceExisting replace an existing regular file at the output path ({@code report --force}) */
    public Result export(Path caseFile, ReportRequest request, boolean replaceExisting, ReportProgress progress,
                         BooleanSupplier cancelled) throws IOException {
        OutputFile.check(request.out(), replaceExisting, List.of(caseFile)); // before opening: fail fast
        try (CaseStore store = CaseStore.openReadOnly(caseFile)) {
            return export(store, request, replaceExisting, progress, cancelled);
        }
    }

    /** Exports from an open case; an existing output file is replaced (the window's file chooser asked). */
    public Result export(CaseStore store, ReportRequest request, ReportProgress progress, BooleanSupplier cancelled)
            throws IOException {
        return export(store, request, true, progress, cancelled);
    }

    private Result export(CaseStore store, ReportRequest request, boolean replaceExisting, ReportProgress progress,
                          BooleanSupplier cancelled) throws IOException {
        // The output may be none of the inputs: not the case (or its journal), not a log the case was made from.
        List<Path> inputs = new ArrayList<>();
        Path caseFile = store.file().toAbsolutePath();
        inputs.add(caseFile);
        for (String side : List.of("-journal", "-wal", "-shm")) {
            inputs.add(caseFile.resolveSibling(caseFile.getFileName() + side));
        }
        for (SourceInfo s : store.queries().sources()) {
            if (s.path() != null) {
                inputs.add(s.path());
            }
        }
        OutputFile target = OutputFile.check(request.out(), replaceExisting, inputs);
        ReportFormat format = request.format();
        boolean needsRestoreList = format == ReportFormat.PDF || format == ReportFormat.HTML || format == ReportFormat.RESTORE;
        CaseReport report = CaseReportBuilder.build(store, request, progress, cancelled, needsRestoreList);
        if (cancelled.getAsBoolean()) {
            throw new ReportCancelledException();
        }
        progress.progress("Writing " + format.description(), 0.85);
        target.write(out -> {
            write(report, format, out);
            if (cancelled.getAsBoolean()) {
                throw new ReportCancelledException();
            }
        });
        progress.progress("Done", 1.0);
        return new Result(target.path(), format, report.sections().size(), Files.size(target.path()));
    }

    /** Writes one format of an already built report. */
    public static void write(CaseReport report, ReportFormat format, OutputStream out) throws IOException {
        switch (format) {
            case HTML -> out.write(BriefingHtml.render(report).getBytes(StandardCharsets.UTF_8));
            case PDF -> BriefingPdf.write(BriefingHtml.render(report), out);
            case JSON -> out.write(ScanJsonWriter.toJson(scanDocument(report)).getBytes(StandardCharsets.UTF_8));
            case CSV -> CsvExports.findings(report, out);
            case RESTORE -> CsvExports.restoreList(report, out);
            case ECS -> EcsEvents.write(report, out);
            case NAVIGATOR -> NavigatorLayer.write(report, out);
        }
        out.flush();
    }

    /** The chosen findings in the {@code scan --json} schema, with the case's sources as inputs. */
    public static ScanJson.Document scanDocument(CaseReport report) {
        List<ScanJson.Input> inputs = report.sources().stream().map(ReportService::input).toList();
        long errors = report.sources().stream().mapToLong(SourceInfo::errors).sum();
        return new ScanJson.Document(ScanJson.SCHEMA_VERSION,
                new ScanJson.Summary(inputs, report.events(), errors, report.hosts()),
                report.chosenFindings().stream().map(ScanJson::of).toList());
    }

    private static ScanJson.Input input(SourceInfo s) {
        // the scan --json vocabulary: lower-case format names (auditd_raw), whatever the case stored
        return new ScanJson.Input(String.valueOf(s.path()), s.format() == null ? null
                : s.format().toLowerCase(java.util.Locale.ROOT), s.recordsRead(), s.events(), s.errors());
    }
}
