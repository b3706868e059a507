package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.ecs.EcsImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export whose documents name no host (host fields dropped by the export, a Sysmon event without Computer, a CSV
 * mapping without a host column) is one host's, as an audit.log without node= is: its events are judged as host
 * "unknown", not silently skipped by the detector (which judges no event without a host).
 */
class HostlessExportTest {
    @TempDir
    Path tmp;

    @Test
    void anEcsExportWithoutHostFieldsStillGivesTheAttacksFinding() throws IOException {
        Path caseDir = RecordedCasesAsEcsTest.cases().filter(c -> c.endsWith("h1_ssh_sudo_openssl")).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        for (Event e : RecordedCasesAsEcsTest.importCase(caseDir)) {
            if (!(e instanceof io.ransomtrace.engine.model.FileOp op && op.path() == null)) {
                for (String l : EcsTranscoder.toLines(e)) {
                    lines.add(l.replaceAll("\"host\":\\{[^}]*\\},?", ""));
                }
            }
        }
        assertThat(lines).noneMatch(l -> l.contains("\"host\""));
        Path file = Files.write(tmp.resolve("export.ndjson"), lines);
        CollectingSink sink = new CollectingSink();
        new EcsImporter().importSource(new SourceFile(1, file, Format.ECS_NDJSON), sink);
        assertThat(sink.quarantined).isEmpty();

        List<Finding> findings = Detector.run(sink.events, Profile.defaults(), Allowlist.empty());
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
            assertThat(f.host()).isEqualTo("unknown");
            assertThat(f.filesAffected()).isEqualTo(81);
        });
    }
}
