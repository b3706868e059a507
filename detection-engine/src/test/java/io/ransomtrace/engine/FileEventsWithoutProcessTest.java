package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.Provenance;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File integrity monitoring (osquery's file_events, Auditbeat's file_integrity, an EDR's file table without process
 * columns) records what happened to files and names no process. A host's file events are then judged together: a
 * locker's encrypted copies, deleted originals and notes are still a campaign, said to be by an unnamed process (not
 * "pid -1"); an ingest job that copies each file to an archive and marks it done with a new suffix is not, because
 * the file of that name created elsewhere just before is an intact copy, as it is when the log names cp.
 */
class FileEventsWithoutProcessTest {
    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
    private final List<Event> events = new ArrayList<>();

    private void op(FileOpKind kind, String path, String target) {
        int n = events.size();
        events.add(new FileOp(1_000 + n, START.plusMillis(40L * n), "fs01", Actor.NONE, kind, path, target, 0, -1, true,
                -1, null, new Provenance(1, n + 1, n, null)));
    }

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    @Test
    void aLockerSeenOnlyByFileIntegrityMonitoringIsHighAndNamesNoPid() {
        for (int d = 0; d < 6; d++) {
            String dir = "/srv/share/dept" + d;
            op(FileOpKind.CREATE, dir + "/RESTORE-FILES.txt", null);
            for (int i = 0; i < 12; i++) {
                op(FileOpKind.CREATE, dir + "/report" + i + ".docx.lkd", null);
                op(FileOpKind.WRITE, dir + "/report" + i + ".docx.lkd", null);
                op(FileOpKind.DELETE, dir + "/report" + i + ".docx", null);
            }
        }
        Finding f = worst(Detector.run(events, Profile.defaults(), Allowlist.empty()));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.filesAffected()).isEqualTo(72);
        assertThat(f.title()).contains("by an unnamed process").doesNotContain("pid -1");
        assertThat(f.rootProcess().unnamed()).isTrue();
        assertThat(f.rootProcess().shownCommand()).contains("file events name none");
    }

    @Test
    void anIngestJobCopyingEachFileToAnArchiveThenMarkingItDoneStaysBelowMedium() {
        for (int d = 0; d < 12; d++) {
            for (int i = 0; i < 20; i++) {
                String name = "scan" + d + "-" + i + ".pdf";
                op(FileOpKind.CREATE, "/srv/archive/2026-12/" + name, null);
                op(FileOpKind.WRITE, "/srv/archive/2026-12/" + name, null);
                op(FileOpKind.RENAME, "/srv/inbox/desk" + d + "/" + name, "/srv/inbox/desk" + d + "/" + name + ".processed");
            }
        }
        List<Finding> findings = Detector.run(events, Profile.defaults(), Allowlist.empty());
        assertThat(findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).map(Finding::title).toList())
                .isEmpty();
    }

    @Test
    void theSameRenamesWithoutAnyCopyStillCount() {
        for (int d = 0; d < 12; d++) {
            for (int i = 0; i < 20; i++) {
                String name = "scan" + d + "-" + i + ".pdf";
                op(FileOpKind.WRITE, "/srv/inbox/desk" + d + "/" + name, null);
                op(FileOpKind.RENAME, "/srv/inbox/desk" + d + "/" + name, "/srv/inbox/desk" + d + "/" + name + ".processed");
            }
        }
        Finding f = worst(Detector.run(events, Profile.defaults(), Allowlist.empty()));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
    }
}
