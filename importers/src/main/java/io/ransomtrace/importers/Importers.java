package io.ransomtrace.importers;

import io.ransomtrace.importers.auditd.AuditdImporter;
import io.ransomtrace.importers.auditd.NamesByLogSet;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.laurel.LaurelImporter;
import io.ransomtrace.importers.osquery.OsqueryImporter;
import io.ransomtrace.importers.rules.AuditRulesImporter;
import io.ransomtrace.importers.sysmon.SysmonImporter;

import java.io.IOException;
import java.util.Optional;

/** Which importer reads which format. Only {@link Format#UNKNOWN} has none. */
public final class Importers {

    private Importers() {
    }

    public static Optional<Importer> forFormat(Format format) {
        return forFormat(format, new NamesByLogSet());
    }

    /** @param names account names shared by the files of one import or scan run (a rotated audit log set) */
    public static Optional<Importer> forFormat(Format format, NamesByLogSet names) {
        return Optional.ofNullable(switch (format) {
            case AUDITD_RAW, AUDITD_ENRICHED, AUDITD_INTERPRETED -> new AuditdImporter(format, names);
            case LAUREL -> new LaurelImporter();
            case ECS_NDJSON -> new EcsImporter();
            case SYSMON_XML -> new SysmonImporter();
            case SYSMON_TEXT -> new io.ransomtrace.importers.sysmon.SysmonTextImporter();
            case OSQUERY -> new OsqueryImporter();
            case CSV -> new CsvImporter();
            case AUDIT_RULES -> new AuditRulesImporter();
            case UNKNOWN -> null;
        });
    }

    /**
     * Imports a source in its given format, or in the sniffed one when the format is {@link Format#UNKNOWN}.
     * A file no importer reads is reported as one quarantined entry (line 0) rather than failing.
     */
    public static ImportStats importSource(SourceFile source, ImportSink sink) throws IOException {
        return importSource(source, sink, new NamesByLogSet());
    }

    /** As {@link #importSource(SourceFile, ImportSink)}, with the account names the run's earlier files taught. */
    public static ImportStats importSource(SourceFile source, ImportSink sink, NamesByLogSet names) throws IOException {
        Format format = source.format() == Format.UNKNOWN ? Sniffer.sniff(source.path()) : source.format();
        Optional<Importer> importer = forFormat(format, names);
        if (importer.isEmpty()) {
            String reason;
            if (java.nio.file.Files.size(source.path()) == 0) {
                reason = "the file is empty";
            } else if (format == Format.UNKNOWN) {
                reason = "not a format Ransomtrace recognises (binary data or unknown text)";
            } else {
                reason = "no importer for " + format.label() + " yet";
            }
            sink.quarantined(new QuarantinedRecord(source.sourceId(), 0, 0, reason, ""));
            return new ImportStats(format, "unknown", 1, 0, 0, 1, 0, null, false);
        }
        return importer.get().importSource(new SourceFile(source.sourceId(), source.path(), format, source.unnamedHost()),
                sink);
    }
}
