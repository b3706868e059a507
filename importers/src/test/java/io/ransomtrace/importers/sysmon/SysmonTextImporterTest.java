package io.ransomtrace.importers.sysmon;

import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Sniffer;
import io.ransomtrace.importers.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sysmon for Linux as {@code sysmonLogView} prints it (what its README has people run over /var/log/syslog, and what
 * gets saved as "the Sysmon export"): read as the XML would be, the all-zero GUID of a process Sysmon did not see
 * start taken as no id, and lines that are no event kept in the import errors with their line numbers.
 */
class SysmonTextImporterTest {
    private static final String LOG = String.join("\n",
            "Event SYSMONEVENT_SERVICE_STATE_CHANGE",
            "\tUtcTime: 2026-03-02 09:14:00.101",
            "\tState: Started",
            "\tVersion: 1.3.3",
            "\tSchemaVersion: 4.81",
            "Event SYSMONEVENT_CREATE_PROCESS",
            "\tRuleName: -",
            "\tUtcTime: 2026-03-02 09:14:05.250",
            "\tProcessGuid: {5c1e2a77-4d1b-67c4-b0f1-2a6d5e010000}",
            "\tProcessId: 4410",
            "\tImage: /usr/bin/openssl",
            "\tFileVersion: -",
            "\tCommandLine: openssl enc -aes-256-cbc -pbkdf2 -pass pass:k -in /srv/data/q1.xlsx -out /srv/data/q1.xlsx.enc",
            "\tCurrentDirectory: /srv/data",
            "\tUser: nadia",
            "\tLogonGuid: {5c1e2a77-0000-0000-e903-000001000000}",
            "\tLogonId: 1001",
            "\tTerminalSessionId: 7",
            "\tIntegrityLevel: no level",
            "\tHashes: -",
            "\tParentProcessGuid: {00000000-0000-0000-0000-000000000000}",
            "\tParentProcessId: 4402",
            "\tParentImage: -",
            "\tParentCommandLine: -",
            "\tParentUser: -",
            "Event SYSMONEVENT_FILE_CREATE",
            "\tRuleName: -",
            "\tUtcTime: 2026-03-02 09:14:05.262",
            "\tProcessGuid: {00000000-0000-0000-0000-000000000000}",
            "\tProcessId: 4410",
            "\tImage: /usr/bin/openssl",
            "\tTargetFilename: /srv/data/q1 (final).xlsx.enc",
            "\tCreationUtcTime: 2026-03-02 09:14:05.262",
            "\tUser: nadia",
            "garbage that is no event",
            "Event SYSMONEVENT_FILE_DELETE",
            "\tRuleName: -",
            "\tUtcTime: 2026-03-02 09:14:05.270",
            "\tProcessGuid: {00000000-0000-0000-0000-000000000000}",
            "\tProcessId: 4411",
            "\tUser: nadia",
            "\tImage: /usr/bin/rm",
            "\tTargetFilename: /srv/data/q1 (final).xlsx",
            "\tHashes: -",
            "\tIsExecutable: -",
            "\tArchived: -",
            "Event SYSMONEVENT_PROCESS_TERMINATE",
            "\tRuleName: -",
            "\tUtcTime: 2026-03-02 09:14:05.280",
            "\tProcessGuid: {5c1e2a77-4d1b-67c4-b0f1-2a6d5e010000}",
            "\tProcessId: 4410",
            "\tImage: /usr/bin/openssl",
            "\tUser: nadia",
            "Event SYSMONEVENT_SOMETHING_NEW",
            "\tUtcTime: 2026-03-02 09:14:06.000",
            "\tDetail: a record type this build does not know",
            "Event SYSMONEVENT_FILE_CREATE",
            "\tRuleName: -",
            "\tProcessId: 4410",
            "\tTargetFilename: /srv/data/no-time.txt",
            "");

    @TempDir
    Path dir;

    @Test
    void readsEveryEventAsTheXmlWouldAndKeepsWhatIsNoEvent() throws IOException {
        Path file = dir.resolve("sysmon.txt");
        Files.writeString(file, LOG);
        assertThat(Sniffer.sniff(file)).isEqualTo(Format.SYSMON_TEXT);

        CollectingSink sink = new CollectingSink();
        ImportStats stats = new SysmonTextImporter().importSource(new SourceFile(3, file, Format.SYSMON_TEXT), sink);

        ProcessExec exec = sink.of(ProcessExec.class).get(0);
        assertThat(exec.argv()).containsExactly("openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:k", "-in",
                "/srv/data/q1.xlsx", "-out", "/srv/data/q1.xlsx.enc");
        assertThat(exec.cwd()).isEqualTo("/srv/data");
        assertThat(exec.actor().pid()).isEqualTo(4410);
        assertThat(exec.actor().ppid()).isEqualTo(4402);
        assertThat(exec.actor().credentials().user()).isEqualTo("nadia");
        assertThat(exec.actor().credentials().loginUid()).isEqualTo(1001);
        assertThat(exec.actor().credentials().session()).isEqualTo(7);
        assertThat(exec.parentEntityId()).as("the all-zero GUID names no parent").isNull();
        assertThat(exec.provenance().line()).isEqualTo(6);

        assertThat(sink.fileOps(FileOpKind.CREATE)).extracting(FileOp::path).containsExactly("/srv/data/q1 (final).xlsx.enc");
        FileOp delete = sink.fileOps(FileOpKind.DELETE).get(0);
        assertThat(delete.path()).isEqualTo("/srv/data/q1 (final).xlsx");
        assertThat(delete.actor().pid()).isEqualTo(4411);
        assertThat(delete.actor().entityId()).as("the all-zero GUID is no id").isNull();
        assertThat(sink.of(ProcessExit.class)).hasSize(1);
        assertThat(sink.of(OtherRecord.class)).hasSize(2); // the service state change and the unknown event name

        assertThat(sink.quarantined).extracting(q -> q.line()).containsExactly(35L, 57L);
        assertThat(sink.quarantined.get(0).reason()).contains("not a sysmonLogView event line");
        assertThat(sink.quarantined.get(1).reason()).contains("no readable UtcTime");
        assertThat(stats.recordsRead()).isEqualTo(stats.recordsQuarantined() + 6);
    }

    @Test
    void theXmlSniffIsNotTakenForText() throws IOException {
        Path file = dir.resolve("sysmon.xml");
        Files.writeString(file, "<Event><System><Provider Name=\"Linux-Sysmon\"/><EventID>1</EventID></System>"
                + "<EventData><Data Name=\"ProcessId\">1</Data></EventData></Event>\n");
        assertThat(Sniffer.sniff(file)).isEqualTo(Format.SYSMON_XML);
    }
}
