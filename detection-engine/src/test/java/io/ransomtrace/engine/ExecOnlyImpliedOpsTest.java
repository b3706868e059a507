package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hosts whose audit rules log process starts only (execve), and EDR exports of process events: no file event at
 * all, so what a command's own arguments say it does to its operands is the account of the files. Each attack with
 * the look-alike that must stay below medium on the same telemetry. None of these trails has a file event.
 */
class ExecOnlyImpliedOpsTest {
    private static final List<String> DIRS = List.of("finance", "hr", "clients", "scans", "drafts");

    private static List<String> files(String root, String suffix) {
        List<String> out = new ArrayList<>();
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                out.add(root + "/" + d + "/doc-" + i + suffix);
            }
        }
        return out;
    }

    private static Proc sudoScript(Trail t, String script) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc user = sshd.spawnAs(Trail.creds(2001, 2001, 2001, "mkowalski", "mkowalski"), "/usr/bin/bash", "bash", "-c",
                "sudo bash " + script);
        return user.spawnAs(Trail.creds(0, 0, 2001, "root", "mkowalski"), "/usr/bin/bash", "bash", script).cwd("/srv/nas");
    }

    /** find /srv/nas/share -type f -exec ccencrypt -f -K k {} +: ccrypt overwrites each file and renames it F.cpt. */
    @Test
    void ccencryptOverNamedFilesIsInPlaceEncryptionWithoutFileEvents() {
        Trail t = new Trail("nas01");
        Proc script = sudoScript(t, "/tmp/.c/run.sh");
        List<String> all = files("/srv/nas/share", ".pdf");
        Proc find = script.spawn("/usr/bin/find", "find", "/srv/nas/share", "-type", "f", "-exec", "ccencrypt", "-f",
                "-K", "cc-5", "{}", "+");
        List<String> argv = new ArrayList<>(List.of("ccencrypt", "-f", "-K", "cc-5"));
        argv.addAll(all);
        find.spawn("/usr/bin/ccencrypt", argv.toArray(String[]::new)).exit();
        find.exit();
        Finding f = worst(detect(t));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.extensions()).contains(".cpt");
    }

    @Test
    void aUserCcryptingTwoFilesByHandStaysLow() {
        Trail t = new Trail("ws-mk");
        Proc login = t.sshLogin("mkowalski", 2001);
        login.spawn("/usr/bin/ccrypt", "ccrypt", "-e", "/home/mkowalski/tax-2025.pdf", "/home/mkowalski/passport.jpg")
                .exit();
        assertThat(detect(t)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** openssl -in F -out F.tmp && mv -f F.tmp F && mv F F.CRPTD, per file: the renames are what the log shows. */
    @Test
    void encryptedCopyMovedOverTheOriginalThenRenamedIsHighFromTheMoves() {
        Trail t = new Trail("nas01");
        Proc script = sudoScript(t, "/tmp/.m/run.sh");
        for (String f : files("/srv/nas/share", ".xlsx")) {
            script.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-128-ctr", "-pbkdf2", "-k", "pw", "-in", f, "-out",
                    f + ".tmp").exit();
            script.spawn("/usr/bin/mv", "mv", "-f", f + ".tmp", f).exit();
            script.spawn("/usr/bin/mv", "mv", f, f + ".CRPTD").exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.extensions()).contains(".crptd");
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(20);
        assertThat(f.signal("mass-modification").description()).as("the analyst is told what was not seen but read")
                .contains("80 file operations read from command lines");
    }

    /** An ingest job: cp -p F /srv/archive/ && mv F F.processed, per scan (b30's shape without file events). */
    @Test
    void filesCopiedToAnArchiveThenMarkedProcessedAreNoAttack() {
        Trail t = new Trail("nas01");
        Proc cron = t.existing(600, 1, "/usr/sbin/cron", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc job = cron.spawnAs(Trail.creds(2050, 2050, 2050, "svc-nas", "svc-nas"), "/usr/bin/bash", "bash",
                "/home/svc-nas/bin/ingest.sh").cwd("/srv/nas/ingest");
        for (String f : files("/srv/nas/ingest", ".tif")) {
            job.spawn("/usr/bin/cp", "cp", "-p", f, "/srv/nas/archive/").exit();
            job.spawn("/usr/bin/mv", "mv", f, f + ".processed").exit();
        }
        assertThat(detect(t)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** A loop over the share's folders running zip -q -r -m -P pw D.zip D/: the archiver itself removes each folder it archived. */
    private static List<Finding> zipMovePerFolder(boolean password) {
        Trail t = new Trail("nas02");
        Proc script = sudoScript(t, "/tmp/z.sh");
        Proc sh = script.spawn("/usr/bin/dash", "sh", "-c", "cd /srv/nas/share && for d in */; do zip -q -r -m"
                + (password ? " -P x9" : "") + " \"${d%/}.zip\" \"$d\"; done").cwd("/srv/nas/share");
        for (String d : DIRS) {
            List<String> argv = new ArrayList<>(List.of("zip", "-q", "-r", "-m"));
            if (password) {
                argv.addAll(List.of("-P", "x9"));
            }
            argv.addAll(List.of(d + ".zip", d + "/"));
            sh.spawn("/usr/bin/zip", argv.toArray(String[]::new)).exit();
        }
        return detect(t);
    }

    @Test
    void passwordZipsThatMoveEachFolderInAreArchivedThenDeleted() {
        Finding f = worst(zipMovePerFolder(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).as("the folders: their files are not named on any command line").isEqualTo(5);
    }

    @Test
    void zipMoveWithoutAPasswordIsTidyingUp() {
        assertThat(zipMovePerFolder(false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** find … -exec openssl enc … -in {} -out {}.enc \; [-delete]: find deletes each file its command succeeded on. */
    private static List<Finding> findExecOpenssl(boolean delete) {
        Trail t = new Trail("nas02");
        Proc script = sudoScript(t, "/usr/local/lib/.bk/go.sh");
        List<String> findArgv = new ArrayList<>(List.of("find", "/srv/nas/share", "-type", "f", "-exec", "openssl",
                "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "file:/root/.k", "-in", "{}", "-out", "{}.enc", ";"));
        if (delete) {
            findArgv.add("-delete");
        }
        Proc find = script.spawn("/usr/bin/find", findArgv.toArray(String[]::new));
        for (String f : files("/srv/nas/share", ".docx")) {
            find.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "file:/root/.k", "-in",
                    f, "-out", f + ".enc").exit();
        }
        find.exit();
        return detect(t);
    }

    @Test
    void findDeletingWhatItsOpensslEncryptedIsNewFileThenDelete() {
        Finding f = worst(findExecOpenssl(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void findEncryptingCopiesAndKeepingTheOriginalsIsNoAttack() {
        assertThat(findExecOpenssl(false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /**
     * cd /srv/nas/share && find . -type f -print0 | xargs -0 gpg -r payme --encrypt-files && find . -type f ! -name
     * "*.gpg" -delete (h14's shape): the second find deletes what gpg encrypted, as its tests say; with {@code -name
     * "*.gpg"} instead it would delete the encrypted copies, which is no hostage-taking.
     */
    private static List<Finding> gpgEncryptFilesThenFindDelete(String... findTests) {
        Trail t = new Trail("nas02");
        Proc script = sudoScript(t, "/tmp/.g/x.sh");
        Proc sh = script.spawn("/usr/bin/bash", "bash", "-c", "cd /srv/nas/share && find . -type f -print0 | xargs -0 gpg"
                + " -r payme@onion.example --encrypt-files && find . -type f ! -name \"*.gpg\" -delete").cwd("/srv/nas/share");
        sh.spawn("/usr/bin/find", "find", ".", "-type", "f", "-print0").exit();
        Proc xargs = sh.spawn("/usr/bin/xargs", "xargs", "-0", "gpg", "-r", "payme@onion.example", "--encrypt-files");
        List<String> gpg = new ArrayList<>(List.of("gpg", "-r", "payme@onion.example", "--encrypt-files"));
        for (String f : files("/srv/nas/share", ".ods")) {
            gpg.add("." + f.substring("/srv/nas/share".length()));
        }
        xargs.spawn("/usr/bin/gpg", gpg.toArray(String[]::new)).exit();
        xargs.exit();
        List<String> find = new ArrayList<>(List.of("find", "."));
        find.addAll(List.of(findTests));
        find.add("-delete");
        sh.spawn("/usr/bin/find", find.toArray(String[]::new)).exit();
        return detect(t);
    }

    @Test
    void findDeletingEverythingButTheEncryptedCopiesDeletesTheOriginals() {
        Finding f = worst(gpgEncryptFilesThenFindDelete("-type", "f", "!", "-name", "*.gpg"));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
    }

    @Test
    void findDeletingOnlyTheEncryptedCopiesLeavesTheOriginals() {
        assertThat(gpgEncryptFilesThenFindDelete("-type", "f", "-name", "*.gpg"))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isFalse());
    }

    @Test
    void findWithTestsItCannotReadImpliesNothing() {
        assertThat(gpgEncryptFilesThenFindDelete("-type", "f", "-mtime", "+30"))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isFalse());
    }

    /** The share renamed file by file with mv to F.CRPTD, on a host whose log shows the given file events. */
    private static List<Finding> mvToCrptd(boolean hostLogsRenames) {
        Trail t = new Trail("nas01");
        Proc daemon = t.existing(900, 1, "/usr/sbin/smbd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        // what Sysmon for Linux logs: creates and deletes, never a rename or a write
        daemon.create("/var/lib/samba/private/msg.sock/900");
        daemon.delete("/var/lib/samba/private/msg.sock/900");
        if (hostLogsRenames) {
            daemon.rename("/var/lib/samba/locking.tdb.tmp", "/var/lib/samba/locking.tdb");
        }
        Proc script = sudoScript(t, "/tmp/.m/run.sh");
        for (String f : files("/srv/nas/share", ".xlsx")) {
            script.spawn("/usr/bin/mv", "mv", f, f + ".CRPTD").exit();
        }
        return detect(t);
    }

    @Test
    void renamesByMvCountOnAHostThatLogsCreatesAndDeletesButNoRenames() {
        Finding f = worst(mvToCrptd(false));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
    }

    @Test
    void aHostThatLogsRenamesIsJudgedByThemNotByCommandLines() {
        // the same mv commands on a host that logs renames and shows none of theirs: they did not happen as the
        // arguments say (failed, or moved nothing), and nothing is taken from the arguments
        assertThat(mvToCrptd(true)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
    /** Per file: dd if=F | openssl enc … | dd of=F conv=notrunc (h26), or a compressing copy of each to a backup. */
    private static List<Finding> ddPipeline(boolean encryptInPlace) {
        Trail t = new Trail("web-shop01");
        Proc loop = sudoScript(t, "/usr/local/lib/.ddc/c.sh").spawn("/usr/bin/bash", "/bin/bash", "/usr/local/lib/.ddc/c.sh");
        for (String f : files("/srv/nas/share", ".pdf")) {
            loop.spawn("/usr/bin/dd", "dd", "if=" + f, "bs=64k").exit();
            if (encryptInPlace) {
                loop.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-nosalt", "-pbkdf2", "-pass", "pass:k").exit();
                loop.spawn("/usr/bin/dd", "dd", "of=" + f, "bs=64k", "conv=notrunc").exit();
            } else {
                loop.spawn("/usr/bin/gzip", "gzip", "-c").exit();
                loop.spawn("/usr/bin/dd", "dd", "of=/var/backups/share/" + f.substring(f.lastIndexOf('/') + 1) + ".gz",
                        "bs=64k").exit();
            }
        }
        return detect(t);
    }

    @Test
    void ddWritingBackWhatOpensslEncryptedIsAnInPlaceRewriteFromTheCommandLines() {
        Finding f = worst(ddPipeline(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void ddWritingCompressedCopiesToABackupIsNoAttack() {
        assertThat(ddPipeline(false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
    @Test
    void fileEventsThatNameNoProcessDoNotHideWhatCommandLinesShow() {
        // osquery: process_events plus file_events (inotify FIM on /etc), whose rows name no process; the share's
        // renames by mv are in no FIM path, so its command lines are all there is
        Trail t = new Trail("nas01");
        Proc script = sudoScript(t, "/tmp/.m/run.sh");
        for (String f : files("/srv/nas/share", ".xlsx")) {
            script.spawn("/usr/bin/mv", "mv", f, f + ".CRPTD").exit();
        }
        List<io.ransomtrace.engine.model.Event> events = new ArrayList<>();
        java.time.Instant start = t.events().get(0).time().minusSeconds(5);
        int n = 0;
        for (io.ransomtrace.engine.model.FileOpKind kind : List.of(io.ransomtrace.engine.model.FileOpKind.CREATE,
                io.ransomtrace.engine.model.FileOpKind.WRITE, io.ransomtrace.engine.model.FileOpKind.RENAME,
                io.ransomtrace.engine.model.FileOpKind.DELETE)) {
            events.add(new io.ransomtrace.engine.model.FileOp(9_000_000 + n, start.plusMillis(n++), "nas01",
                    io.ransomtrace.engine.model.Actor.NONE, kind, "/etc/hosts", kind == io.ransomtrace.engine.model.FileOpKind.RENAME
                    ? "/etc/hosts.new" : null, 0, -1, true, -1, null, new io.ransomtrace.engine.model.Provenance(2, n, n, null)));
        }
        events.addAll(t.events());
        Finding f = worst(Detector.run(events, io.ransomtrace.engine.profile.Profile.defaults(),
                io.ransomtrace.engine.profile.Allowlist.empty()));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
    }

    /**
     * h86 with command lines only: a job planted in /etc/cron.d runs as www-data, per upload {@code gzip -c F |
     * openssl enc … -out F.wwwlock && rm F}. openssl reads its pipe, so only its output's name says which file it
     * holds; {@code rm F} then deletes that original, as it would after {@code -in F}.
     */
    @Test
    void anOriginalDeletedAfterItsStdinFedEncryptedCopyIsHeldWithoutFileEvents() {
        Trail t = new Trail("web01");
        Proc cron = t.service("/usr/sbin/cron").forkAs(Trail.creds(33, 33, 33, "www-data", "www-data"));
        Proc sh = cron.spawn("/bin/sh", "sh", "-c", "/var/www/.cache/.u.sh");
        for (String f : files("/var/www/uploads", ".jpg")) {
            sh.spawn("/usr/bin/gzip", "gzip", "-c", f).exit();
            sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:w3", "-out",
                    f + ".wwwlock").exit();
            sh.spawn("/usr/bin/rm", "rm", "-f", f).exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
    }

    /** The nightly dump the same way, one file: {@code pg_dump | gzip > db.sql.gz}, encrypted from stdin, then removed. */
    @Test
    void aNightlyDumpEncryptedFromStdinThenRemovedStaysLow() {
        Trail t = new Trail("db01");
        Proc cron = t.service("/usr/sbin/cron").forkAs(Trail.creds(0, 0, 0, "root", "root"));
        Proc sh = cron.spawn("/bin/sh", "sh", "-c", "/usr/local/sbin/nightly-dump");
        for (int day = 1; day <= 3; day++) {
            String dump = "/var/backups/db-" + day + ".sql.gz";
            sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "file:/root/.k", "-out",
                    dump + ".enc").exit();
            sh.spawn("/usr/bin/rm", "rm", "-f", dump).exit();
            t.advance(java.time.Duration.ofHours(24));
        }
        assertThat(detect(t)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
}
