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
        return ((ProcessExec) newerFileEvents(OLDER, forOlder, NEWER, forNewer).get(0)).actor().credentials();
    }

    /** audit.log.1 then audit.log of one folder imported with the given runs: the events of audit.log. */
    private java.util.List<io.ransomtrace.engine.model.Event> newerFileEvents(String olderText, NamesByLogSet forOlder,
                                                                              String newerText, NamesByLogSet forNewer)
            throws IOException {
        Path older = Files.writeString(dir.resolve("audit.log.1"), olderText);
        Path newer = Files.writeString(dir.resolve("audit.log"), newerText);
        new AuditdImporter(Format.AUDITD_RAW, forOlder).importSource(new SourceFile(1, older, Format.AUDITD_RAW),
                new CollectingSink());
        CollectingSink sink = new CollectingSink();
        new AuditdImporter(Format.AUDITD_RAW, forNewer).importSource(new SourceFile(2, newer, Format.AUDITD_RAW), sink);
        return sink.events;
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
        DirectoryInodes folders = run.directoriesOfRotatedSet(dir.resolve("audit.log"));
        assertThat(run.directoriesOfRotatedSet(dir.resolve("audit.log.2.gz"))).isSameAs(folders);
        assertThat(run.directoriesOfRotatedSet(dir.resolve("other").resolve("audit.log"))).isNotSameAs(folders);
    }

    @Test
    void aFolderNamedInTheOlderFilePlacesADescriptorRelativeNameInTheNewer() throws IOException {
        // audit.log.1: openssl writes finance/a.xlsx.enc (PARENT finance/, inode 1466581); audit.log: find deletes
        // a.xlsx by unlinkat(dirfd, "a.xlsx") with its working directory as PARENT name and finance's inode
        String older = "type=SYSCALL msg=audit(1764324001.000:2): arch=c000003e syscall=257 success=yes exit=4 a0=ffffff9c"
                + " a1=5 a2=241 a3=1b6 items=2 ppid=3311 pid=3312 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0"
                + " fsgid=0 tty=(none) ses=19 comm=\"openssl\" exe=\"/usr/bin/openssl\" key=(null)\n"
                + "type=CWD msg=audit(1764324001.000:2): cwd=\"/srv/x\"\n"
                + "type=PATH msg=audit(1764324001.000:2): item=0 name=\"finance/\" inode=1466581 dev=fe:00 mode=040755"
                + " ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n"
                + "type=PATH msg=audit(1764324001.000:2): item=1 name=\"finance/a.xlsx.enc\" inode=1466600 dev=fe:00"
                + " mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=CREATE\n";
        String newer = "type=SYSCALL msg=audit(1764324002.000:9): arch=c000003e syscall=263 success=yes exit=0 a0=5 a1=55"
                + " a2=0 a3=0 items=2 ppid=3310 pid=3311 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0"
                + " tty=(none) ses=19 comm=\"find\" exe=\"/usr/bin/find\" key=(null)\n"
                + "type=CWD msg=audit(1764324002.000:9): cwd=\"/srv/x\"\n"
                + "type=PATH msg=audit(1764324002.000:9): item=0 name=\"/srv/x\" inode=1466581 dev=fe:00 mode=040755"
                + " ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n"
                + "type=PATH msg=audit(1764324002.000:9): item=1 name=\"a.xlsx\" inode=1466591 dev=fe:00 mode=0100644"
                + " ouid=0 ogid=0 rdev=00:00 nametype=DELETE\n";
        NamesByLogSet run = new NamesByLogSet();
        assertThat(((io.ransomtrace.engine.model.FileOp) newerFileEvents(older, run, newer, run).get(0)).path())
                .isEqualTo("/srv/x/finance/a.xlsx");
    }
}
