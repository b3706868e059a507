package io.ransomtrace.engine.process;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a process's campaign belongs to, built the way the detector builds it. */
class CampaignRootTest {

    private final ProcessLru lru = new ProcessLru(100_000);
    private final ProcessTable table = new ProcessTable(new ProcessClassifier(Profile.defaults()), 10_000, lru);

    /** Replays events into the table; returns the process of the last event. */
    private ProcessInfo replay(List<Event> events) {
        ProcessInfo last = null;
        for (Event e : events) {
            long t = e.time().toEpochMilli();
            if (e instanceof ProcessExec x) {
                last = table.onExec(x, t);
            } else if (e instanceof ProcessExit x) {
                table.onExit(x, t);
            } else if (e instanceof FileOp op) {
                last = table.forActor(op.actor(), t, op.id());
            }
        }
        return last;
    }

    @Test
    void scriptFindShellToolIsOneCampaignRootedAtTheScript() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.spawn("/usr/bin/bash", "bash", "run.sh");
        Proc find = script.spawn("/usr/bin/find", "find", ".", "-exec", "sh", "-c", "x", "{}", ";");
        Proc sh = find.spawn("/usr/bin/sh", "sh", "-c", "openssl enc -aes-256-cbc -in a -out a.enc");
        Proc openssl = sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-in", "a", "-out", "a.enc");
        openssl.create("/home/alice/a.enc");
        ProcessInfo p = replay(t.events());
        assertThat(p.exeName()).isEqualTo("openssl");
        assertThat(table.rootOf(p).commandLine()).isEqualTo("bash run.sh");
    }

    @Test
    void sudoIsSkippedAndTheLoginUidIsKept() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.sudo("/usr/bin/bash", "bash", "/tmp/x.sh");
        script.spawn("/usr/bin/gpg", "gpg", "-c", "f").create("/srv/f.gpg");
        ProcessInfo root = table.rootOf(replay(t.events()));
        assertThat(root.commandLine()).isEqualTo("bash /tmp/x.sh");
        assertThat(root.credentials().uid()).isZero();
        assertThat(root.credentials().loginUid()).isEqualTo(1000);
    }

    @Test
    void toolsTypedAtThePromptBelongToTheSessionButProgramsAreTheirOwnRoots() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("bob", 1001);
        Proc rm = login.spawn("/usr/bin/rm", "rm", "a");
        rm.delete("/home/bob/a");
        ProcessInfo rmInfo = replay(t.events());
        assertThat(table.rootOf(rmInfo).commandLine()).isEqualTo("-bash");

        Proc locker = login.spawn("/home/bob/locker", "./locker");
        locker.create("/home/bob/x.locked");
        ProcessInfo lockerInfo = replay(t.events().subList(t.events().size() - 2, t.events().size()));
        assertThat(table.rootOf(lockerInfo).exe()).isEqualTo("/home/bob/locker");
    }

    @Test
    void servicesStopTheWalk() {
        Trail t = new Trail("h");
        Proc cron = t.service("/usr/sbin/cron");
        Proc sh = cron.spawn("/bin/sh", "sh", "-c", "/usr/local/bin/backup.sh");
        sh.spawn("/usr/bin/tar", "tar", "czf", "/b/x.tgz", "/srv").create("/b/x.tgz");
        ProcessInfo root = table.rootOf(replay(t.events()));
        assertThat(root.commandLine()).isEqualTo("sh -c /usr/local/bin/backup.sh");
    }

    @Test
    void forkedSubshellsWithoutExecInheritTheLineage() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.spawn("/usr/bin/bash", "bash", "enc.sh");
        Proc subshell = script.fork();
        subshell.create("/srv/a/README_DECRYPT.txt"); // `echo ... > note` in a ( ... ) subshell
        ProcessInfo p = replay(t.events());
        assertThat(p.argvKnown()).isFalse();
        assertThat(table.rootOf(p).commandLine()).isEqualTo("bash enc.sh");
    }

    @Test
    void processesThatStartedBeforeTheLogAreKnownByTheirActorFields() {
        Credentials c = new Credentials(1000, 1000, 1000, 1000, 3, "alice", "alice");
        Actor worker = new Actor(4242, 4000, "/opt/app/bin/worker", "worker", c, null);
        ProcessInfo p = table.forActor(worker, 1_000, 1);
        assertThat(p.exe()).isEqualTo("/opt/app/bin/worker");
        assertThat(table.rootOf(p)).isSameAs(p);
        Actor sibling = new Actor(4243, 4000, "/opt/app/bin/worker", "worker", c, null);
        assertThat(table.rootOf(table.forActor(sibling, 1_001, 2))).isNotSameAs(p);
    }

    @Test
    void aReusedPidIsANewProcess() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("alice", 1000);
        Proc first = login.spawn("/usr/bin/gpg", "gpg", "-c", "a");
        first.exit();
        List<Event> events = t.events();
        replay(events);
        ProcessInfo old = table.forActor(new Actor(first.pid(), 999, "/usr/bin/gpg", "gpg", Credentials.UNKNOWN, null),
                events.get(events.size() - 1).time().toEpochMilli(), 0);
        // the same pid exec'd again much later under another parent
        ProcessExec again = new ProcessExec(99, events.get(0).time().plusSeconds(3600), "h",
                new Actor(first.pid(), 1, "/usr/sbin/nginx", "nginx", Credentials.UNKNOWN, null), List.of("nginx"), false,
                "/", null, null, true, null);
        table.evictExited(again.time().toEpochMilli());
        ProcessInfo fresh = table.onExec(again, again.time().toEpochMilli());
        assertThat(fresh).isNotSameAs(old);
        assertThat(fresh.exeName()).isEqualTo("nginx");
        assertThat(old.exeName()).isEqualTo("gpg");
    }

    @Test
    void execInTheSameProcessKeepsItsLineage() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.spawn("/usr/bin/bash", "bash", "run.sh");
        Proc sh = script.spawn("/bin/sh", "sh", "-c", "exec openssl enc -aes-256-cbc -in a -out a.enc");
        sh.exec("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-in", "a", "-out", "a.enc");
        sh.create("/srv/a.enc");
        ProcessInfo p = replay(t.events());
        assertThat(p.exeName()).isEqualTo("openssl");
        assertThat(table.rootOf(p).commandLine()).isEqualTo("bash run.sh");
    }

    @Test
    void exitedProcessesAreForgottenAfterTheGracePeriodAndIdleOnesAfterTheTimeout() {
        Trail t = new Trail("h");
        Proc login = t.sshLogin("alice", 1000);
        for (int i = 0; i < 500; i++) {
            login.spawn("/usr/bin/ls", "ls").exit();
        }
        List<Event> events = t.events();
        replay(events);
        long end = events.get(events.size() - 1).time().toEpochMilli();
        table.evictExited(end + 11_000);
        assertThat(table.size()).isLessThanOrEqualTo(2); // the login shell (and sshd stub) remain
        lru.forgetIdle(end + 3_700_000 - 3_600_000);
        assertThat(table.size()).isZero();
    }
}
