package io.ransomtrace.app.ui;

import io.ransomtrace.importers.csv.CsvField;
import io.ransomtrace.importers.csv.CsvMapping;
import io.ransomtrace.importers.csv.CsvOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CsvMappingDraftTest {

    static final String UNKNOWN_EXPORT = """
            When;Kind;ProcId;Target;Prog
            28/11/2026 13:40:11;wrote;4242;/home/ana/docs/report.odt;/usr/bin/openssl
            28/11/2026 13:40:12;created;4242;/home/ana/docs/report.odt.locked;/usr/bin/openssl
            28/11/2026 13:40:13;started;4243;;/usr/bin/shred
            """;

    @TempDir
    Path tmp;

    private CsvSample sample() throws Exception {
        Path f = tmp.resolve("edr.csv");
        Files.writeString(f, UNKNOWN_EXPORT);
        return CsvSample.read(f, 8);
    }

    @Test
    void sampleReadsHeaderAndFirstRowsOnTheGuessedDelimiter() throws Exception {
        CsvSample s = sample();
        assertThat(s.delimiter()).isEqualTo(';');
        assertThat(s.header()).containsExactly("When", "Kind", "ProcId", "Target", "Prog");
        assertThat(s.rows()).hasSize(3);
        assertThat(s.rows().get(0)).containsExactly("28/11/2026 13:40:11", "wrote", "4242",
                "/home/ana/docs/report.odt", "/usr/bin/openssl");
    }

    @Test
    void sampleReadsOnlyTheRowsAskedForAndGzippedExports() throws Exception {
        Path gz = tmp.resolve("edr.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(UNKNOWN_EXPORT.getBytes(StandardCharsets.UTF_8));
        }
        CsvSample s = CsvSample.read(gz, 1);
        assertThat(s.header()).hasSize(5);
        assertThat(s.rows()).hasSize(1);
    }

    @Test
    void unknownHeaderNeedsAMappingButAKnownExportDoesNot() throws Exception {
        Path unknown = tmp.resolve("edr.csv");
        Files.writeString(unknown, UNKNOWN_EXPORT);
        assertThat(CsvSample.needsMapping(unknown)).isTrue();
        Path splunk = tmp.resolve("splunk.csv");
        Files.writeString(splunk, "_time,host,EventID,ProcessId,Image,TargetFilename\n"
                + "2026-11-28T13:40:11Z,web1,11,4242,/usr/bin/openssl,/srv/a.locked\n");
        assertThat(CsvSample.needsMapping(splunk)).isFalse();
    }

    @Test
    void emptyStartIsRejectedUntilRequiredColumnsAndActionsAreChosen() throws Exception {
        CsvMappingDraft d = CsvMappingDraft.startingFor(sample(), "edr.csv");
        assertThat(d.mapping().columns()).isEmpty();
        assertThat(d.mapping().delimiter()).isEqualTo(';');
        assertThat(d.usable()).isFalse();
        assertThat(d.message()).contains("no column for timestamp", "no column for action");

        d.setColumn(CsvField.TIMESTAMP, "When");
        d.setColumn(CsvField.ACTION, "Kind");
        assertThat(d.message()).doesNotContain("no column for timestamp").contains("neither a pid nor a path");
        assertThat(d.actionValues()).containsExactly("wrote", "created", "started");

        d.setColumn(CsvField.PATH, "Target");
        d.setAction("wrote", CsvOperation.FILE_WRITE);
        assertThat(d.usable()).isTrue();
        assertThat(d.message()).isEqualTo("The mapping fits this file's header.");
    }

    @Test
    void aColumnNotInTheHeaderIsAWarningForOptionalFieldsAndUnsettingRemovesIt() throws Exception {
        CsvMappingDraft d = CsvMappingDraft.startingFor(sample(), "edr.csv");
        d.setColumn(CsvField.TIMESTAMP, "When");
        d.setColumn(CsvField.ACTION, "Kind");
        d.setColumn(CsvField.PID, "ProcId");
        d.setAction("started", CsvOperation.PROCESS_START);
        d.setColumn(CsvField.HOST, "Hostname");
        assertThat(d.usable()).isTrue();
        assertThat(d.message()).startsWith("Warning: column 'Hostname' (for host)");
        d.setColumn(CsvField.HOST, null);
        assertThat(d.mapping().column(CsvField.HOST)).isNull();
        assertThat(d.check().warnings()).isEmpty();
    }

    @Test
    void badTimestampPatternIsAnError() throws Exception {
        CsvMappingDraft d = CsvMappingDraft.startingFor(sample(), "edr.csv");
        d.setTimestampFormat("dd/MM/yyyy HH:mm:ss");
        assertThat(d.message()).doesNotContain("not a valid pattern");
        d.setTimestampFormat("dd/MM/yyyy {{");
        assertThat(d.message()).contains("timestamp format 'dd/MM/yyyy {{' is not a valid pattern");
    }

    @Test
    void closestBuiltInKeepsOnlyTheColumnsThisFileHasSpelledAsInItsHeader() throws Exception {
        Path f = tmp.resolve("partial.csv");
        // Sysmon-like columns, but the file path column is named differently: splunk-sysmon-linux does not fit.
        Files.writeString(f, "_TIME,EventID,processid,FilePath\n2026-11-28T13:40:11Z,11,4242,/srv/a\n");
        CsvSample s = CsvSample.read(f, 8);
        CsvMappingDraft d = CsvMappingDraft.startingFor(s, "partial.csv");
        assertThat(d.mapping().description()).isEqualTo("edited from splunk-sysmon-linux");
        assertThat(d.mapping().columns()).containsEntry(CsvField.TIMESTAMP, "_TIME")
                .containsEntry(CsvField.PID, "processid").doesNotContainKey(CsvField.PATH);
        assertThat(d.mapping().actions()).isNotEmpty();
        assertThat(d.usable()).isTrue();
        d.setColumn(CsvField.PATH, "FilePath");
        assertThat(d.columnFor(CsvField.PATH)).isEqualTo("FilePath");
    }

    @Test
    void loadedMappingIsCheckedWithItsOwnDelimiter() throws Exception {
        CsvMappingDraft d = CsvMappingDraft.startingFor(sample(), "edr.csv");
        CsvMapping comma = d.mapping().withSettings("comma", ',', "auto", d.mapping().zone())
                .withColumn(CsvField.TIMESTAMP, "When").withColumn(CsvField.ACTION, "Kind")
                .withColumn(CsvField.PID, "ProcId").withAction("wrote", CsvOperation.FILE_WRITE);
        d.setMapping(comma);
        assertThat(d.usable()).isFalse();
        assertThat(d.message()).contains("the header has 1 column(s); is the delimiter ',' right?");
        d.setMapping(comma.withSettings("semi", ';', "auto", comma.zone()));
        assertThat(d.usable()).isTrue();
        assertThat(List.copyOf(d.mapping().columns().values())).contains("When", "Kind", "ProcId");
    }
}
