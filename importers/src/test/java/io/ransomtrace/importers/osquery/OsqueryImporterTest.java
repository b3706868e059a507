package io.ransomtrace.importers.osquery;

import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
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

class OsqueryImporterTest {

    @TempDir
    Path tmp;

    static ImportStats read(Path file, CollectingSink sink) throws IOException {
        ImportStats stats = new OsqueryImporter().importSource(new SourceFile(5, file, Format.OSQUERY), sink);
        assertThat(stats.invariantHolds()).as("count invariant %s", stats).isTrue();
        assertThat(stats.events()).isEqualTo(sink.events.size());
        assertThat(stats.recordsQuarantined()).isEqualTo(sink.quarantined.size());
        for (int i = 0; i < sink.events.size(); i++) {
            assertThat(sink.events.get(i).id()).isEqualTo(EventId.of(5, i));
        }
        return stats;
    }

    @Test
    void resultsLogGivesExecsFileOpsAndPairedRenames() throws IOException {
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(TestFiles.resource("osquery/osqueryd.results.log"), sink);

        // 91 execs + 127 file rows + 6 move pairs (12 rows) + 2 listening_ports + 2 snapshot + 2 diff rows + 5 broken
        assertThat(stats.recordsRead()).isEqualTo(241);
        assertThat(stats.recordsQuarantined()).isEqualTo(5);
        assertThat(stats.recordsOther()).isEqualTo(5);
        assertThat(stats.host()).isEqualTo("web-01");
        assertThat(sink.ofType(ProcessExec.class)).hasSize(91);
        assertThat(sink.fileOps(FileOpKind.CREATE)).hasSize(46);
        assertThat(sink.fileOps(FileOpKind.WRITE)).hasSize(41);
        assertThat(sink.fileOps(FileOpKind.DELETE)).hasSize(41);
        assertThat(sink.fileOps(FileOpKind.RENAME)).hasSize(6).allSatisfy(r ->
                assertThat(r.targetPath()).isEqualTo(r.path() + ".locked"));
        assertThat(stats.recordTypeCounts()).containsEntry("osquery:file_events", 139L);

        ProcessExec viaAudit = sink.ofType(ProcessExec.class).stream().filter(e -> e.actor().pid() == 2002)
                .findFirst().orElseThrow();
        assertThat(viaAudit.argv()).containsExactly("df", "-h");
        assertThat(viaAudit.actor().ppid()).isEqualTo(2001);
        assertThat(viaAudit.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(viaAudit.cwd()).isEqualTo("/home/alice");
        assertThat(viaAudit.argvTruncated()).isFalse();
        ProcessExec viaBpf = sink.ofType(ProcessExec.class).stream().filter(e -> e.actor().pid() == 3201)
                .findFirst().orElseThrow();
        assertThat(viaBpf.argv()).hasSize(10).contains("/srv/data/finance/report_00.xlsx");
        assertThat(viaBpf.actor().exe()).isEqualTo("/usr/bin/openssl");
        assertThat(viaBpf.time()).isEqualTo(Instant.ofEpochSecond(viaBpf.time().getEpochSecond()));
        assertThat(viaBpf.provenance().nativeId()).startsWith("bpf_process_events:");

        FileOp rename = sink.fileOps(FileOpKind.RENAME).get(0);
        assertThat(rename.path()).isEqualTo("/srv/data/archive/backup_0.tar");
        assertThat(rename.provenance().line()).isLessThan(sink.events.size() + 10);

        assertThat(sink.ofType(OtherRecord.class)).extracting(OtherRecord::type).containsExactlyInAnyOrder(
                "osquery:listening_ports", "osquery:listening_ports", "osquery:processes_snapshot",
                "osquery:processes_snapshot", "osquery:pack_fim_file_events:removed");
        assertThat(sink.quarantined).extracting(QuarantinedRecord::reason).containsExactly(
                sink.quarantined.get(0).reason(),
                "osquery process_events row without a numeric pid",
                "osquery file_events row without target_path",
                "osquery result line without columns, snapshot or diffResults",
                "not an osquery result object");
        assertThat(sink.quarantined.get(0).reason()).startsWith("not valid JSON");
    }

    /**
     * osquery's audit-based FIM ({@code process_file_events}, audit_allow_fim_events) names the process of each file
     * change: a locker's in-place rewrites and renames are its, and the finding names it and the human behind it.
     */
    @Test
    void processFileEventsAreTheProcesssFileOperations() throws IOException {
        StringBuilder log = new StringBuilder();
        long t = 1795000100;
        log.append("{\"name\":\"pack_ir_process_events\",\"hostIdentifier\":\"fs09\",\"unixTime\":").append(t)
                .append(",\"columns\":{\"pid\":\"7001\",\"parent\":\"6990\",\"path\":\"/var/tmp/.x/lk\",")
                .append("\"cmdline\":\"/var/tmp/.x/lk /srv/share\",\"cwd\":\"/home/erik\",\"uid\":\"1004\",")
                .append("\"euid\":\"1004\",\"gid\":\"1004\",\"auid\":\"1004\",\"syscall\":\"execve\",\"time\":\"")
                .append(t).append("\"},\"action\":\"added\"}\n");
        for (int i = 0; i < 30; i++) {
            String f = "/srv/share/d" + (i % 5) + "/doc" + i + ".odt";
            for (String[] op : new String[][]{{"open+truncate", f, ""}, {"write", f, ""}, {"rename", f, f + ".lkd"}, {"read", f + ".lkd", ""}}) {
                log.append("{\"name\":\"pack_fim_process_file_events\",\"hostIdentifier\":\"fs09\",\"unixTime\":")
                        .append(t + 1 + i).append(",\"columns\":{\"operation\":\"").append(op[0]).append("\",\"pid\":\"7001\",")
                        .append("\"ppid\":\"6990\",\"time\":\"").append(t + 1 + i).append("\",\"executable\":\"/var/tmp/.x/lk\",")
                        .append("\"partial\":\"false\",\"cwd\":\"/home/erik\",\"path\":\"").append(op[1])
                        .append("\",\"dest_path\":\"").append(op[2]).append("\",\"uid\":\"1004\",\"gid\":\"1004\",")
                        .append("\"auid\":\"1004\",\"euid\":\"1004\",\"egid\":\"1004\",\"fsuid\":\"1004\",")
                        .append("\"fsgid\":\"1004\",\"suid\":\"1004\",\"sgid\":\"1004\",\"uptime\":\"9000\"},")
                        .append("\"action\":\"added\"}\n");
            }
        }
        Path file = tmp.resolve("osqueryd.results.log");
        Files.writeString(file, log);
        CollectingSink sink = new CollectingSink();
        read(file, sink);

        assertThat(sink.fileOps(FileOpKind.RENAME)).hasSize(30).allSatisfy(r -> {
            assertThat(r.targetPath()).endsWith(".lkd");
            assertThat(r.actor().pid()).isEqualTo(7001);
            assertThat(r.actor().exe()).isEqualTo("/var/tmp/.x/lk");
            assertThat(r.actor().credentials().loginUid()).isEqualTo(1004);
        });
        assertThat(sink.fileOps(FileOpKind.TRUNCATE)).hasSize(30);
        assertThat(sink.fileOps(FileOpKind.WRITE)).hasSize(30);
        assertThat(sink.of(OtherRecord.class)).hasSize(30); // the reads are accesses, kept

        var findings = io.ransomtrace.engine.Detector.run(sink.events, io.ransomtrace.engine.profile.Profile.defaults(),
                io.ransomtrace.engine.profile.Allowlist.empty());
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.severity().atLeast(io.ransomtrace.engine.finding.Severity.HIGH)).isTrue();
            assertThat(f.filesAffected()).isEqualTo(30);
            assertThat(f.rootProcess().exe()).isEqualTo("/var/tmp/.x/lk");
            assertThat(f.rootProcess().loginUid()).isEqualTo(1004L);
        });
    }

    @Test
    void unpairedMovesStillBecomeEvents() throws IOException {
        Path file = tmp.resolve("moves.log");
        Files.writeString(file, """
                {"name":"file_events","hostIdentifier":"h","unixTime":1795000000,"columns":{"target_path":"/a/out","action":"MOVED_FROM","transaction_id":"9","time":"1795000000"},"action":"added"}
                {"name":"file_events","hostIdentifier":"h","unixTime":1795000001,"columns":{"target_path":"/a/in","action":"MOVED_TO","transaction_id":"10","time":"1795000001"},"action":"added"}
                {"name":"file_events","hostIdentifier":"h","unixTime":1795000002,"columns":{"target_path":"/a/x","action":"ACCESSED","transaction_id":"0","time":"1795000002"},"action":"added"}
                """);
        CollectingSink sink = new CollectingSink();
        ImportStats stats = read(file, sink);

        assertThat(stats.recordsRead()).isEqualTo(3);
        assertThat(sink.events).hasSize(3);
        FileOp created = (FileOp) sink.events.get(0);
        assertThat(created.kind()).isEqualTo(FileOpKind.CREATE);
        assertThat(created.path()).isEqualTo("/a/in");
        assertThat(sink.events.get(1)).isInstanceOf(OtherRecord.class);
        FileOp movedOut = (FileOp) sink.events.get(2);
        assertThat(movedOut.kind()).isEqualTo(FileOpKind.RENAME);
        assertThat(movedOut.path()).isEqualTo("/a/out");
        assertThat(movedOut.targetPath()).isNull();
        assertThat(movedOut.provenance().line()).isEqualTo(1);
    }

    @Test
    void sniffsOsqueryOnly() throws IOException {
        assertThat(OsqueryImporter.looksLike(head("osquery/osqueryd.results.log"))).isTrue();
        assertThat(OsqueryImporter.looksLike(head("ecs/elastic-defend-attack.ndjson"))).isFalse();
        assertThat(OsqueryImporter.looksLike(head("sysmon/syslog-sysmon.log"))).isFalse();
        assertThat(OsqueryImporter.looksLike(head("csv/kibana-defend-export.csv"))).isFalse();
    }

    private static byte[] head(String resource) throws IOException {
        byte[] all = Files.readAllBytes(TestFiles.resource(resource));
        return java.util.Arrays.copyOf(all, Math.min(all.length, 8192));
    }
}
