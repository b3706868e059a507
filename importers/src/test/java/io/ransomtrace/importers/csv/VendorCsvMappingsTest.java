package io.ransomtrace.importers.csv;

import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.edr.TestFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.ransomtrace.importers.csv.CsvImporterTest.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in mappings of Defender, Falcon and SentinelOne exports, each on the same attack rendered in the
 * vendor's columns (edr/generate.py, build_vendor_story): carol's `find -exec openssl enc` encrypts 12 files
 * (pids 5111-5122 under find 5102 under bash 5101), `find -delete` (5140) removes the originals, `mv` renames
 * three to .locked. The header alone picks the mapping; file rows must name the process that did the write.
 */
class VendorCsvMappingsTest {

    private static final String FIRST_FILE = "/home/carol/docs/invoices/inv_a.pdf";

    private static CollectingSink importWithPickedMapping(String resource, String expectedMapping) throws IOException {
        Path file = TestFiles.resource(resource);
        List<String> header = CsvImporter.readHeader(file, ',');
        assertThat(CsvMappings.bestFor(header)).map(CsvMapping::name).contains(expectedMapping);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(new CsvImporter(), file, sink);
        assertThat(stats.recordsQuarantined()).as("quarantined %s", sink.quarantined).isZero();
        return sink;
    }

    private static ProcessExec exec(CollectingSink sink, int pid) {
        return sink.ofType(ProcessExec.class).stream().filter(e -> e.actor().pid() == pid).findFirst().orElseThrow();
    }

    private static void theChainIsThere(CollectingSink sink) {
        ProcessExec find = exec(sink, 5102);
        assertThat(find.actor().ppid()).isEqualTo(5101);
        assertThat(find.argv()).startsWith("find", "/home/carol/docs", "-type", "f", "-exec", "openssl", "enc");
        ProcessExec openssl = exec(sink, 5111);
        assertThat(openssl.actor().ppid()).isEqualTo(5102);
        assertThat(openssl.argv()).contains("-in", FIRST_FILE, "-out", FIRST_FILE + ".enc");
        assertThat(sink.ofType(ProcessExec.class)).hasSize(25);

        FileOp created = sink.fileOps(FileOpKind.CREATE).stream().filter(f -> f.path().equals(FIRST_FILE + ".enc"))
                .findFirst().orElseThrow();
        assertThat(created.actor().pid()).as("the file row's actor is the process that wrote").isEqualTo(5111);
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(16);
        List<FileOp> deletes = sink.fileOps(FileOpKind.DELETE);
        assertThat(deletes).hasSize(12);
        assertThat(deletes).allSatisfy(d -> assertThat(d.actor().pid()).isEqualTo(5140));
        assertThat(deletes.get(0).path()).isEqualTo(FIRST_FILE);
        List<FileOp> renames = sink.fileOps(FileOpKind.RENAME);
        assertThat(renames).hasSize(4);
        assertThat(renames.get(0).path()).isEqualTo("/var/log/syslog");
        assertThat(renames.get(0).targetPath()).isEqualTo("/var/log/syslog.1");
        assertThat(renames.get(1).path()).isEqualTo(FIRST_FILE + ".enc");
        assertThat(renames.get(1).targetPath()).isEqualTo(FIRST_FILE + ".enc.locked");
        assertThat(renames.get(1).actor().pid()).isEqualTo(5160);
        assertThat(sink.events).allSatisfy(e -> assertThat(e.host()).isEqualTo("fs-02"));
    }

    @Test
    void defenderAdvancedHuntingExportNamesTheInitiatingProcessOfEachFileRow() throws IOException {
        CollectingSink sink = importWithPickedMapping("csv/defender-advanced-hunting.csv", "defender-advanced-hunting");

        theChainIsThere(sink);
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.parse("2026-11-21T09:02:00.037Z"));
        ProcessExec openssl = exec(sink, 5111);
        assertThat(openssl.actor().exe()).isEqualTo("/usr/bin/openssl");
        assertThat(openssl.actor().credentials().user()).isEqualTo("carol");
        FileOp write = sink.fileOps(FileOpKind.WRITE).get(0);
        assertThat(write.path()).isEqualTo(FIRST_FILE + ".enc");
        assertThat(write.actor().ppid()).isEqualTo(5102);
        assertThat(write.actor().exe()).isEqualTo("/usr/bin/openssl");
        assertThat(sink.fileOps(FileOpKind.WRITE)).hasSize(12);
        assertThat(sink.events).hasSize(69);
    }

    @Test
    void falconExportFindsThePidOfFileRowsFromTheirContextProcessId() throws IOException {
        CollectingSink sink = importWithPickedMapping("csv/crowdstrike-falcon.csv", "crowdstrike-falcon");

        theChainIsThere(sink);
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.parse("2026-11-21T09:02:00.037Z"));
        assertThat(exec(sink, 5111).actor().credentials().uid()).isEqualTo(1002);
        assertThat(sink.ofType(ProcessExit.class)).hasSize(22);
        assertThat(sink.fileOps(FileOpKind.WRITE)).as("Falcon has no generic file-written event").isEmpty();
    }

    @Test
    void sentinelOneExportReadsTheTargetOfAProcessCreationAndTheSourceOfAFileEvent() throws IOException {
        CollectingSink sink = importWithPickedMapping("csv/sentinelone-deep-visibility.csv",
                "sentinelone-deep-visibility");

        theChainIsThere(sink);
        FileOp write = sink.fileOps(FileOpKind.WRITE).get(0);
        assertThat(write.actor().pid()).isEqualTo(5111);
        assertThat(write.actor().ppid()).isEqualTo(5102);
        assertThat(exec(sink, 5111).actor().exe()).isEqualTo("/usr/bin/openssl");
        assertThat(exec(sink, 5111).actor().credentials().user()).isEqualTo("carol");
    }

    @Test
    void aDefenderExportMissingItsActionColumnIsReportedWithTheClosestBuiltInAndWhatItLacks() {
        List<String> header = List.of("Timestamp", "DeviceName", "FileName", "FolderPath", "ProcessId",
                "ProcessCommandLine", "InitiatingProcessId", "InitiatingProcessCommandLine");
        assertThat(CsvMappings.bestFor(header)).isEmpty();

        String reason = CsvImporter.noFitReason(header);

        assertThat(reason).contains("Closest built-in: defender-advanced-hunting (8 of its columns present; missing: "
                + "ActionType, ReportId").contains("--csv-mapping FILE.yaml");
    }

    @Test
    void aFolderColumnAndANameColumnMakeOnePath() {
        assertThat(CsvImporter.inFolder("/var/log/", "syslog")).isEqualTo("/var/log/syslog");
        assertThat(CsvImporter.inFolder("/var/log", "syslog")).isEqualTo("/var/log/syslog");
        assertThat(CsvImporter.inFolder("/var/log/syslog", "syslog")).isEqualTo("/var/log/syslog");
        assertThat(CsvImporter.inFolder("C:\\Users\\a", "x.docx")).isEqualTo("C:\\Users\\a\\x.docx");
        assertThat(CsvImporter.inFolder("/var/log/syslog", null)).isEqualTo("/var/log/syslog");
    }
}
