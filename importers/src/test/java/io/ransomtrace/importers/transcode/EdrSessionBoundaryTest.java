package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login session as Sysmon for Linux reports it ({@code LogonId}: the audit login uid): a root provisioning
 * script (no login uid) that opens a session for erin (login uid 1105), in which a locker runs. Through the
 * Sysmon export the campaign is rooted in erin's session and names her login uid, not the root script. (osquery's
 * {@code process_events} carry {@code auid} the same way, but its {@code file_events} name no process, so an
 * osquery export cannot attribute file changes to a session at all.)
 */
class EdrSessionBoundaryTest {

    @TempDir
    Path tmp;

    private final List<Event> events = new ArrayList<>();
    private Instant t = Instant.parse("2026-11-04T08:00:00Z");

    private Actor actor(int pid, int ppid, String exe, long uid, long auid) {
        return new Actor(pid, ppid, exe, null, new Credentials(uid, uid, uid, auid, Credentials.UNSET,
                uid == 0 ? "root" : "erin", null), null);
    }

    private void exec(int pid, int ppid, String exe, long uid, long auid, String... argv) {
        t = t.plusMillis(3);
        events.add(new ProcessExec(EventId.of(1, events.size()), t, "nas05", actor(pid, ppid, exe, uid, auid), List.of(argv),
                false, "/", null, null, true, null));
    }

    private void file(int pid, int ppid, String exe, FileOpKind kind, String path, String target) {
        t = t.plusMillis(3);
        events.add(new FileOp(EventId.of(1, events.size()), t, "nas05", actor(pid, ppid, exe, 1105, 1105), kind, path, target,
                kind == FileOpKind.CREATE ? OpenFlags.O_WRONLY | OpenFlags.O_CREAT : 0, 0644, true, -1, null, null));
    }

    /** The locker's creates of X.lk and deletes of X: what Sysmon (11, 26) and osquery both express. */
    private List<Event> sessionUnderARootScript() {
        exec(3000, 1, "/usr/bin/bash", 0, Credentials.UNSET, "bash", "/root/provision.sh");
        exec(3010, 3000, "/usr/bin/bash", 0, Credentials.UNSET, "bash", "/root/stage2.sh");
        exec(3050, 3010, "/usr/bin/bash", 1105, 1105, "bash", "-c", "/home/erin/.cache/upd");
        exec(3051, 3050, "/home/erin/.cache/upd", 1105, 1105, "/home/erin/.cache/upd");
        for (int i = 0; i < 40; i++) {
            String f = "/volume1/Documents/d" + (i % 4) + "/report" + i + ".odt";
            file(3051, 3050, "/home/erin/.cache/upd", FileOpKind.CREATE, f + ".lk", null);
            file(3051, 3050, "/home/erin/.cache/upd", FileOpKind.DELETE, f, null);
        }
        return events;
    }

    private static Finding worst(List<Event> events) {
        return Detector.run(events, Profile.defaults(), Allowlist.empty()).stream()
                .max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    @Test
    void sysmonLogonIdBoundsTheCampaignToTheSession() throws IOException {
        List<Event> back = SameAttackInEveryFormatTest.transcodeAndImport(tmp, sessionUnderARootScript()).sysmon();
        Finding f = worst(back);
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.rootProcess().loginUid()).isEqualTo(1105L);
        assertThat(f.rootProcess().commandLine()).doesNotContain("provision.sh");
        assertThat(f.rootProcess().launchedBy()).doesNotContain("provision.sh");
    }
}
