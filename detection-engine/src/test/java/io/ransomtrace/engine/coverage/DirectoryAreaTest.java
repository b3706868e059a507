package io.ransomtrace.engine.coverage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where file telemetry was seen, as coverage reports it, whatever the case of the path's letters. */
class DirectoryAreaTest {
    @Test
    void pathsAreSortedIntoTheAreasCampaignsGoAfter() {
        assertThat(DirectoryArea.of("/home/alice/Documents/Report.PDF")).isEqualTo(DirectoryArea.USER_HOMES);
        assertThat(DirectoryArea.of("/HOME/alice/x")).isEqualTo(DirectoryArea.USER_HOMES);
        assertThat(DirectoryArea.of("/srv/nas/share/[inode 1475020]/a.docx")).isEqualTo(DirectoryArea.SHARES);
        assertThat(DirectoryArea.of("/var/lib/libvirt/images/web.qcow2")).isEqualTo(DirectoryArea.VM_DATASTORES);
        assertThat(DirectoryArea.of("/data/VMs/DC01-flat.VMDK")).isEqualTo(DirectoryArea.VM_DATASTORES);
        assertThat(DirectoryArea.of("/var/www/shop/uploads/x.jpg")).isEqualTo(DirectoryArea.WEB_ROOTS);
        assertThat(DirectoryArea.of("/Srv/Www/index.html")).isEqualTo(DirectoryArea.WEB_ROOTS);
        assertThat(DirectoryArea.of("/etc/ssh/sshd_config")).isEqualTo(DirectoryArea.ETC);
        assertThat(DirectoryArea.of("/opt/app/lib.so")).isEqualTo(DirectoryArea.OPT);
        assertThat(DirectoryArea.of("/var/log/syslog")).isEqualTo(DirectoryArea.VAR);
        assertThat(DirectoryArea.of("/usr/bin/ls")).isEqualTo(DirectoryArea.OTHER);
        assertThat(DirectoryArea.of("/Ärger/home/x")).isEqualTo(DirectoryArea.USER_HOMES);
        assertThat(DirectoryArea.of(null)).isEqualTo(DirectoryArea.OTHER);
    }
}
