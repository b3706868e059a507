package io.ransomtrace.importers.csv;

import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.edr.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CsvImporterTest {

    @TempDir
    Path tmp;

    static ImportStats read(CsvImporter importer, Path file, CollectingSink sink) throws IOException {
        ImportStats stats = importer.importSource(new SourceFile(9, file, Format.CSV), sink);
        assertThat(stats.invariantHolds()).as("count invariant %s", stats).isTrue();
        assertThat(stats.events()).isEqualTo(sink.events.size());
        assertThat(stats.recordsQuarantined()).isEqualTo(sink.quarantined.size());
        for (int i = 0; i < sink.events.size(); i++) {
            assertThat(sink.events.get(i).id()).isEqualTo(EventId.of(9, i));
        }
        return stats;
    }

    @Test
    void kibanaExportIsReadThroughTheBuiltInMappingItFits() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(new CsvImporter(), TestFiles.resource("csv/kibana-defend-export.csv"), sink);

        assertThat(stats.recordsRead()).isEqualTo(320);
        assertThat(stats.recordsQuarantined()).isEqualTo(3);
        assertThat(stats.recordsOther()).isEqualTo(2);
        assertThat(sink.ofType(ProcessExec.class)).hasSize(93);
        assertThat(sink.ofType(ProcessExit.class)).hasSize(89);
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(46);
        assertThat(sink.fileOps(FileOpKind.WRITE)).hasSize(40);
        assertThat(sink.fileOps(FileOpKind.DELETE)).hasSize(41);
        assertThat(sink.fileOps(FileOpKind.RENAME)).hasSize(6);

        ProcessExec first = (ProcessExec) sink.events.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-20T03:14:00.037Z"));
        assertThat(first.provenance().line()).isEqualTo(2);
        assertThat(first.provenance().nativeId()).isEqualTo("NkQ0000001");
        assertThat(first.actor().ppid()).isEqualTo(1999);
        FileOp rename = sink.fileOps(FileOpKind.RENAME).get(0);
        assertThat(rename.path()).isEqualTo("/srv/data/archive/backup_0.tar");
        assertThat(rename.targetPath()).isEqualTo("/srv/data/archive/backup_0.tar.locked");
        assertThat(sink.fileOps(FileOpKind.WRITE).get(0).contentHint().entropy()).isGreaterThan(7.9);

        ProcessExec quoted = sink.ofType(ProcessExec.class).stream().filter(e -> e.actor().pid() == 4100)
                .findFirst().orElseThrow();
        assertThat(quoted.argv()).containsExactly("sh", "-c", "echo a,b");
        ProcessExec multiLine = sink.ofType(ProcessExec.class).stream().filter(e -> e.actor().pid() == 4102)
                .findFirst().orElseThrow();
        assertThat(multiLine.argv()).containsExactly("sh", "-c", "printf x\ny");
        assertThat(multiLine.provenance().line()).isEqualTo(320);

        assertThat(sink.quarantined).extracting(QuarantinedRecord::line).containsExactly(318L, 319L, 322L);
        assertThat(sink.quarantined.get(0).reason()).contains("timestamp 'not a date'");
        assertThat(sink.quarantined.get(1).reason()).isEqualTo("row has 4 fields, the header 16");
        assertThat(sink.quarantined.get(2).reason()).isEqualTo("file operation file-delete without a path");
    }

    @Test
    void splunkSysmonExportIsReadThroughTheSysmonMapping() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(new CsvImporter(), TestFiles.resource("csv/splunk-sysmon-linux.csv"), sink);

        assertThat(stats.recordsRead()).isEqualTo(271);
        assertThat(stats.recordsQuarantined()).isEqualTo(2);
        assertThat(sink.ofType(ProcessExec.class)).hasSize(91);
        assertThat(sink.ofType(ProcessExit.class)).hasSize(89);
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(46);
        assertThat(sink.fileOps(FileOpKind.DELETE)).hasSize(41);
        assertThat(sink.ofType(OtherRecord.class)).extracting(OtherRecord::type).containsExactly("csv:3", "csv:3");
        ProcessExec bash = (ProcessExec) sink.events.get(0);
        assertThat(bash.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(bash.actor().entityId()).startsWith("{d65774de-");
        assertThat(bash.time()).isEqualTo(Instant.parse("2026-11-20T03:14:00.037Z"));
        assertThat(sink.quarantined.get(0).reason()).isEqualTo("file operation file-create without a path");
        assertThat(sink.quarantined.get(1).reason()).startsWith("quoted field not closed before the end of the file");
    }

    @Test
    void anExportNoMappingFitsIsReportedNotGuessed() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(new CsvImporter(), TestFiles.resource("csv/unknown-shape.csv"), sink);

        assertThat(sink.events).isEmpty();
        assertThat(stats.recordsRead()).isEqualTo(1);
        QuarantinedRecord q = sink.quarantined.get(0);
        assertThat(q.line()).isEqualTo(1);
        assertThat(q.reason()).startsWith("no built-in column mapping fits this header, so nothing was read")
                .contains("No built-in shares a column with it").contains("--csv-mapping FILE.yaml")
                .contains("kibana-ecs: ").contains("splunk-sysmon-linux: ")
                .contains("column '@timestamp' (for timestamp) is not in the header");
    }

    @Test
    void anExplicitMappingThatDoesNotFitSaysWhy() throws IOException {
        CsvMapping sysmon = CsvMappings.builtIns().get(1);
        CollectingSink sink = new CollectingSink();
        read(new CsvImporter(sysmon), TestFiles.resource("csv/kibana-defend-export.csv"), sink);

        assertThat(sink.events).isEmpty();
        assertThat(sink.quarantined.get(0).reason()).startsWith("mapping 'splunk-sysmon-linux' does not fit")
                .contains("column '_time' (for timestamp) is not in the header");
    }

    @Test
    void anAnalystsMappingWithAnotherDelimiterAndEpochTimes() throws Exception {
        Path file = tmp.resolve("edr.tsv");
        Files.writeString(file, "ts\tkind\tproc\tparent\timage\tobject\tnewname\n"
                + "1795144440123\tPROC\t10\t1\t/bin/sh\t\t\n"
                + "1795144441000\tREN\t10\t1\t/bin/mv\t/d/a\t/d/a.x\n"
                + "1795144442000\tLOGIN\t10\t1\t/bin/sh\t\t\n");
        CsvMapping mapping = CsvMapping.load(new java.io.StringReader("""
                name: my-edr
                delimiter: tab
                timestamp: {format: epoch-millis}
                columns: {timestamp: ts, action: kind, pid: proc, ppid: parent, executable: image, path: object,
                          target-path: newname}
                actions: {PROC: process-start, REN: file-rename}
                """));
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(new CsvImporter(mapping), file, sink);

        assertThat(stats.recordsRead()).isEqualTo(3);
        assertThat(sink.events.get(0).time()).isEqualTo(Instant.ofEpochMilli(1795144440123L));
        FileOp rename = (FileOp) sink.events.get(1);
        assertThat(rename.path()).isEqualTo("/d/a");
        assertThat(rename.targetPath()).isEqualTo("/d/a.x");
        assertThat(((OtherRecord) sink.events.get(2)).type()).isEqualTo("csv:LOGIN");
    }

    @Test
    void sniffsDelimitedTablesButNotJsonXmlOrAudit() throws IOException {
        assertThat(CsvImporter.looksLike(Files.readAllBytes(TestFiles.resource("csv/kibana-defend-export.csv")))).isTrue();
        assertThat(CsvImporter.looksLike(Files.readAllBytes(TestFiles.resource("csv/splunk-sysmon-linux.csv")))).isTrue();
        assertThat(CsvImporter.looksLike("a\tb\tc\n1\t2\t3\n".getBytes())).isTrue();
        assertThat(CsvImporter.looksLike(Files.readAllBytes(TestFiles.resource("ecs/elastic-defend-attack.ndjson")))).isFalse();
        assertThat(CsvImporter.looksLike(Files.readAllBytes(TestFiles.resource("sysmon/syslog-sysmon.log")))).isFalse();
        assertThat(CsvImporter.looksLike(Files.readAllBytes(TestFiles.resource("osquery/osqueryd.results.log")))).isFalse();
        assertThat(CsvImporter.looksLike("type=SYSCALL msg=audit(1.2:3): a=1,b=2,c=3\ntype=CWD a,b,c\n".getBytes())).isFalse();
    }
}
