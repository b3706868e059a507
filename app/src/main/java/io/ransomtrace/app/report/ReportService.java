package io.ransomtrace.app.report;

import io.ransomtrace.app.analysis.ScanJson;
import io.ransomtrace.app.analysis.ScanJsonWriter;
import io.ransomtrace.app.files.OutputFile;
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
 * Writes an export of a case that has been read into a {@link CaseReport} (the case layer's
 * {@code CaseSession.export} reads it and calls this). Runs on the caller's thread, reports progress, and stops
 * when {@code cancelled} answers true, throwing {@link ReportCancelledException}. The output goes through
 * {@link OutputFile}: never over the case or a log it was made from, a device or a link; written to a temporary
 * file beside the target and moved into place when complete, so a cancelled or failed export never leaves a
 * half-written file.
 */
public final class ReportService {

    /**
     * What an export wrote.
     *
     * @param note what the analyst should know about the content (why a restore list is empty), or null
     */
    public record Result(Path file, ReportFormat format, int findings, long bytes, String note) {
    }

    private ReportService() {
    }

    /** Whether a format shows the restore list of affected files (which takes a query per finding to build). */
    /**
     * Whether the format shows more of a finding than the finding itself (its processes, timeline, spread,
     * evidence events, tags and notes): the JSON export is the findings in the scan schema, nothing else.
     */
    public static boolean needsCampaignDetails(ReportFormat format) {
        return format != ReportFormat.JSON;
    }

    public static boolean needsAffectedFiles(ReportFormat format) {
        return format == ReportFormat.PDF || format == ReportFormat.HTML || format == ReportFormat.RESTORE;
    }

    /**
     * Checks where an export of a case may go, before the report is built: never over the case (or its journal),
     * a log it was made from, a device or a link; over an existing file only when {@code replaceExisting}.
     */
    public static OutputFile checkOutput(Path out, boolean replaceExisting, Path caseFile, List<SourceInfo> sources)
            throws IOException {
        List<Path> inputs = new ArrayList<>();
        Path c = caseFile.toAbsolutePath();
        inputs.add(c);
        for (String side : List.of("-journal", "-wal", "-shm")) {
            inputs.add(c.resolveSibling(c.getFileName() + side));
        }
        for (SourceInfo s : sources) {
            if (s.path() != null) {
                inputs.add(s.path());
            }
        }
        return OutputFile.check(out, replaceExisting, inputs);
    }

    /**
     * Writes {@code report} in {@code format} to a checked target ({@link #checkOutput}): to a temporary file beside
     * it, moved into place only once complete.
     */
    public static Result writeFile(CaseReport report, ReportFormat format, OutputFile target, ReportProgress progress,
                                   BooleanSupplier cancelled) throws IOException {
        if (cancelled.getAsBoolean()) {
            throw new ReportCancelledException();
        }
        progress.progress("Writing " + format.description(), 0.85);
        target.write(stream -> {
            write(report, format, stream);
            if (cancelled.getAsBoolean()) {
                throw new ReportCancelledException();
            }
        });
        progress.progress("Done", 1.0);
        return new Result(target.path(), format, report.sections().size(), Files.size(target.path()),
                format == ReportFormat.RESTORE ? RestoreListNote.of(report) : null);
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
                report.sections().stream().map(s -> ScanJson.of(s.finding(), analyst(s))).toList());
    }

    /** The analyst's tags and notes on a finding section, as the JSON export carries them. */
    static ScanJson.Analyst analyst(FindingSection s) {
        return new ScanJson.Analyst(s.tags(), s.notes().stream()
                .map(n -> new ScanJson.AnalystNote(n.about(), n.text())).toList());
    }

    private static ScanJson.Input input(SourceInfo s) {
        // the scan --json vocabulary: lower-case format names (auditd_raw), whatever the case stored
        return new ScanJson.Input(String.valueOf(s.path()), s.format() == null ? null
                : s.format().toLowerCase(java.util.Locale.ROOT), s.recordsRead(), s.events(), s.errors());
    }
}
