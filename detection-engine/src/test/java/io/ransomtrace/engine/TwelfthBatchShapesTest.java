package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of sample-cases/independent's twelfth batch: {@code sudo apt-get install --reinstall} of a data package
 * (b44, recorded under a rule set that follows a person's writes everywhere): dpkg writes F.dpkg-new and renames it
 * over F for 541 files, its triggers run fc-cache and debconf, which rewrite their caches in place. With the twin it
 * must not hide: the same install whose perl hook (what a hostile package would ship) rewrites files of a share in place.
 */
class TwelfthBatchShapesTest {

    /** deploy over ssh: sudo apt-get install --reinstall -y poppler-data; apt's perl hook also rewrites {@code rewrittenByScript}. */
    private static List<Finding> packageReinstall(List<String> rewrittenByScript) {
        Trail t = new Trail("web-shop01");
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc user = sshd.spawnAs(Trail.creds(2060, 2060, 2060, "deploy", "deploy"), "/usr/bin/bash", "bash", "-c",
                "sudo DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y poppler-data");
        Proc apt = user.sudo("/usr/bin/apt-get", "apt-get", "install", "--reinstall", "-y", "poppler-data");
        Proc preconf = apt.spawn("/usr/bin/dash", "sh", "-c", "/usr/sbin/dpkg-preconfigure --apt")
                .spawn("/usr/bin/perl", "/usr/bin/perl", "-w", "/usr/sbin/dpkg-preconfigure", "--apt");
        for (String dat : List.of("config.dat", "passwords.dat", "templates.dat")) {
            preconf.writeInPlace("/var/cache/debconf/" + dat);
        }
        for (String v : rewrittenByScript) {
            preconf.writeInPlace(v);
        }
        preconf.exit();
        Proc dpkg = apt.spawn("/usr/bin/dpkg", "/usr/bin/dpkg", "--status-fd", "24", "--unpack", "--auto-deconfigure",
                "/var/cache/apt/archives/poppler-data_0.4.12-1_all.deb");
        for (String d : List.of("Adobe-CNS1", "Adobe-GB1", "Adobe-Japan1", "Adobe-KR", "Adobe-Korea1")) {
            for (int i = 0; i < 100; i++) {
                String f = "/usr/share/poppler/cMap/" + d + "/UniCNS-UTF" + i;
                dpkg.create(f + ".dpkg-new");
                dpkg.rename(f + ".dpkg-new", f);
            }
        }
        Proc rm = dpkg.spawn("/usr/bin/rm", "rm", "-rf", "/var/lib/dpkg/tmp.ci");
        rm.delete("/var/lib/dpkg/tmp.ci/control");
        rm.exit();
        Proc postinst = dpkg.spawn("/usr/bin/dash", "/bin/sh", "/var/lib/dpkg/info/fontconfig.postinst", "triggered");
        Proc fc = postinst.spawn("/usr/bin/fc-cache", "fc-cache", "-s");
        for (int i = 0; i < 7; i++) {
            fc.writeInPlace("/var/cache/fontconfig/" + Long.toHexString(0x32b6488e5b8292a2L + i) + "-le64.cache-8");
        }
        fc.exit();
        postinst.exit();
        dpkg.exit();
        apt.exit();
        return detect(t);
    }

    @Test
    void aPackageReinstallRefreshingItsCachesIsNoAttack() {
        // first pass: medium, "10 existing files overwritten in place" — all of them caches under /var/cache
        assertThat(packageReinstall(List.of()))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
    }

    @Test
    void theSameInstallsScriptRewritingAShareInPlaceStillCounts() {
        List<String> share = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            share.add("/srv/nas/share/clients_" + (i % 3) + "/contract_" + i + ".docx");
        }
        List<Finding> findings = packageReinstall(share);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isTrue();
            assertThat(f.signal("overwrite-in-place").fired()).isTrue();
        });
    }
}
