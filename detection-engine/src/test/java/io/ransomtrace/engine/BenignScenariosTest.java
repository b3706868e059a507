package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Legitimate look-alikes must stay below medium with the default profile. */
class BenignScenariosTest {

    private static List<Finding> detect(Trail t) {
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    private static void assertQuiet(List<Finding> findings) {
        assertThat(findings).allSatisfy(f -> assertThat(f.severity())
                .as("%s (score %d): %s", f.title(), f.score(), f.signals().stream()
                        .map(s -> s.kind() + ": " + s.description()).toList())
                .isLessThan(Severity.MEDIUM));
    }

    @Test
    void decryptingManyFilesIsNotEncryption() {
        Trail t = new Trail("ws01");
        Proc login = t.sshLogin("alice", 1000);
        Proc sh = login.spawn("/usr/bin/bash", "bash", "restore.sh");
        for (String f : Tools.tree("/home/alice/restore", 5, 100, ".xlsx")) {
            Tools.opensslDecrypt(sh, f + ".enc", f);
            Tools.rm(sh, f + ".enc");
            Tools.gpgDecrypt(sh, f + ".gpg", f + ".copy");
        }
        List<Finding> findings = detect(t);
        assertQuiet(findings);
        assertThat(findings).noneMatch(f -> f.signal("encryption-tool") != null);
        assertThat(findings).noneMatch(f -> f.signal("delete-after-encrypt") != null);
    }

    @Test
    void oneOffEncryptionOfOneFileIsInfoOrLow() {
        Trail t = new Trail("ws01");
        Proc login = t.sshLogin("alice", 1000);
        Tools.gpgSymmetric(login, "/home/alice/taxes.pdf");
        Tools.rm(login, "/home/alice/taxes.pdf");
        Tools.opensslEncrypt(login, "/home/alice/keys.txt", ".enc");
        List<Finding> findings = detect(t);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).isIn(Severity.INFO, Severity.LOW);
        assertThat(findings.get(0).title()).startsWith("Encryption tool runs");
    }

    @Test
    void logRotationWithGzipStaysQuiet() {
        Trail t = new Trail("web01");
        Proc cron = t.service("/usr/sbin/cron");
        Proc logrotate = cron.spawn("/usr/sbin/logrotate", "/usr/sbin/logrotate", "/etc/logrotate.conf");
        for (String log : Tools.files("/var/log/nginx", "site", ".log", 120)) {
            Tools.logrotate(logrotate, log);
        }
        for (String log : Tools.files("/var/log/app", "worker", ".log", 40)) {
            logrotate.truncate(log); // copytruncate
        }
        for (String old : Tools.files("/var/log/secure", "audit", ".log.5.gz", 30)) {
            Proc shred = logrotate.spawn("/usr/bin/shred", "shred", "-u", old); // the "shred" option
            String zeros = old.substring(0, old.lastIndexOf('/') + 1) + "0".repeat(old.length() - old.lastIndexOf('/') - 1);
            shred.writeInPlace(old); // what shred -u really does: overwrite, rename to zeros, unlink
            shred.rename(old, zeros);
            shred.delete(zeros);
            shred.exit();
        }
        List<Finding> findings = detect(t);
        assertQuiet(findings);
        assertThat(findings).noneMatch(f -> f.signal("extension-change") != null);
    }

    @Test
    void sedInPlaceOverHundredsOfFilesStaysQuiet() {
        Trail t = new Trail("dev01");
        Proc login = t.sshLogin("dev", 1002);
        Proc find = login.spawn("/usr/bin/find", "find", ".", "-name", "*.html", "-exec", "sed", "-i", "s/http:/https:/g", "{}", "+");
        int n = 0;
        for (String f : Tools.tree("/home/dev/site", 40, 600, ".html")) {
            Tools.sedInPlace(find, f, n++);
        }
        List<Finding> findings = detect(t);
        assertQuiet(findings);
        assertThat(findings).noneMatch(f -> f.signal("extension-change") != null);
        assertThat(findings).noneMatch(f -> f.signal("overwrite-in-place") != null);
    }

    /** A database or web application rewriting hundreds of its existing files over many folders, as all day. */
    private static Trail daemonRewritingItsFiles(boolean thenRenamesThemWithANote) {
        Trail t = new Trail("web01");
        Proc master = t.service("/usr/sbin/php-fpm8.2");
        Proc worker = master.forkAs(Trail.creds(33, 33, io.ransomtrace.engine.model.Credentials.UNSET, "www-data", null));
        for (String f : Tools.tree("/var/lib/php/sessions", 30, 400, "")) {
            t.step(java.time.Duration.ofMillis(40));
            worker.writeInPlace(f);
            if (thenRenamesThemWithANote) {
                worker.rename(f, f + ".locked");
            }
        }
        if (thenRenamesThemWithANote) {
            for (int d = 0; d < 30; d++) {
                worker.create("/var/lib/php/sessions/d" + d + "/READ_ME.txt");
            }
        }
        return t;
    }

    @Test
    void aDaemonRewritingHundredsOfItsExistingFilesIsNotEncryption() {
        List<Finding> findings = detect(daemonRewritingItsFiles(false));
        assertQuiet(findings);
        Finding f = AttackScenariosTest.worst(findings);
        assertThat(f.title()).startsWith("Bulk file modification by php-fpm8.2");
        assertThat(f.signal("overwrite-in-place").fired()).isTrue();
        assertThat(f.signal("overwrite-in-place").description()).contains("not counted as encryption");
    }

    @Test
    void phpFpmWorkersReplacingCacheFilesByCopiesAreNoScriptRewritingFiles() {
        // php-fpm as systemd starts it: its command line names a configuration file, not a script. Its workers
        // rewrite sessions in place and replace cache entries by suffixed copies all day: no early fact of a
        // script, so the rewrites stay "not counted as encryption"
        Trail t = new Trail("web01");
        Proc systemd = t.existing(1, 0, "/usr/lib/systemd/systemd", Trail.creds(0, 0,
                io.ransomtrace.engine.model.Credentials.UNSET, "root", null));
        Proc master = systemd.spawn("/usr/sbin/php-fpm8.2", "php-fpm8.2", "--nodaemonize", "--fpm-config",
                "/etc/php/8.2/fpm/php-fpm.conf");
        // the worker as the kernel shows it: the master's program, named by its process title
        Proc worker = master.forkAs(Trail.creds(33, 33, io.ransomtrace.engine.model.Credentials.UNSET, "www-data", null))
                .exec("/usr/sbin/php-fpm8.2", "php-fpm:", "pool", "www");
        int n = 0;
        for (String f : Tools.tree("/var/www/app/var/cache", 30, 400, "")) {
            t.step(java.time.Duration.ofMillis(40));
            worker.writeInPlace(f);
            if (n++ % 100 == 0) { // now and then a cache entry replaced by a copy under a hashed name
                worker.create(f + "." + Integer.toHexString(0xc7f2a9 + n));
                worker.delete(f);
            }
        }
        List<Finding> findings = detect(t);
        assertQuiet(findings);
        assertThat(AttackScenariosTest.worst(findings).signal("overwrite-in-place").description())
                .contains("not counted as encryption");
    }

    /** The twin: the same rewrites, then each file renamed to a new suffix and a note in every folder. */
    @Test
    void theSameRewritesWithANewSuffixAndNotesAreEncryption() {
        Finding f = AttackScenariosTest.worst(detect(daemonRewritingItsFiles(true)));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).startsWith("Mass encryption by php-fpm8.2");
        assertThat(f.signal("overwrite-in-place").description()).doesNotContain("not counted");
    }

    @Test
    void rsyncAndDpkgStayQuiet() {
        Trail t = new Trail("srv01");
        Proc cron = t.service("/usr/sbin/cron");
        Proc rsync = cron.spawn("/usr/bin/rsync", "rsync", "-a", "--delete", "backup01:/srv/", "/srv/mirror/");
        int n = 0;
        for (String f : Tools.tree("/srv/mirror", 30, 800, ".dat")) {
            Tools.rsyncFile(rsync, f, n++);
        }
        Proc login = t.sshLogin("ops", 1003);
        Proc apt = login.sudo("/usr/bin/apt-get", "apt-get", "upgrade", "-y");
        Proc dpkg = apt.spawn("/usr/bin/dpkg", "/usr/bin/dpkg", "--status-fd", "23", "--unpack", "/var/cache/apt/archives/libfoo.deb");
        for (String f : Tools.tree("/usr/lib/x86_64-linux-gnu/foo", 12, 400, ".so")) {
            Tools.dpkgUnpack(dpkg, f);
        }
        for (String f : Tools.files("/etc/foo", "conf", ".conf", 5)) {
            dpkg.rename(f, f + ".dpkg-old");
            dpkg.create(f);
        }
        assertQuiet(detect(t));
    }

    @Test
    void tarExtractAndGitCheckoutStayQuiet() {
        Trail t = new Trail("dev01");
        Proc login = t.sshLogin("dev", 1002);
        Proc tar = login.spawn("/usr/bin/tar", "tar", "xzf", "linux-6.8.tar.gz");
        for (String f : Tools.tree("/home/dev/linux", 200, 3000, ".c")) {
            tar.create(f);
        }
        for (int d = 0; d < 200; d++) {
            tar.create("/home/dev/linux/d" + d + "/README");
            tar.create("/home/dev/linux/d" + d + "/Makefile");
        }
        Proc git = login.spawn("/usr/bin/git", "git", "checkout", "v6.9");
        for (String f : Tools.tree("/home/dev/linux", 200, 1500, ".c")) {
            Tools.gitCheckoutFile(git, f);
        }
        git.create("/home/dev/linux/.git/index.lock");
        git.rename("/home/dev/linux/.git/index.lock", "/home/dev/linux/.git/index");
        List<Finding> findings = detect(t);
        assertQuiet(findings);
        assertThat(findings).noneMatch(f -> f.notes().count() > 0);
    }

    @Test
    void gpgEncryptedBackupsStayQuiet() {
        Trail t = new Trail("db01");
        Proc cron = t.service("/usr/sbin/cron");
        // nightly: tar | gpg into one archive
        Proc sh = cron.spawnAs(Trail.creds(0, 0, -1, "root", null), "/bin/sh", "sh", "-c", "/usr/local/bin/backup.sh");
        Proc script = sh.spawn("/bin/bash", "/bin/bash", "/usr/local/bin/backup.sh");
        Proc tar = script.spawn("/usr/bin/tar", "tar", "czf", "-", "/var/lib/app");
        tar.exit();
        Proc gpg = script.spawn("/usr/bin/gpg", "gpg", "--batch", "-e", "-r", "backup@example.org", "-o",
                "/var/backups/app-2026-03-02.tar.gz.gpg");
        gpg.create("/var/backups/app-2026-03-02.tar.gz.gpg");
        gpg.exit();
        // and each database dump encrypted next to the plain one, via a loop
        Proc loop = script.spawn("/bin/bash", "bash", "-c", "for f in /var/backups/db/*.sql; do gpg -e -r backup@example.org \"$f\"; done");
        for (String f : Tools.files("/var/backups/db", "dump", ".sql", 60)) {
            Tools.gpgEncrypt(loop, f);
        }
        assertQuiet(detect(t));
    }

    @Test
    void developerBuildStaysQuiet() {
        Trail t = new Trail("dev02");
        Proc login = t.sshLogin("dev", 1002);
        Proc make = login.spawn("/usr/bin/make", "make", "-j4");
        for (String f : Tools.tree("/home/dev/proj/build", 25, 900, ".c")) {
            Proc cc = make.spawn("/usr/bin/cc", "cc", "-c", f);
            cc.create(f.replace(".c", ".o.tmp"));
            cc.rename(f.replace(".c", ".o.tmp"), f.replace(".c", ".o"));
            cc.exit();
        }
        Proc mvn = login.spawn("/usr/bin/java", "java", "-jar", "mvn.jar", "package");
        for (String f : Tools.tree("/home/dev/proj/target/classes", 30, 900, ".class")) {
            mvn.truncateOpen(f); // overwriting stale class files
        }
        assertQuiet(detect(t));
    }

    @Test
    void userEncryptingTwoFilesAndDeletingThemIsBelowMedium() {
        Trail t = new Trail("ws03");
        Proc login = t.sshLogin("carol", 1004);
        for (String f : List.of("/home/carol/passport.jpg", "/home/carol/contract.pdf")) {
            Tools.gpgSymmetric(login, f);
            Tools.rm(login, f);
        }
        assertQuiet(detect(t));
    }

    @Test
    void renamingPhotosToAnotherEverydayTypeStaysQuiet() {
        Trail t = new Trail("ws07");
        Proc login = t.sshLogin("erin", 1011);
        Proc rename = login.spawn("/usr/bin/rename", "rename", "s/\\.jpeg$/.jpg/", "*.jpeg");
        for (String f : Tools.files("/home/erin/Pictures", "IMG_", ".jpeg", 500)) {
            rename.rename(f, f.replace(".jpeg", ".jpg"));
        }
        assertQuiet(detect(t));
    }

    @Test
    void failedWritesAreNeverCounted() {
        Trail t = new Trail("ws04");
        Proc login = t.sshLogin("carol", 1004);
        Proc x = login.spawn("/tmp/x", "/tmp/x");
        for (String f : Tools.tree("/etc", 5, 300, ".conf")) {
            x.failedCreate(f + ".locked");
        }
        assertThat(detect(t)).isEmpty();
    }

    /** A CI build: 60 objects compiled, the test program linked (or not: {@code link}), run over 12 golden files. */
    private static Trail ciBuild(boolean linkedHere) {
        Trail t = new Trail("ci02");
        Proc ci = t.service("/usr/local/bin/ci-agent").spawn("/usr/bin/bash", "bash", "/usr/local/bin/ci-runner");
        Proc make = ci.spawn("/usr/bin/make", "make", "-j2");
        for (int i = 0; i < 60; i++) {
            make.spawn("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", "cc1", "unit" + i + ".c").create("/srv/ci/ws/unit" + i + ".o").exit();
        }
        if (linkedHere) {
            make.spawn("/usr/bin/x86_64-linux-gnu-ld.bfd", "ld", "-o", "/srv/ci/ws/app", "main.o").create("/srv/ci/ws/app").exit();
        }
        Proc test = ci.spawn("/srv/ci/ws/app", "./app", "../fixtures");
        for (int i = 0; i < 12; i++) {
            test.writeInPlace("/srv/ci/fixtures/case" + i + ".out");
        }
        return t;
    }

    /**
     * A CI job builds a program and runs it as a test, and the test rewrites its golden files in place: the
     * program is the build's own (a linker of the same campaign wrote it), so its writes are not overwrites.
     */
    @Test
    void aTestBinaryTheBuildLinkedRewritingItsFixturesIsNotAnOverwrite() {
        List<Finding> findings = detect(ciBuild(true));
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isIn(Severity.INFO, Severity.LOW));
        assertThat(findings).allSatisfy(f -> assertThat(f.signal("overwrite-in-place")).isNull());
    }

    /** The twin: the same rewrites by a program the campaign did not build are overwrites. */
    @Test
    void theSameRewritesByAProgramTheCampaignDidNotBuildAreOverwrites() {
        Finding f = AttackScenariosTest.worst(detect(ciBuild(false)));
        assertThat(f.signal("overwrite-in-place").fired()).isTrue();
        assertThat(f.signal("overwrite-in-place").value()).isEqualTo(12);
    }

    @Test
    void cronJobsRemovingEmptyLockDirectoriesAreNoFindings() {
        // rm -rf of a directory holding nothing the rules audit: a bulk invocation and no file changed
        Trail t = new Trail("app03");
        Proc cron = t.service("/usr/sbin/cron");
        for (int i = 0; i < 30; i++) {
            Proc job = cron.fork();
            job.spawn("/usr/bin/dash", "sh", "-c", "rm -rf /var/lib/app/lock-" + i)
                    .exec("/usr/bin/rm", "rm", "-rf", "/var/lib/app/lock-" + i).exit();
        }
        assertThat(detect(t)).isEmpty();
    }

    @Test
    void theSameCronJobDeletingFilesUnderItIsStillReported() {
        Trail t = new Trail("app03");
        Proc rm = t.service("/usr/sbin/cron").fork().spawn("/usr/bin/dash", "sh", "-c", "rm -rf /var/lib/app/spool")
                .exec("/usr/bin/rm", "rm", "-rf", "/var/lib/app/spool");
        for (int i = 0; i < 3; i++) {
            rm.delete("/var/lib/app/spool/s" + i + ".tmp");
        }
        List<Finding> findings = detect(t);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.filesAffected()).isEqualTo(3);
            assertThat(f.severity()).isLessThan(Severity.MEDIUM);
        });
    }
}
