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

    private static final String LOG = """
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
}
