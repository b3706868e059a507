package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.auditd.AuditdImporter;
import io.ransomtrace.importers.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorded openssl-over-find attack (real kernel audit output, sample case attack-openssl-find) transcoded
 * into ECS, Sysmon for Linux XML and osquery results, imported back with those importers: the processes, their
 * lineage and the file operations agree with the auditd import as far as each format can express them, and the
 * detector reaches the same verdict on the ECS stream as on the audit log.
 */
class RecordedAttackInEveryFormatTest {

    @TempDir
    Path tmp;

    private static Path recordedLog() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases/attack-openssl-find"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with sample-cases above the test's folder").isNotNull();
        return dir.resolve("sample-cases/cases/attack-openssl-find/audit.log");
    }

    /** What every format can carry: successful process starts and exits, and file operations on named paths. */
    private static List<Event> recordedAttack() throws IOException {
        CollectingSink sink = new CollectingSink();
        new AuditdImporter(Format.AUDITD_RAW).importSource(new SourceFile(1, recordedLog(), Format.AUDITD_RAW), sink);
        List<Event> out = new ArrayList<>();
        for (Event e : sink.events) {
            if (e instanceof ProcessExec x && x.success()
                    || e instanceof ProcessExit
                    || e instanceof FileOp f && f.success() && f.path() != null && f.kind().modifies()) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theRecordedAttackLooksTheSameInEveryFormat() throws IOException {
        List<Event> original = recordedAttack();
        assertThat(SameAttackInEveryFormatTest.processes(original)).hasSizeGreaterThan(200);
        SameAttackInEveryFormatTest.Transcoded back = SameAttackInEveryFormatTest.transcodeAndImport(tmp, original);
        List<Event> fromEcs = back.ecs();
        List<Event> fromSysmon = back.sysmon();
        List<Event> fromOsquery = back.osquery();

        var expected = SameAttackInEveryFormatTest.processes(original);
        assertThat(SameAttackInEveryFormatTest.processes(fromEcs)).isEqualTo(expected);
        // Sysmon for Linux and osquery's process_events carry the command line as one string: the importers split
        // it shell-style, so argument boundaries and literal quote characters inside arguments do not survive.
        assertThat(commandLines(fromSysmon)).isEqualTo(commandLines(original));
        assertThat(commandLines(fromOsquery)).isEqualTo(commandLines(original));
        var lineage = SameAttackInEveryFormatTest.lineage(original);
        assertThat(SameAttackInEveryFormatTest.lineage(fromEcs)).isEqualTo(lineage);
        assertThat(SameAttackInEveryFormatTest.lineage(fromSysmon)).isEqualTo(lineage);
        assertThat(SameAttackInEveryFormatTest.lineage(fromOsquery)).isEqualTo(lineage);

        assertThat(SameAttackInEveryFormatTest.fileOps(fromEcs, k -> true))
                .isEqualTo(SameAttackInEveryFormatTest.fileOps(original, k -> true));
        assertThat(SameAttackInEveryFormatTest.fileOps(fromOsquery, k -> true))
                .isEqualTo(SameAttackInEveryFormatTest.fileOps(original, OsqueryTranscoder::expressible));
        long creates = SameAttackInEveryFormatTest.fileOps(original, k -> k == FileOpKind.CREATE).size();
        assertThat(SameAttackInEveryFormatTest.fileOps(fromSysmon, k -> k == FileOpKind.CREATE)).hasSizeGreaterThanOrEqualTo((int) creates);

        Finding fromAudit = onlyCritical(original);
        Finding fromEcsFinding = onlyCritical(fromEcs);
        assertThat(fromEcsFinding.filesAffected()).isEqualTo(fromAudit.filesAffected()).isEqualTo(121);
        assertThat(fromEcsFinding.rootProcess().pid()).isEqualTo(fromAudit.rootProcess().pid());
        assertThat(fromEcsFinding.notes().count()).isEqualTo(fromAudit.notes().count());
        assertThat(fromEcsFinding.overwrite()).isEqualTo(fromAudit.overwrite());
    }

    private static List<String> commandLines(List<Event> events) {
        return events.stream().filter(ProcessExec.class::isInstance).map(ProcessExec.class::cast)
                .map(e -> e.actor().pid() + " " + e.actor().ppid() + " " + e.actor().exe() + " "
                        + e.commandLine().replace("\"", "").replace("'", "")).toList();
    }

    private static Finding onlyCritical(List<Event> events) {
        List<Finding> critical = Detector.run(events, Profile.defaults(), Allowlist.empty()).stream()
                .filter(f -> f.severity().name().equals("CRITICAL")).toList();
        assertThat(critical).hasSize(1);
        return critical.get(0);
    }
}
