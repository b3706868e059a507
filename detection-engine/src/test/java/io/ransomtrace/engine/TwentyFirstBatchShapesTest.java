package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shape of the twenty-first independent batch (h84): an ESXiArgs-like locker started as
 * {@code sudo nohup sh encrypt.sh >/dev/null 2>&1} rewrites 1 MB of every 16 MB of six VM disk images in place and
 * renames each {@code F.args}, one note per VM folder. The shell's redirection opens {@code /dev/null} for writing
 * with O_TRUNC, which the audit log records like a file; the finding counted it: 7 files in 4 directories, one of
 * them {@code /dev}. A device node holds no data: it is no file a campaign changed.
 * <p>The twin: {@code /dev/shm} is a tmpfs where programs keep real files (h61 staged its copies there); a file
 * written there is still a file the campaign changed.
 */
class TwentyFirstBatchShapesTest {
    private static final List<String> DISKS = List.of(
            "/var/lib/libvirt/images/win2019-dc.qcow2", "/var/lib/libvirt/images/ubuntu-build.qcow2",
            "/var/lib/libvirt/images/fileserver.qcow2", "/var/lib/libvirt/images/scratch.img",
            "/vmfs/volumes/datastore1/web01/web01-flat.vmdk", "/vmfs/volumes/datastore1/db01/db01-flat.vmdk");
    private static final List<String> VM_DIRS = List.of("/var/lib/libvirt/images", "/vmfs/volumes/datastore1/web01",
            "/vmfs/volumes/datastore1/db01");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    /** deploy's {@code bash -c 'sudo nohup sh /tmp/.esx/encrypt.sh >/dev/null 2>&1'}, the script's shell returned. */
    private static Proc lockerShell(Trail t) {
        Proc bash = t.sshLogin("deploy", 2060).spawn("/usr/bin/bash", "bash", "-c",
                "sudo nohup sh /tmp/.esx/encrypt.sh >/dev/null 2>&1; echo ok");
        bash.truncateOpen("/dev/null"); // the redirection, opened by the shell before it runs sudo
        return bash.sudo("/usr/bin/dash", "sh", "/tmp/.esx/encrypt.sh");
    }

    private static void encryptDisks(Proc sh) {
        for (String disk : DISKS) {
            sh.spawn("/tmp/.esx/encrypt", "/tmp/.esx/encrypt", disk, "16").writeInPlace(disk);
            sh.spawn("/usr/bin/mv", "mv", disk, disk + ".args").rename(disk, disk + ".args");
        }
        for (String d : VM_DIRS) {
            sh.create(d + "/How to Restore Your Files.html");
        }
    }

    @Test
    void aRedirectionToDevNullIsNoFileChanged() {
        Trail t = new Trail("nas01");
        encryptDisks(lockerShell(t));
        Finding f = worst(Detector.run(t.events(), Profile.defaults(), Allowlist.empty()));
        assertThat(f.severity()).isGreaterThanOrEqualTo(Severity.HIGH);
        assertThat(f.filesAffected()).isEqualTo(6);
        assertThat(f.directories()).containsExactlyInAnyOrderElementsOf(VM_DIRS);
        assertThat(f.extensions()).containsExactly(".args");
    }

    @Test
    void aFileStagedInDevShmIsStillAFile() {
        Trail t = new Trail("nas01");
        Proc sh = lockerShell(t);
        sh.create("/dev/shm/.esx/key.bin");
        encryptDisks(sh);
        Finding f = worst(Detector.run(t.events(), Profile.defaults(), Allowlist.empty()));
        assertThat(f.filesAffected()).isEqualTo(7);
        assertThat(f.directories()).contains("/dev/shm/.esx").doesNotContain("/dev");
    }
}
