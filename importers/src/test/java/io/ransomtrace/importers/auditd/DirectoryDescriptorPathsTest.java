package io.ransomtrace.importers.auditd;

import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code find finance -exec openssl … -in {} -out {}.enc \; -delete}, as the kernel logged it on Debian 12
 * (kernel 6.18, records from a recording of lab.sh's openssl-pass scenario, src/test/resources/recovery): find deletes each file with
 * {@code unlinkat(dirfd, "budget-2026.ods")}, and the PARENT record then names find's working directory; only
 * its inode says the file was in {@code finance/}.
 */
class DirectoryDescriptorPathsTest {

    @TempDir
    Path dir;

    static final String LOG = """
            node=fs type=SYSCALL msg=audit(1796635265.754:13158): arch=c000003e syscall=257 success=yes exit=4 a0=ffffff9c a1=5648 a2=241 a3=1b6 items=2 ppid=3311 pid=3312 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=19 comm="openssl" exe="/usr/bin/openssl" key="rt_write"
            node=fs type=CWD msg=audit(1796635265.754:13158): cwd="/srv/rt-recover/openssl-pass"
            node=fs type=PATH msg=audit(1796635265.754:13158): item=0 name="finance/" inode=1466581 dev=fe:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
            node=fs type=PATH msg=audit(1796635265.754:13158): item=1 name="finance/budget-2026.ods.enc" inode=1466600 dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=CREATE cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
            node=fs type=SYSCALL msg=audit(1796635265.766:13159): arch=c000003e syscall=263 success=yes exit=0 a0=5 a1=55d4b4585f00 a2=0 a3=bc58d14547175ffd items=2 ppid=3310 pid=3311 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=19 comm="find" exe="/usr/bin/find" key="rt_delete"
            node=fs type=CWD msg=audit(1796635265.766:13159): cwd="/srv/rt-recover/openssl-pass"
            node=fs type=PATH msg=audit(1796635265.766:13159): item=0 name="/srv/rt-recover/openssl-pass" inode=1466581 dev=fe:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
            node=fs type=PATH msg=audit(1796635265.766:13159): item=1 name="budget-2026.ods" inode=1466591 dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=DELETE cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
            node=fs type=SYSCALL msg=audit(1796635265.770:13170): arch=c000003e syscall=87 success=yes exit=0 a0=5 a1=55 a2=0 a3=0 items=2 ppid=3310 pid=3320 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=19 comm="rm" exe="/usr/bin/rm" key="rt_delete"
            node=fs type=CWD msg=audit(1796635265.770:13170): cwd="/srv/rt-recover/openssl-pass"
            node=fs type=PATH msg=audit(1796635265.770:13170): item=0 name="/srv/rt-recover/openssl-pass" inode=1466580 dev=fe:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
            node=fs type=PATH msg=audit(1796635265.770:13170): item=1 name="stray.txt" inode=1466599 dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=DELETE cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
            """;

    @Test
    void aNameRelativeToADirectoryDescriptorIsPlacedInThatDirectory() {
        Imports r = Imports.ofText(dir, LOG);
        List<FileOp> ops = r.sink.events.stream().map(FileOp.class::cast).toList();
        assertThat(ops).extracting(FileOp::kind).containsExactly(FileOpKind.CREATE, FileOpKind.DELETE, FileOpKind.DELETE);
        assertThat(ops.get(1).path()).isEqualTo("/srv/rt-recover/openssl-pass/finance/budget-2026.ods");
        // a directory never seen by another name stays the working directory (there is nothing better to say)
        assertThat(ops.get(2).path()).isEqualTo("/srv/rt-recover/openssl-pass/stray.txt");
    }

    /**
     * {@code rm -rf /srv/share/Photos /srv/share/Scans} run from /root, on trees made before the log began: no PATH
     * record ever named the two directories, so their inodes say nothing; the deletions are placed from rm's
     * operands (one per directory, in the order rm walks them). The names rm deletes in its working directory by
     * their own path ({@code rm -rf notes.txt} is an operand) stay where they are.
     */
    private static String rmExec(int pid, String... argv) {
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < argv.length; i++) {
            args.append(" a").append(i).append("=\"").append(argv[i]).append("\"");
        }
        return "node=nas type=SYSCALL msg=audit(1796635300.100:" + (200 + pid) + "): arch=c000003e syscall=59 success=yes"
                + " exit=0 a0=1 a1=2 a2=3 a3=4 items=2 ppid=900 pid=" + pid + " auid=1001 uid=0 gid=0 euid=0 suid=0 fsuid=0"
                + " egid=0 sgid=0 fsgid=0 tty=(none) ses=5 comm=\"rm\" exe=\"/usr/bin/rm\" key=\"rt_exec\"\n"
                + "node=nas type=EXECVE msg=audit(1796635300.100:" + (200 + pid) + "): argc=" + argv.length + args + "\n"
                + "node=nas type=CWD msg=audit(1796635300.100:" + (200 + pid) + "): cwd=\"/root\"\n";
    }

    private static String unlink(int serial, int pid, String exe, long dirInode, String name) {
        String comm = exe.substring(exe.lastIndexOf('/') + 1);
        return "node=nas type=SYSCALL msg=audit(1796635300.2" + serial + ":" + (300 + serial) + "): arch=c000003e syscall=263"
                + " success=yes exit=0 a0=5 a1=55 a2=0 a3=0 items=2 ppid=900 pid=" + pid + " auid=1001 uid=0 gid=0 euid=0"
                + " suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=5 comm=\"" + comm + "\" exe=\"" + exe + "\" key=\"rt_delete\"\n"
                + "node=nas type=CWD msg=audit(1796635300.2" + serial + ":" + (300 + serial) + "): cwd=\"/root\"\n"
                + "node=nas type=PATH msg=audit(1796635300.2" + serial + ":" + (300 + serial) + "): item=0 name=\"/root\" inode="
                + dirInode + " dev=fe:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n"
                + "node=nas type=PATH msg=audit(1796635300.2" + serial + ":" + (300 + serial) + "): item=1 name=\"" + name
                + "\" inode=" + (5000 + serial) + " dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=DELETE\n";
    }

    @Test
    void aTreeDeletedByRmOfADirectoryNeverNamedIsPlacedInRmsOperands() {
        String log = rmExec(4100, "rm", "-rf", "/srv/share/Photos", "/srv/share/Scans", "notes.txt")
                + unlink(1, 4100, "/usr/bin/rm", 7001, "a.jpg")
                + unlink(2, 4100, "/usr/bin/rm", 7001, "b.jpg")
                + unlink(3, 4100, "/usr/bin/rm", 7002, "s1.pdf")
                + unlink(4, 4100, "/usr/bin/rm", 7001, "c.jpg")
                + unlink(5, 4100, "/usr/bin/rm", 7000, "notes.txt");
        List<FileOp> ops = Imports.ofText(dir, log).sink.events.stream()
                .filter(FileOp.class::isInstance).map(FileOp.class::cast).toList();
        assertThat(ops).extracting(FileOp::path).containsExactly("/srv/share/Photos/a.jpg", "/srv/share/Photos/b.jpg",
                "/srv/share/Scans/s1.pdf", "/srv/share/Photos/c.jpg", "/root/notes.txt");
    }

    @Test
    void theSameUnlinksByAProcessThatIsNoRecursiveDeleterStayInTheWorkingDirectory() {
        // rm without -r (it walks no tree), and a program whose exec the log does not show
        String log = rmExec(4200, "rm", "-f", "/srv/share/Photos")
                + unlink(1, 4200, "/usr/bin/rm", 7001, "a.jpg")
                + unlink(2, 4300, "/usr/bin/python3.11", 7001, "b.jpg");
        List<FileOp> ops = Imports.ofText(dir, log).sink.events.stream()
                .filter(FileOp.class::isInstance).map(FileOp.class::cast).toList();
        assertThat(ops).extracting(FileOp::path).containsExactly("/root/a.jpg", "/root/b.jpg");
    }

    /**
     * smbd serves each folder of a share by descriptor: {@code openat(dirfd, "Restore-My-Files.txt")} with the
     * share as working directory, so every PARENT record names the share and only its inode tells the folders apart
     * (h62, a Samba share encrypted from a client). The first inode seen stands for the working directory; a name
     * under another, never named by a path, goes to a folder of its own named after that inode.
     */
    @Test
    void namesUnderDirectoriesNeverNamedAreToldApartByTheirInode() {
        String log = smbCreate(1, 8000, "Restore-My-Files.txt") + smbCreate(2, 8001, "Restore-My-Files.txt")
                + smbCreate(3, 8002, "Restore-My-Files.txt") + smbCreate(4, 8001, "a.docx.lockbit")
                + smbCreate(5, 8000, "b.docx.lockbit");
        List<FileOp> ops = Imports.ofText(dir, log).sink.events.stream()
                .filter(FileOp.class::isInstance).map(FileOp.class::cast).toList();
        assertThat(ops).extracting(FileOp::path).containsExactly("/srv/nas/share/Restore-My-Files.txt",
                "/srv/nas/share/[inode 8001]/Restore-My-Files.txt", "/srv/nas/share/[inode 8002]/Restore-My-Files.txt",
                "/srv/nas/share/[inode 8001]/a.docx.lockbit", "/srv/nas/share/b.docx.lockbit");
    }

    /**
     * ccrypt renames each file to F.cpt ({@code rename("finance/Q3/a.xlsx", "finance/Q3/a.xlsx.cpt")}: two PARENT
     * records, both the folder); a note copied there afterwards by {@code cp NOTE finance/Q3}, which coreutils opens
     * as {@code openat(dirfd, "NOTE")}, lands in that folder, not in the working directory.
     */
    @Test
    void aFolderNamedByARenameIsWhereALaterDescriptorRelativeNameGoes() {
        String rename = "node=fs type=SYSCALL msg=audit(1795876485.329:75630): arch=c000003e syscall=82 success=yes exit=0 a0=1"
                + " a1=2 a2=3 a3=8 items=4 ppid=29386 pid=29387 auid=1104 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0"
                + " fsgid=0 tty=(none) ses=242 comm=\"ccrypt\" exe=\"/usr/bin/ccrypt\" key=\"rt_rename\"\n"
                + "node=fs type=CWD msg=audit(1795876485.329:75630): cwd=\"/srv/shares\"\n"
                + "node=fs type=PATH msg=audit(1795876485.329:75630): item=0 name=\"finance/Q3/\" inode=1608453 dev=fe:00"
                + " mode=042775 ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n"
                + "node=fs type=PATH msg=audit(1795876485.329:75630): item=1 name=\"finance/Q3/\" inode=1608453 dev=fe:00"
                + " mode=042775 ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n"
                + "node=fs type=PATH msg=audit(1795876485.329:75630): item=2 name=\"finance/Q3/a.xlsx\" inode=1608475"
                + " dev=fe:00 mode=0100664 ouid=0 ogid=0 rdev=00:00 nametype=DELETE\n"
                + "node=fs type=PATH msg=audit(1795876485.329:75630): item=3 name=\"finance/Q3/a.xlsx.cpt\" inode=1608475"
                + " dev=fe:00 mode=0100664 ouid=0 ogid=0 rdev=00:00 nametype=CREATE\n";
        String note = "node=fs type=SYSCALL msg=audit(1795876485.533:75856): arch=c000003e syscall=257 success=yes exit=5 a0=3"
                + " a1=5 a2=c1 a3=1a4 items=2 ppid=29388 pid=29389 auid=1104 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0"
                + " sgid=0 fsgid=0 tty=(none) ses=242 comm=\"cp\" exe=\"/usr/bin/cp\" key=\"rt_write\"\n"
                + "node=fs type=CWD msg=audit(1795876485.533:75856): cwd=\"/srv/shares\"\n"
                + "node=fs type=PATH msg=audit(1795876485.533:75856): item=0 name=\"/srv/shares\" inode=1608453 dev=fe:00"
                + " mode=042775 ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n"
                + "node=fs type=PATH msg=audit(1795876485.533:75856): item=1 name=\"RECOVER-FILES.txt\" inode=1607842"
                + " dev=fe:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=CREATE\n";
        List<FileOp> ops = Imports.ofText(dir, rename + note).sink.events.stream()
                .filter(FileOp.class::isInstance).map(FileOp.class::cast).toList();
        assertThat(ops).extracting(FileOp::path).containsExactly("/srv/shares/finance/Q3/a.xlsx",
                "/srv/shares/finance/Q3/RECOVER-FILES.txt");
    }

    /**
     * rsync writes {@code .F.XXXXXX} in a folder by descriptor and renames it to F there ({@code renameat(dirfd,
     * ".F.XXXXXX", dirfd, "F")}: two PARENT records, both the working directory's name and the folder's inode): the
     * rename goes to the same unnamed folder as the creation, not to the working directory.
     */
    @Test
    void aRenameWithinAnUnnamedFolderStaysInThatFolder() {
        String log = smbCreate(1, 8000, "top.txt") + smbCreate(2, 8001, ".a.pdf.Xy12") + smbRename(3, 8001, ".a.pdf.Xy12", "a.pdf");
        List<FileOp> ops = Imports.ofText(dir, log).sink.events.stream()
                .filter(FileOp.class::isInstance).map(FileOp.class::cast).toList();
        assertThat(ops).extracting(FileOp::path).containsExactly("/srv/nas/share/top.txt",
                "/srv/nas/share/[inode 8001]/.a.pdf.Xy12", "/srv/nas/share/[inode 8001]/.a.pdf.Xy12");
        assertThat(ops.get(2).targetPath()).isEqualTo("/srv/nas/share/[inode 8001]/a.pdf");
    }

    private static String smbRename(int serial, long dirInode, String from, String to) {
        String id = "1796693089.4" + (10 + serial) + ":" + (184380 + serial);
        String parent = "): item=%d name=\"/srv/nas/share\" inode=" + dirInode
                + " dev=fe:00 mode=040755 ouid=2050 ogid=2050 rdev=00:00 nametype=PARENT\n";
        return "node=nas type=SYSCALL msg=audit(" + id + "): arch=c000003e syscall=264 success=yes exit=0 a0=10 a1=5"
                + " a2=10 a3=6 items=4 ppid=1692 pid=19652 auid=4294967295 uid=2050 gid=0 euid=2050 suid=0"
                + " fsuid=2050 egid=2050 sgid=0 fsgid=2050 tty=(none) ses=4294967295 comm=\"rsync\" exe=\"/usr/bin/rsync\""
                + " key=\"srv\"\n"
                + "node=nas type=CWD msg=audit(" + id + "): cwd=\"/srv/nas/share\"\n"
                + "node=nas type=PATH msg=audit(" + id + String.format(parent, 0)
                + "node=nas type=PATH msg=audit(" + id + String.format(parent, 1)
                + "node=nas type=PATH msg=audit(" + id + "): item=2 name=\"" + from + "\" inode=9100"
                + " dev=fe:00 mode=0100600 ouid=2050 ogid=2050 rdev=00:00 nametype=DELETE\n"
                + "node=nas type=PATH msg=audit(" + id + "): item=3 name=\"" + to + "\" inode=9100"
                + " dev=fe:00 mode=0100600 ouid=2050 ogid=2050 rdev=00:00 nametype=CREATE\n";
    }

    private static String smbCreate(int serial, long dirInode, String name) {
        String id = "1796693089.4" + (10 + serial) + ":" + (184380 + serial);
        return "node=nas type=SYSCALL msg=audit(" + id + "): arch=c000003e syscall=257 success=yes exit=30 a0=10 a1=5"
                + " a2=208c2 a3=1e4 items=2 ppid=1692 pid=19652 auid=4294967295 uid=2050 gid=0 euid=2050 suid=0"
                + " fsuid=2050 egid=2050 sgid=0 fsgid=2050 tty=(none) ses=4294967295 comm=\"smbd\" exe=\"/usr/sbin/smbd\""
                + " key=\"srv\"\n"
                + "node=nas type=CWD msg=audit(" + id + "): cwd=\"/srv/nas/share\"\n"
                + "node=nas type=PATH msg=audit(" + id + "): item=0 name=\"/srv/nas/share\" inode=" + dirInode
                + " dev=fe:00 mode=040755 ouid=2050 ogid=2050 rdev=00:00 nametype=PARENT\n"
                + "node=nas type=PATH msg=audit(" + id + "): item=1 name=\"" + name + "\" inode=" + (9000 + serial)
                + " dev=fe:00 mode=0100744 ouid=2050 ogid=2050 rdev=00:00 nametype=CREATE\n";
    }
}
