package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.EventId;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.model.OpenFlags;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.importers.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditdImporterTest {

    @TempDir
    Path dir;

    private static final String SUBJ = "ppid=900 pid=1234 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 "
            + "fsgid=0 tty=pts0 ses=3 comm=\"python3\" exe=\"/usr/bin/python3.11\" key=(null)";

    private static String syscall(long serial, String call, String args, String success) {
        return "type=SYSCALL msg=audit(1764324000.123:" + serial + "): arch=c000003e syscall=" + call + " success="
                + success + " exit=3 " + args + " items=2 " + SUBJ + "\n";
    }

    private static String rec(String type, long serial, String body) {
        return "type=" + type + " msg=audit(1764324000.123:" + serial + "): " + body + "\n";
    }

    @Test
    void openatWithCreateOfNewFileIsCreateAndRelativePathIsResolvedAgainstCwd() {
        String log = syscall(10, "257", "a0=ffffff9c a1=7ffd a2=241 a3=1b6", "yes")
                + rec("CWD", 10, "cwd=\"/home/alice/docs\"")
                + rec("PATH", 10, "item=0 name=\"./\" inode=11 dev=08:01 mode=040755 nametype=PARENT")
                + rec("PATH", 10, "item=1 name=\"../report.docx.locked\" inode=12 dev=08:01 mode=0100644 nametype=CREATE")
                + rec("PROCTITLE", 10, "proctitle=707974686F6E33006C6F636B2E7079")
                + rec("EOE", 10, "");
        Imports r = Imports.ofText(dir, log);
        FileOp op = (FileOp) r.sink.events.get(0);
        assertThat(op.kind()).isEqualTo(FileOpKind.CREATE);
        assertThat(op.path()).isEqualTo("/home/alice/report.docx.locked");
        assertThat(op.openFlags()).isEqualTo(OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        assertThat(op.mode()).isEqualTo(0666);
        assertThat(op.inode()).isEqualTo(12);
        assertThat(op.time()).isEqualTo(Instant.parse("2025-11-28T10:00:00.123Z"));
        assertThat(op.actor().pid()).isEqualTo(1234);
        assertThat(op.actor().ppid()).isEqualTo(900);
        assertThat(op.actor().exe()).isEqualTo("/usr/bin/python3.11");
        assertThat(op.provenance().line()).isEqualTo(1);
        assertThat(op.provenance().byteOffset()).isZero();
        assertThat(op.provenance().nativeId()).isEqualTo("1764324000.123:10");
        assertThat(op.id()).isEqualTo(EventId.of(7, 0));
        assertThat(r.stats.recordsInEvents()).isEqualTo(6);
        assertThat(r.stats.recordTypeCounts()).containsEntry("PATH", 2L).containsEntry("EOE", 1L);
    }

    @Test
    void writeOpenOfExistingFileIsWriteKeepingTruncFlagAndReadOnlyOpenIsNotAFileOp() {
        String log = syscall(11, "257", "a0=ffffff9c a1=7ffd a2=241 a3=1b6", "yes") // O_CREAT on an existing file
                + rec("PATH", 11, "item=0 name=\"/srv/data/a.db\" inode=5 mode=0100644 nametype=NORMAL")
                + rec("EOE", 11, "")
                + syscall(12, "257", "a0=ffffff9c a1=7ffd a2=80000 a3=0", "yes")
                + rec("PATH", 12, "item=0 name=\"/etc/ld.so.cache\" inode=6 mode=0100644 nametype=NORMAL")
                + rec("EOE", 12, "");
        Imports r = Imports.ofText(dir, log);
        FileOp write = (FileOp) r.sink.events.get(0);
        assertThat(write.kind()).isEqualTo(FileOpKind.WRITE);
        assertThat(OpenFlags.truncates(write.openFlags())).isTrue();
        assertThat(write.mode()).as("no creation, no creation mode").isEqualTo(-1);
        OtherRecord read = (OtherRecord) r.sink.events.get(1);
        assertThat(read.type()).isEqualTo("SYSCALL:openat");
        assertThat(read.fields()).containsEntry("path", "/etc/ld.so.cache");
        assertThat(r.stats.recordsInEvents()).isEqualTo(3);
        assertThat(r.stats.recordsOther()).isEqualTo(3);
    }

    @Test
    void renameTakesOldPathFromDeleteItemAndNewPathFromCreateItem() {
        String log = syscall(20, "316", "a0=ffffff9c a1=7ffd a2=ffffff9c a3=7ffe", "yes")
                + rec("CWD", 20, "cwd=\"/data\"")
                + rec("PATH", 20, "item=3 name=\"x.txt.enc\" inode=41 mode=0100644 nametype=CREATE")
                + rec("PATH", 20, "item=0 name=\"/data/\" inode=40 mode=040755 nametype=PARENT")
                + rec("PATH", 20, "item=1 name=\"/data/\" inode=40 mode=040755 nametype=PARENT")
                + rec("PATH", 20, "item=2 name=\"x.txt\" inode=41 mode=0100644 nametype=DELETE")
                + rec("EOE", 20, "");
        FileOp op = (FileOp) Imports.ofText(dir, log).sink.events.get(0);
        assertThat(op.kind()).isEqualTo(FileOpKind.RENAME);
        assertThat(op.path()).isEqualTo("/data/x.txt");
        assertThat(op.targetPath()).isEqualTo("/data/x.txt.enc");
        assertThat(op.modifies()).isTrue();
    }

    @Test
    void failedUnlinkIsKeptAsFailedAndNotAsModification() {
        String log = syscall(30, "87", "a0=7ffd a1=0 a2=0 a3=0", "no")
                + rec("PATH", 30, "item=0 name=\"/root/secret\" nametype=UNKNOWN")
                + rec("EOE", 30, "");
        FileOp op = (FileOp) Imports.ofText(dir, log).sink.events.get(0);
        assertThat(op.kind()).isEqualTo(FileOpKind.DELETE);
        assertThat(op.success()).isFalse();
        assertThat(op.modifies()).isFalse();
    }

    @Test
    void unlinkatWithRemoveDirIsRmdirAndFdBasedCallsKeepNullPath() {
        String log = syscall(31, "263", "a0=ffffff9c a1=7ffd a2=200 a3=0", "yes")
                + rec("PATH", 31, "item=0 name=\"/tmp/\" nametype=PARENT")
                + rec("PATH", 31, "item=1 name=\"/tmp/old\" nametype=DELETE")
                + rec("EOE", 31, "")
                + syscall(32, "77", "a0=3 a1=0 a2=0 a3=0", "yes")
                + rec("EOE", 32, "")
                + syscall(33, "91", "a0=3 a1=1a4 a2=0 a3=0", "yes")
                + rec("EOE", 33, "");
        Imports r = Imports.ofText(dir, log);
        assertThat(((FileOp) r.sink.events.get(0)).kind()).isEqualTo(FileOpKind.RMDIR);
        FileOp ftruncate = (FileOp) r.sink.events.get(1);
        assertThat(ftruncate.kind()).isEqualTo(FileOpKind.TRUNCATE);
        assertThat(ftruncate.path()).isNull();
        FileOp fchmod = (FileOp) r.sink.events.get(2);
        assertThat(fchmod.kind()).isEqualTo(FileOpKind.CHMOD);
        assertThat(fchmod.mode()).isEqualTo(0644);
    }

    @Test
    void execArgvComesFromExecveIncludingHexAndSplitLongArguments() {
        String log = syscall(40, "59", "a0=1 a1=2 a2=3 a3=4", "yes")
                + rec("EXECVE", 40, "argc=3 a0=\"sh\" a1=2D63 a2_len=12 a2[0]=6563686F")
                + rec("EXECVE", 40, "a2[2]=26") // out of order: pieces are joined by their index
                + rec("EXECVE", 40, "a2[1]=2068692026")
                + rec("CWD", 40, "cwd=2F746D702F6D7920646972")
                + rec("PROCTITLE", 40, "proctitle=7368002D63")
                + rec("EOE", 40, "");
        ProcessExec e = (ProcessExec) Imports.ofText(dir, log).sink.events.get(0);
        assertThat(e.argv()).containsExactly("sh", "-c", "echo hi &&");
        assertThat(e.argvTruncated()).isFalse();
        assertThat(e.cwd()).isEqualTo("/tmp/my dir");
        assertThat(e.tty()).isEqualTo("pts0");
        assertThat(e.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(e.actor().credentials().uid()).isZero();
    }

    @Test
    void proctitleIsTheFallbackAndMarkedTruncatedAtTheKernelCap() {
        String longArg = "x".repeat(140);
        StringBuilder hex = new StringBuilder("6C73"); // "ls"
        hex.append("00");
        for (int i = 0; i < 126; i++) hex.append("78");
        String log = syscall(41, "59", "a0=1 a1=2 a2=3 a3=4", "yes")
                + rec("PROCTITLE", 41, "proctitle=" + hex)
                + rec("EOE", 41, "")
                + syscall(42, "59", "a0=1 a1=2 a2=3 a3=4", "yes")
                + rec("PROCTITLE", 42, "proctitle=\"whoami\"")
                + rec("EOE", 42, "");
        Imports r = Imports.ofText(dir, log);
        ProcessExec cut = (ProcessExec) r.sink.events.get(0);
        assertThat(cut.argv()).containsExactly("ls", longArg.substring(0, 126));
        assertThat(cut.argvTruncated()).isTrue();
        ProcessExec whole = (ProcessExec) r.sink.events.get(1);
        assertThat(whole.argv()).containsExactly("whoami");
        assertThat(whole.argvTruncated()).isFalse();
    }

    @Test
    void aFailedExecKeepsTheAttemptedProgramNotTheCallersProctitle() {
        String log = syscall(43, "59", "a0=1 a1=2 a2=3 a3=4", "no").replace("exit=3", "exit=-13")
                + rec("CWD", 43, "cwd=\"/tmp\"")
                + rec("PATH", 43, "item=0 name=\"./payload\" inode=9 mode=0100644 nametype=NORMAL")
                + rec("PROCTITLE", 43, "proctitle=\"bash\"")
                + rec("EOE", 43, "");
        ProcessExec e = (ProcessExec) Imports.ofText(dir, log).sink.events.get(0);
        assertThat(e.success()).isFalse();
        assertThat(e.argv()).containsExactly("/tmp/payload");
        assertThat(e.argvTruncated()).isTrue();
    }

    @Test
    void exitGroupIsProcessExitAndUnsetLoginUidIsUnset() {
        String log = "type=SYSCALL msg=audit(1764324000.500:50): arch=c000003e syscall=231 success=yes exit=0 a0=2 "
                + "a1=0 a2=0 a3=0 items=0 ppid=1 pid=77 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 "
                + "sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"cron\" exe=\"/usr/sbin/cron\" key=(null)\n"
                + "type=EOE msg=audit(1764324000.500:50): \n";
        ProcessExit e = (ProcessExit) Imports.ofText(dir, log).sink.events.get(0);
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.actor().credentials().loginUid()).isEqualTo(Credentials.UNSET);
        assertThat(e.actor().credentials().session()).isEqualTo(Credentials.UNSET);
    }

    @Test
    void syscallNumbersAreReadPerArchitecture() {
        // 5 is open on i386; 56 is openat on aarch64 (which has no open); 2 is open on x86_64
        String log = "type=SYSCALL msg=audit(1764324001.000:60): arch=40000003 syscall=5 success=yes exit=3 a0=1 "
                + "a1=8241 a2=1a4 a3=0 items=1 ppid=1 pid=5 auid=1000 uid=1000 comm=\"a\" exe=\"/a\"\n"
                + rec("PATH", 60, "item=0 name=\"/x\" nametype=CREATE").replace("1764324000.123", "1764324001.000")
                + "type=SYSCALL msg=audit(1764324001.000:61): arch=c00000b7 syscall=56 success=yes exit=3 "
                + "a0=ffffff9c a1=1 a2=441 a3=1a4 items=1 ppid=1 pid=6 auid=1000 uid=1000 comm=\"b\" exe=\"/b\"\n"
                + "type=PATH msg=audit(1764324001.000:61): item=0 name=\"/y\" nametype=NORMAL\n";
        Imports r = Imports.ofText(dir, log);
        assertThat(r.sink.events).hasSize(2);
        FileOp i386 = (FileOp) r.sink.events.get(0);
        assertThat(i386.kind()).isEqualTo(FileOpKind.CREATE);
        assertThat(i386.path()).isEqualTo("/x");
        FileOp arm = (FileOp) r.sink.events.get(1);
        assertThat(arm.kind()).isEqualTo(FileOpKind.WRITE);
        assertThat(OpenFlags.describe(arm.openFlags())).isEqualTo("O_WRONLY|O_CREAT|O_APPEND");
    }

    @Test
    void aRawLogNamesItsUsersFromItsOwnLoginRecords() {
        String exec = "type=SYSCALL msg=audit(%d.000:%d): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 "
                + "a2=3 a3=4 items=0 ppid=4000 pid=%d auid=%d uid=%d gid=0 euid=%d suid=0 fsuid=0 egid=0 sgid=0 "
                + "fsgid=0 tty=pts1 ses=%d comm=\"bash\" exe=\"/usr/bin/bash\" key=(null)\n"
                + "type=EXECVE msg=audit(%d.000:%d): argc=1 a0=\"bash\"\n";
        String log = String.format(exec, 1764324000, 1, 4001, 1101, 1101, 1101, 284, 1764324000, 1)
                // alice logs in: the kernel gives session 284 her login uid (a LOGIN record with the write to
                // /proc/self/loginuid), PAM names the account
                + "type=SYSCALL msg=audit(1764324001.000:2): arch=c000003e syscall=1 success=yes exit=4 a0=8 a1=2 "
                + "a2=4 a3=0 items=0 ppid=20600 pid=20614 auid=1101 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 "
                + "sgid=0 fsgid=0 tty=(none) ses=284 comm=\"sshd\" exe=\"/usr/sbin/sshd\" key=(null)\n"
                + "type=LOGIN msg=audit(1764324001.000:2): pid=20614 uid=0 old-auid=4294967295 auid=1101 tty=(none) "
                + "old-ses=4294967295 ses=284 res=1\n"
                + "type=EOE msg=audit(1764324001.000:2): \n"
                + "type=USER_START msg=audit(1764324001.010:3): pid=20614 uid=0 auid=1101 ses=284 "
                + "msg='op=PAM:session_open grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=? "
                + "addr=? terminal=ssh res=success'\n"
                + String.format(exec, 1764324002, 4, 4002, 1101, 1101, 1101, 284, 1764324002, 4)
                // inside her session she runs sudo: a PAM session for root under her login uid renames nothing
                + "type=USER_START msg=audit(1764324003.000:5): pid=4100 uid=0 auid=1101 ses=284 "
                + "msg='op=PAM:session_open grantors=pam_unix acct=\"root\" exe=\"/usr/bin/sudo\" hostname=? "
                + "addr=? terminal=/dev/pts/1 res=success'\n"
                + String.format(exec, 1764324004, 6, 4101, 1101, 0, 0, 284, 1764324004, 6)
                // sshd names bob with his uid; a failed login names nobody
                + "type=USER_LOGIN msg=audit(1764324005.000:7): pid=5120 uid=0 auid=1102 ses=290 "
                + "msg='op=login id=1102 exe=\"/usr/sbin/sshd\" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh "
                + "res=success'\n"
                + "type=USER_LOGIN msg=audit(1764324005.500:8): pid=5121 uid=0 auid=4294967295 ses=4294967295 "
                + "msg='op=login acct=\"(unknown)\" exe=\"/usr/sbin/sshd\" hostname=10.0.0.9 addr=10.0.0.9 "
                + "terminal=ssh res=failed'\n"
                + "type=USER_LOGIN msg=audit(1764324006.000:9): pid=5122 uid=0 auid=1103 ses=291 "
                + "msg='op=login id=1103 acct=\"bob\" exe=\"/usr/sbin/sshd\" hostname=10.0.0.5 addr=10.0.0.5 "
                + "terminal=ssh res=success'\n"
                + String.format(exec, 1764324007, 10, 4200, 1103, 1103, 1103, 291, 1764324007, 10);
        List<Event> events = Imports.ofText(dir, log).sink.events;
        List<Credentials> execs = events.stream().filter(e -> e instanceof ProcessExec)
                .map(e -> e.actor().credentials()).toList();
        assertThat(execs).hasSize(4);
        assertThat(execs.get(0).user()).as("before the login the log has not named uid 1101 yet").isNull();
        assertThat(execs.get(1).user()).isEqualTo("alice");
        assertThat(execs.get(1).loginUser()).isEqualTo("alice");
        assertThat(execs.get(2).user()).as("sudo: uid 0").isEqualTo("root");
        assertThat(execs.get(2).loginUser()).as("sudo's PAM session did not rename her").isEqualTo("alice");
        assertThat(execs.get(3).user()).isEqualTo("bob");
        OtherRecord start = (OtherRecord) events.stream().filter(e -> e instanceof OtherRecord o
                && o.type().equals("USER_START")).findFirst().orElseThrow();
        assertThat(start.actor().credentials().loginUser()).isEqualTo("alice");
    }

    @Test
    void loginUidOfTheHumanTravelsThroughSudo() {
        String log = "type=SYSCALL msg=audit(1764324002.000:70): arch=c000003e syscall=59 success=yes exit=0 a0=1 "
                + "a1=2 a2=3 a3=4 items=2 ppid=4000 pid=4001 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 "
                + "sgid=0 fsgid=0 tty=pts1 ses=9 comm=\"bash\" exe=\"/usr/bin/bash\" key=(null)\u001dARCH=x86_64 "
                + "SYSCALL=execve AUID=\"alice\" UID=\"root\" GID=\"root\"\n"
                + "type=EXECVE msg=audit(1764324002.000:70): argc=2 a0=\"bash\" a1=\"/tmp/enc.sh\"\n"
                + "type=EOE msg=audit(1764324002.000:70): \n";
        ProcessExec e = (ProcessExec) Imports.ofText(dir, log).sink.events.get(0);
        assertThat(e.actor().credentials().loginUid()).isEqualTo(1000);
        assertThat(e.actor().credentials().uid()).isZero();
        assertThat(e.actor().credentials().loginUser()).isEqualTo("alice");
        assertThat(e.actor().credentials().user()).isEqualTo("root");
    }

    @Test
    void hostComesFromNodeOrFromTheSyslogHeader() {
        String log = "Nov 28 10:00:00 web-7 audispd: type=SYSCALL msg=audit(1764324003.000:80): arch=c000003e "
                + "syscall=87 success=yes exit=0 a0=1 a1=0 a2=0 a3=0 items=2 ppid=1 pid=2 auid=1 uid=1 comm=\"rm\" "
                + "exe=\"/usr/bin/rm\"\n"
                + "Nov 28 10:00:00 web-7 audispd: type=PATH msg=audit(1764324003.000:80): item=1 name=\"/a\" "
                + "nametype=DELETE\n"
                + "node=db-2 type=SYSCALL msg=audit(1764324003.000:80): arch=c000003e syscall=87 success=yes "
                + "exit=0 a0=1 a1=0 a2=0 a3=0 items=2 ppid=1 pid=3 auid=1 uid=1 comm=\"rm\" exe=\"/usr/bin/rm\"\n"
                + "node=db-2 type=PATH msg=audit(1764324003.000:80): item=1 name=\"/b\" nametype=DELETE\n";
        Imports r = Imports.ofText(dir, log);
        // same serial, different hosts: two events, never mixed
        assertThat(r.sink.events).extracting(e -> e.host() + ":" + ((FileOp) e).path())
                .containsExactly("web-7:/a", "db-2:/b");
        assertThat(r.stats.host()).isEqualTo("web-7");
    }

    @Test
    void interleavedRecordsWithoutEoeAndWrappedSerialsAreReassembled() {
        String log = syscall(4294967295L, "87", "a0=1 a1=0 a2=0 a3=0", "yes")
                + syscall(0, "87", "a0=1 a1=0 a2=0 a3=0", "yes").replace(".123:", ".124:")
                + rec("PATH", 4294967295L, "item=0 name=\"/first\" nametype=DELETE")
                + rec("PATH", 0, "item=0 name=\"/second\" nametype=DELETE").replace(".123:", ".124:");
        Imports r = Imports.ofText(dir, log);
        assertThat(r.sink.events).extracting(e -> ((FileOp) e).path()).containsExactly("/first", "/second");
        assertThat(r.sink.events).extracting(e -> e.provenance().nativeId())
                .containsExactly("1764324000.123:4294967295", "1764324000.124:0");
    }

    @Test
    void otherRecordTypesAreCountedAndKept() {
        String log = "type=USER_LOGIN msg=audit(1764324004.000:90): pid=1 uid=0 auid=1000 ses=2 msg='op=login "
                + "acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=? addr=10.0.0.5 terminal=ssh res=success'\n"
                + "type=CONFIG_CHANGE msg=audit(1764324004.000:91): auid=1000 ses=2 op=add_rule key=\"x\" list=4 res=1\n"
                + "type=DAEMON_START msg=audit(1764324004.000:92): op=start ver=3.0.9 format=enriched pid=55 res=success\n";
        Imports r = Imports.ofText(dir, log);
        List<OtherRecord> others = r.sink.of(OtherRecord.class);
        assertThat(others).extracting(OtherRecord::type).containsExactly("USER_LOGIN", "CONFIG_CHANGE", "DAEMON_START");
        assertThat(others.get(0).fields()).containsEntry("acct", "alice").containsEntry("addr", "10.0.0.5");
        assertThat(others.get(0).summary()).contains("op=login").contains("acct=alice");
        assertThat(r.stats.recordsOther()).isEqualTo(3);
        assertThat(r.stats.recordTypeCounts()).containsEntry("USER_LOGIN", 1L).containsEntry("DAEMON_START", 1L);
    }

    @Test
    void hexEncodedValuesOfOtherRecordsAreDecoded() {
        Imports r = Imports.of(io.ransomtrace.importers.Fixtures.auditd("go-libaudit/auparse/audit-ubuntu16.log"));
        OtherRecord failedLogin = r.sink.of(OtherRecord.class).get(0);
        assertThat(failedLogin.type()).isEqualTo("USER_LOGIN");
        assertThat(failedLogin.fields()).containsEntry("acct", "(invalid user)").containsEntry("res", "failed");
        assertThat(failedLogin.summary()).contains("acct=(invalid user)");
    }

    @Test
    void malformedLinesAreQuarantinedWithPlaceAndReasonAndTheImportGoesOn() {
        String log = "garbage line\n"
                + "type=SYSCALL msg=audit(17643x): broken\n"
                + syscall(95, "87", "a0=1 a1=0 a2=0 a3=0", "yes");
        Imports r = Imports.ofText(dir, log);
        assertThat(r.sink.quarantined).hasSize(2);
        assertThat(r.sink.quarantined.get(0).line()).isEqualTo(1);
        assertThat(r.sink.quarantined.get(0).byteOffset()).isZero();
        assertThat(r.sink.quarantined.get(0).rawText()).isEqualTo("garbage line");
        assertThat(r.sink.quarantined.get(1).line()).isEqualTo(2);
        assertThat(r.sink.quarantined.get(1).byteOffset()).isEqualTo(13);
        assertThat(r.sink.quarantined.get(1).reason()).contains("time stamp");
        assertThat(r.sink.events).hasSize(1);
        assertThat(r.sink.events.get(0).provenance().line()).isEqualTo(3);
    }

    @Test
    void readsTheEnrichedSampleOfTheElasticIntegration() {
        Imports r = Imports.of(io.ransomtrace.importers.Fixtures.auditd("elastic-integrations/test-enhanced-syscall.log"),
                Format.AUDITD_ENRICHED);
        FileOp op = (FileOp) r.sink.events.get(0);
        // expected: 2024-08-08T09:31:22.048Z, pid 560348, ppid 560201, unlink (87), audit id 1561577791
        assertThat(op.time()).isEqualTo(Instant.parse("2024-08-08T09:31:22.048Z"));
        assertThat(op.kind()).isEqualTo(FileOpKind.DELETE);
        assertThat(op.actor().pid()).isEqualTo(560348);
        assertThat(op.actor().ppid()).isEqualTo(560201);
        assertThat(op.actor().exe()).isEqualTo("/app/ogc101/app/dllogc/product/13.5.0/mw_100/ohs/bin/httpd");
        assertThat(op.actor().credentials().loginUid()).isEqualTo(1561577791L);
        assertThat(op.actor().credentials().loginUser()).isEqualTo("na-uoradbdba03");
        assertThat(op.host()).isEqualTo("praorem001");
    }
}
