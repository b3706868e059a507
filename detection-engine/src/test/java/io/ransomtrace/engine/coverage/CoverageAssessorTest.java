package io.ransomtrace.engine.coverage;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageAssessorTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Actor ALICE_SHELL = new Actor(100, 1, "/usr/bin/bash", "bash",
            new Credentials(1000, 1000, 1000, 1000, 3, null, null), null);

    private long serial = 500;

    private Provenance prov() {
        serial++;
        return new Provenance(1, serial, serial * 100, "1732788000.000:" + serial);
    }

    private ProcessExec exec(String... argv) {
        return new ProcessExec(serial, T0.plusSeconds(serial), "fs01", ALICE_SHELL, List.of(argv), false, "/home/alice",
                "pts0", null, true, prov());
    }

    private FileOp op(FileOpKind kind, String path) {
        return new FileOp(serial, T0.plusSeconds(serial), "fs01", ALICE_SHELL, kind, path, null, 0, -1, true, -1, null, prov());
    }

    private static CoverageCheck check(HostCoverage h, String id) {
        return h.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static HostCoverage assess(List<Event> events) {
        CoverageAssessor a = new CoverageAssessor();
        events.forEach(a::accept);
        List<HostCoverage> out = a.assess();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void execOnlyTelemetryIsRedForFilesWithTheReason() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(exec("openssl", "enc", "-aes-256-cbc", "-in", "f" + i));
        }
        HostCoverage h = assess(events);
        assertThat(check(h, "exec").status()).isEqualTo(CoverageStatus.GREEN);
        assertThat(check(h, "login-uid").status()).isEqualTo(CoverageStatus.GREEN);
        assertThat(check(h, "file-rename").status()).isEqualTo(CoverageStatus.RED);
        assertThat(check(h, "file-rename").explanation()).contains("detection relies on tool command lines only");
        assertThat(h.overall()).isEqualTo(CoverageStatus.RED);
    }

    @Test
    void fullTelemetryIsGreenWhereItMatters() {
        List<Event> events = new ArrayList<>();
        events.add(exec("bash", "run.sh"));
        for (String dir : List.of("/home/alice/docs/", "/srv/shares/finance/", "/var/www/html/", "/etc/app/")) {
            events.add(op(FileOpKind.CREATE, dir + "a.enc"));
            events.add(op(FileOpKind.WRITE, dir + "b.txt"));
            events.add(op(FileOpKind.TRUNCATE, dir + "c.txt"));
            events.add(op(FileOpKind.RENAME, dir + "d.txt"));
            events.add(op(FileOpKind.DELETE, dir + "a"));
        }
        HostCoverage h = assess(events);
        for (String id : List.of("exec", "parent", "login-uid", "file-create", "file-write", "file-truncate",
                "file-rename", "file-delete", "directories", "lost")) {
            assertThat(check(h, id).status()).as(id).isEqualTo(CoverageStatus.GREEN);
        }
        assertThat(check(h, "directories").measured()).contains("user homes", "/etc");
        assertThat(check(h, "content").status()).isEqualTo(CoverageStatus.AMBER);
    }

    @Test
    void fileTelemetryWithoutRenamesExplainsWhatCannotBeSeen() {
        List<Event> events = new ArrayList<>();
        events.add(exec("cp", "a", "b"));
        events.add(op(FileOpKind.CREATE, "/home/alice/b"));
        events.add(op(FileOpKind.DELETE, "/home/alice/a"));
        HostCoverage h = assess(events);
        assertThat(check(h, "file-rename").status()).isEqualTo(CoverageStatus.AMBER);
        assertThat(check(h, "file-rename").explanation()).contains("import the host's rules to know", "extension changes");
        assertThat(check(h, "file-delete").status()).isEqualTo(CoverageStatus.GREEN);
    }

    private OtherRecord rule(String line) {
        return new OtherRecord(serial, T0, "fs01", Actor.NONE, CoverageAssessor.AUDIT_RULE_TYPE, line, Map.of(), prov());
    }

    @Test
    void aKindMissingFromTheDataIsGreenWhenTheHostsRulesRecordIt() {
        List<Event> events = new ArrayList<>();
        events.add(exec("locker", "-e", ".locked"));
        events.add(op(FileOpKind.WRITE, "/home/alice/a.docx"));
        events.add(op(FileOpKind.RENAME, "/home/alice/a.docx"));
        RuleSetReviewer.recommendedRules().stream().filter(l -> l.startsWith("-a")).map(this::rule).forEach(events::add);
        HostCoverage h = assess(events);
        for (String id : List.of("file-truncate", "file-delete")) {
            assertThat(check(h, id).status()).as(id).isEqualTo(CoverageStatus.GREEN);
            assertThat(check(h, id).measured()).as(id).isEqualTo("0 of 2 file operations");
            assertThat(check(h, id).explanation()).as(id).contains("the host's audit rules record", "none happened in this data")
                    .doesNotContain("import the host's rules");
        }
        assertThat(check(h, "file-delete").explanation()).contains("-S unlink,unlinkat");
    }

    @Test
    void aKindMissingFromTheDataIsRedWhenTheHostsRulesLeaveItOut() {
        List<Event> events = new ArrayList<>();
        events.add(exec("cp", "a", "b"));
        events.add(op(FileOpKind.CREATE, "/home/alice/b"));
        events.add(rule("-a always,exit -F arch=b64 -S openat,creat -F key=write"));
        events.add(rule("-a always,exit -F arch=b32 -S openat,creat -F key=write"));
        events.add(rule("-w /srv/shares/ -p wa -k shares"));
        HostCoverage h = assess(events);
        assertThat(check(h, "file-create").status()).isEqualTo(CoverageStatus.GREEN);
        assertThat(check(h, "file-delete").status()).isEqualTo(CoverageStatus.AMBER);
        assertThat(check(h, "file-delete").explanation()).contains("only partly", "under /srv/shares/");
        assertThat(h.rules().needs()).filteredOn(n -> n.id().equals("truncate")).extracting(RuleNeed::status)
                .containsExactly(CoverageStatus.AMBER);
        events.remove(events.size() - 1);
        HostCoverage withoutWatch = assess(events);
        assertThat(check(withoutWatch, "file-rename").status()).isEqualTo(CoverageStatus.RED);
        assertThat(check(withoutWatch, "file-rename").explanation())
                .startsWith("the host's audit rules do not record renames").contains("extension changes");
    }

    private static final Actor ROOT_DAEMON = new Actor(300, 1, "/usr/local/bin/udisks-helperd", "udisks-helperd",
            new Credentials(0, 0, 0, Credentials.UNSET, Credentials.UNSET, null, null), null);

    private ProcessExec daemonExec(String... argv) {
        return new ProcessExec(serial, T0.plusSeconds(serial), "fs01", ROOT_DAEMON, List.of(argv), false, "/",
                null, null, true, prov());
    }

    @Test
    void noLoginUidWithNoLoginInTheLogIsNoGapToClose() {
        // a root daemon's run (auid unset throughout) and nothing else: no human to name, none missing
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(daemonExec("udisks-helperd", "/srv/nas"));
        }
        HostCoverage h = assess(events);
        assertThat(check(h, "login-uid").status()).isEqualTo(CoverageStatus.AMBER);
        assertThat(check(h, "login-uid").measured()).isEqualTo("0 of 5 process starts, and no login in the log");
    }

    @Test
    void noLoginUidAlthoughSomeoneLoggedInIsAGap() {
        List<Event> events = new ArrayList<>();
        events.add(new OtherRecord(serial, T0, "fs01", Actor.NONE, "USER_LOGIN", "op=login acct=\"alice\"", Map.of(),
                prov()));
        for (int i = 0; i < 5; i++) {
            events.add(daemonExec("bash", "-c", "backup"));
        }
        HostCoverage h = assess(events);
        assertThat(check(h, "login-uid").status()).isEqualTo(CoverageStatus.RED);
        assertThat(check(h, "login-uid").measured()).isEqualTo("0 of 5 process starts although the log shows 1 login");
    }

    @Test
    void serialGapsAreReportedAsPossibleLoss() {
        List<Event> events = new ArrayList<>();
        events.add(exec("ls"));
        serial += 40;
        events.add(exec("ls"));
        HostCoverage h = assess(events);
        assertThat(check(h, "lost").status()).isEqualTo(CoverageStatus.AMBER);
        assertThat(check(h, "lost").measured()).isEqualTo("40 audit serials missing in 1 gap");
    }

    /** h80 of the twentieth batch: a locker ran `auditctl -e 0` after its first folder, from deploy's session. */
    @Test
    void auditingTurnedOffFromALoginSessionIsAnAuditTrailCut() {
        List<Event> events = new ArrayList<>();
        events.add(exec("openssl"));
        events.add(new OtherRecord(9, T0, "fs01", Actor.NONE, "CONFIG_CHANGE", "CONFIG_CHANGE op=set auid=2060 res=1",
                Map.of("op", "set", "audit_enabled", "0", "old", "1", "auid", "2060", "ses", "311", "res", "1"), prov()));
        HostCoverage h = assess(events);
        assertThat(check(h, "audit-off").status()).isEqualTo(CoverageStatus.RED);
        assertThat(check(h, "audit-off").measured()).contains("auditctl -e 0", "login uid 2060");
    }

    /** The twin: auditd's own stop (no login uid) and a session turning auditing ON are no cut. */
    @Test
    void auditdStoppingWithoutALoginUidIsNoCut() {
        List<Event> events = new ArrayList<>();
        events.add(exec("ls"));
        events.add(new OtherRecord(9, T0, "fs01", Actor.NONE, "CONFIG_CHANGE", "CONFIG_CHANGE op=set",
                Map.of("op", "set", "audit_enabled", "0", "old", "1", "auid", "4294967295", "res", "1"), prov()));
        events.add(new OtherRecord(10, T0, "fs01", Actor.NONE, "CONFIG_CHANGE", "CONFIG_CHANGE op=set",
                Map.of("op", "set", "audit_enabled", "1", "old", "0", "auid", "2060", "res", "1"), prov()));
        HostCoverage h = assess(events);
        assertThat(h.checks()).noneMatch(c -> c.id().equals("audit-off"));
    }

    @Test
    void lostCountersFromTheAuditSystemAreRed() {
        List<Event> events = new ArrayList<>();
        events.add(exec("ls"));
        events.add(new OtherRecord(9, T0, "fs01", Actor.NONE, "DAEMON_ROTATE", "audit status", Map.of("lost", "1234"), prov()));
        HostCoverage h = assess(events);
        assertThat(check(h, "lost").status()).isEqualTo(CoverageStatus.RED);
        assertThat(check(h, "lost").measured()).contains("1234 lost events");
    }

    @Test
    void aRuleSetImportedWithoutHostAppliesToTheHost() {
        CoverageAssessor a = new CoverageAssessor();
        a.accept(exec("ls"));
        a.accept(new OtherRecord(1, T0, CoverageAssessor.ANY_HOST, Actor.NONE, CoverageAssessor.AUDIT_RULE_TYPE,
                "-a always,exit -F arch=b64 -S execve -k exec", Map.of(), new Provenance(2, 1, 0, null)));
        List<HostCoverage> out = a.assess();
        assertThat(out).extracting(HostCoverage::host).containsExactly("fs01");
        assertThat(out.get(0).rules()).isNotNull();
        assertThat(out.get(0).rules().status()).isEqualTo(CoverageStatus.RED);
    }

    @Test
    void auditSerialIsReadFromTheEventId() {
        assertThat(CoverageAssessor.auditSerial("1732788000.123:4567")).isEqualTo(4567);
        assertThat(CoverageAssessor.auditSerial("evt-42")).isEqualTo(-1);
        assertThat(CoverageAssessor.auditSerial(null)).isEqualTo(-1);
    }
}
