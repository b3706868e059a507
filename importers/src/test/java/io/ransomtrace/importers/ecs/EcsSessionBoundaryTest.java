package io.ransomtrace.importers.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session boundaries in an Elastic Defend export, which carries no audit login uid: the session a process runs
 * in is its {@code process.entry_leader}, and a session entered through sshd, a terminal or the console has the
 * entry leader's user as its login user. An ssh session started under a root shell (a provisioning run) is
 * then rooted in the session, as in audit logs; a service's entry (type init) has no login user.
 */
class EcsSessionBoundaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Instant t = Instant.parse("2026-11-03T10:00:00Z");
    private long id;
    private final List<String> lines = new ArrayList<>();

    /** One Elastic Defend process or file document of {@code pid}, in the session entered by {@code entryPid}. */
    private ObjectNode doc(int pid, int ppid, String exe, long uid, String user, int entryPid, String entryType,
                           long entryUid, String entryUser) {
        t = t.plusMillis(5);
        ObjectNode d = JSON.createObjectNode();
        d.put("@timestamp", t.toString());
        d.putObject("host").put("name", "ws-erin");
        d.putObject("event").put("id", "e" + (++id));
        ObjectNode p = d.putObject("process");
        p.put("pid", pid);
        p.putObject("parent").put("pid", ppid);
        p.put("executable", exe);
        ObjectNode entry = p.putObject("entry_leader");
        entry.put("pid", entryPid);
        entry.putObject("entry_meta").put("type", entryType);
        entry.putObject("user").put("id", String.valueOf(entryUid)).put("name", entryUser);
        d.putObject("user").put("id", String.valueOf(uid)).put("name", user);
        return d;
    }

    private void exec(ObjectNode d, String... argv) {
        d.with("event").putArray("category").add("process");
        d.with("event").putArray("type").add("start");
        d.with("event").put("action", "exec");
        var args = d.with("process").putArray("args");
        for (String a : argv) {
            args.add(a);
        }
        lines.add(d.toString());
    }

    private void file(ObjectNode d, String action, String path, String originalPath) {
        d.with("event").putArray("category").add("file");
        d.with("event").put("action", action);
        d.putObject("file").put("path", path);
        if (originalPath != null) {
            d.with("file").with("Ext").with("original").put("path", originalPath);
        }
        lines.add(d.toString());
    }

    private List<Event> imported() throws IOException {
        Path f = tmp.resolve("defend.ndjson");
        Files.write(f, lines);
        CollectingSink sink = new CollectingSink();
        new EcsImporter().importSource(new SourceFile(1, f, Format.ECS_NDJSON), sink);
        assertThat(sink.quarantined).isEmpty();
        return sink.events;
    }

    /** A root provisioning shell (a service's entry) that opens an ssh session for erin, in which a locker runs. */
    private void sshSessionUnderARootShell(String sessionEntryType) {
        exec(doc(3000, 1, "/usr/bin/bash", 0, "root", 3000, "init", 0, "root"), "bash", "/root/provision.sh");
        exec(doc(3010, 3000, "/usr/bin/bash", 0, "root", 3000, "init", 0, "root"), "bash", "/root/stage2.sh");
        // sshd's child for erin's session execs her shell: the entry leader of a new session
        exec(doc(3050, 3010, "/usr/bin/bash", 1201, "erin", 3050, sessionEntryType, 1201, "erin"), "bash", "-c",
                "/home/erin/.cache/upd");
        exec(doc(3051, 3050, "/home/erin/.cache/upd", 1201, "erin", 3050, sessionEntryType, 1201, "erin"),
                "/home/erin/.cache/upd");
        for (int i = 0; i < 40; i++) {
            String f = "/home/erin/Documents/d" + (i % 4) + "/report" + i + ".odt";
            file(doc(3051, 3050, "/home/erin/.cache/upd", 1201, "erin", 3050, sessionEntryType, 1201, "erin"),
                    "overwrite", f, null);
            file(doc(3051, 3050, "/home/erin/.cache/upd", 1201, "erin", 3050, sessionEntryType, 1201, "erin"),
                    "rename", f + ".locked", f);
        }
    }

    private static Finding worst(List<Event> events) {
        return Detector.run(events, Profile.defaults(), Allowlist.empty()).stream()
                .max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    @Test
    void theEntryLeaderGivesSessionAndLoginUserWhenTheExportHasNoAuditIds() throws IOException {
        sshSessionUnderARootShell("sshd");
        List<Event> events = imported();
        Credentials erin = events.get(3).actor().credentials();
        assertThat(erin.session()).isEqualTo(3050);
        assertThat(erin.loginUid()).isEqualTo(1201);
        assertThat(erin.loginUser()).isEqualTo("erin");
        Credentials service = events.get(0).actor().credentials();
        assertThat(service.loginUid()).as("a service's entry is no login").isEqualTo(Credentials.UNSET);

        Finding f = worst(events);
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.rootProcess().exe()).isEqualTo("/home/erin/.cache/upd");
        assertThat(f.rootProcess().launchedBy()).isEqualTo("bash -c /home/erin/.cache/upd");
        assertThat(f.rootProcess().loginUser()).isEqualTo("erin");
    }

    /** The twin: the same chain inside the service's own session (no login): nothing to stop the walk. */
    @Test
    void withinOneServiceSessionTheWalkClimbsToTheServicesScript() throws IOException {
        exec(doc(3000, 1, "/usr/bin/bash", 0, "root", 3000, "init", 0, "root"), "bash", "/root/provision.sh");
        exec(doc(3010, 3000, "/usr/bin/bash", 0, "root", 3000, "init", 0, "root"), "bash", "/root/stage2.sh");
        exec(doc(3050, 3010, "/usr/bin/bash", 1201, "erin", 3000, "init", 0, "root"), "bash", "-c", "/home/erin/.cache/upd");
        exec(doc(3051, 3050, "/home/erin/.cache/upd", 1201, "erin", 3000, "init", 0, "root"), "/home/erin/.cache/upd");
        for (int i = 0; i < 40; i++) {
            String f = "/home/erin/Documents/d" + (i % 4) + "/report" + i + ".odt";
            file(doc(3051, 3050, "/home/erin/.cache/upd", 1201, "erin", 3000, "init", 0, "root"), "overwrite", f, null);
            file(doc(3051, 3050, "/home/erin/.cache/upd", 1201, "erin", 3000, "init", 0, "root"), "rename", f + ".locked", f);
        }
        Finding f = worst(imported());
        // the locker did the work of the campaign rooted at the provisioning script (docs/detections.md §1.3)
        assertThat(f.rootProcess().launchedBy()).isEqualTo("bash /root/provision.sh");
        assertThat(f.rootProcess().loginUid()).isNull();
    }
}
