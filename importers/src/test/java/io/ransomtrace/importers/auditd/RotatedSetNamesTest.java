package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login recorded in the older file of a rotated set (audit.log.1) names the session's processes in the newer
 * one (audit.log) when both are read in one run, as `scan DIR` and an import of the folder read them.
 */
class RotatedSetNamesTest {
    @TempDir
    Path dir;

    /** audit.log.1: sshd gives session 284 login uid 1101 (LOGIN) and PAM opens it for alice (USER_START). */
    private static final String OLDER = "type=SYSCALL msg=audit(1764324001.000:2): arch=c000003e syscall=1 success=yes "
            + "exit=4 a0=8 a1=2 a2=4 a3=0 items=0 ppid=20600 pid=20614 auid=1101 uid=0 gid=0 euid=0 suid=0 fsuid=0 "
            + "egid=0 sgid=0 fsgid=0 tty=(none) ses=284 comm=\"sshd\" exe=\"/usr/sbin/sshd\" key=(null)\n"
            + "type=LOGIN msg=audit(1764324001.000:2): pid=20614 uid=0 old-auid=4294967295 auid=1101 tty=(none) "
            + "old-ses=4294967295 ses=284 res=1\n"
            + "type=EOE msg=audit(1764324001.000:2): \n"
            + "type=USER_START msg=audit(1764324001.010:3): pid=20614 uid=0 auid=1101 ses=284 "
            + "msg='op=PAM:session_open grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=? "
            + "addr=? terminal=ssh res=success'\n";

    /** audit.log: an hour later, a script of hers runs as root through sudo, still in session 284. */
    private static final String NEWER = "type=SYSCALL msg=audit(1764327600.000:90): arch=c000003e syscall=59 "
            + "success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=2 ppid=4100 pid=4101 auid=1101 uid=0 gid=0 euid=0 "
            + "suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts1 ses=284 comm=\"bash\" exe=\"/usr/bin/bash\" key=(null)\n"
            + "type=EXECVE msg=audit(1764327600.000:90): argc=2 a0=\"bash\" a1=\"/tmp/enc.sh\"\n"
            + "type=EOE msg=audit(1764327600.000:90): \n";

    private Credentials newerExecRead(NamesByLogSet forOlder, NamesByLogSet forNewer) throws IOException {
        Path older = Files.writeString(dir.resolve("audit.log.1"), OLDER);
        Path newer = Files.writeString(dir.resolve("audit.log"), NEWER);
        new AuditdImporter(Format.AUDITD_RAW, forOlder).importSource(new SourceFile(1, older, Format.AUDITD_RAW),
                new CollectingSink());
        CollectingSink sink = new CollectingSink();
        new AuditdImporter(Format.AUDITD_RAW, forNewer).importSource(new SourceFile(2, newer, Format.AUDITD_RAW), sink);
        return ((ProcessExec) sink.events.get(0)).actor().credentials();
    }

    @Test
    void theOlderFilesLoginNamesTheNewerFilesProcesses() throws IOException {
        NamesByLogSet run = new NamesByLogSet();
        Credentials c = newerExecRead(run, run);
        assertThat(c.loginUser()).isEqualTo("alice");
        assertThat(c.user()).as("uid 0").isEqualTo("root");
    }

    @Test
    void filesReadInSeparateRunsDoNotShareWhatTheyLearned() throws IOException {
        Credentials c = newerExecRead(new NamesByLogSet(), new NamesByLogSet());
        assertThat(c.loginUid()).isEqualTo(1101);
        assertThat(c.loginUser()).as("nothing in audit.log names uid 1101").isNull();
    }

    @Test
    void anotherFoldersLogInTheSameRunLearnsApart() throws IOException {
        // two machines' logs imported together, neither with node=: one machine's login must not name the other's
        NamesByLogSet run = new NamesByLogSet();
        Path older = Files.writeString(Files.createDirectories(dir.resolve("web01")).resolve("audit.log"), OLDER);
        Path other = Files.writeString(Files.createDirectories(dir.resolve("db01")).resolve("audit.log"), NEWER);
        new AuditdImporter(Format.AUDITD_RAW, run).importSource(new SourceFile(1, older, Format.AUDITD_RAW),
                new CollectingSink());
        CollectingSink sink = new CollectingSink();
        new AuditdImporter(Format.AUDITD_RAW, run).importSource(new SourceFile(2, other, Format.AUDITD_RAW), sink);
        assertThat(((ProcessExec) sink.events.get(0)).actor().credentials().loginUser()).isNull();
    }

    @Test
    void aRotatedSetIsOneFolderAndOneBaseName() {
        NamesByLogSet run = new NamesByLogSet();
        LoginNames current = run.ofRotatedSet(dir.resolve("audit.log"));
        assertThat(run.ofRotatedSet(dir.resolve("audit.log.1"))).isSameAs(current);
        assertThat(run.ofRotatedSet(dir.resolve("audit.log.4.gz"))).isSameAs(current);
        assertThat(run.ofRotatedSet(dir.resolve("audit.log.gz"))).isSameAs(current);
        assertThat(run.ofRotatedSet(dir.resolve("laurel.log"))).isNotSameAs(current);
        assertThat(run.ofRotatedSet(dir.resolve("other").resolve("audit.log"))).isNotSameAs(current);
    }
}
