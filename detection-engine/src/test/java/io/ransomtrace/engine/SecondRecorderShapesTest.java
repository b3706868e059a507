package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of sample-cases/independent's later batches (recorded by the second harness, event by event as auditd
 * logged them): a compiled locker in /var/tmp writing {@code F.8bx1} and unlinking F (h5), a perl locker that opens
 * each file with {@code '>'} (O_TRUNC) and renames it (h7), {@code zip -r -m -P} per folder, which creates and
 * unlinks {@code DIR.zip} before writing it through a temp file (h8), and openssl encrypting each file to a temp
 * that {@code mv -f} moves over the original before it is renamed (h9), a python script from a user's crontab
 * writing {@code F.tomcrypt} and removing F (h11), an ESXiArgs-like binary dropped in /tmp rewriting files in place
 * without renaming them (h12), and {@code tar cf - DIR | openssl enc} then {@code rm -rf DIR} per home from root's
 * cron (h13), and a script renaming every file first, then truncating each renamed file to write its encryption
 * (h15), {@code ssh host 'sudo -i <<X … X'} (h16), and a python locker writing each file through a temp moved
 * over it, then renaming it (h17), {@code find -exec ccencrypt … {} +} handing ccrypt every file at once (h16), and
 * one writing each file's encryption to a new file with a random name and removing the original (h18), and openssl
 * writing each file's encryption into a staging tree in /dev/shm that mirrors the share, each original removed
 * (h20), and a root daemon's locker that writes its notes, named after its suffix, into every folder before it
 * rewrites a file (h21); and the look-alike b30, files copied to an archive and renamed F.processed. Each with the look-alike it must not become.
 */
class SecondRecorderShapesTest {
    private static final List<String> DIRS = List.of("clients", "scans", "Q3", "drafts", "photos");

    private static Proc cronRoot(Trail t, String command) {
        Proc cron = t.existing(600, 1, "/usr/sbin/cron", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc job = cron.fork().login(0, 41, "root");
        return job.exec("/bin/sh", "/bin/sh", "-c", command);
    }

    private static Proc sshCommand(Trail t, String command) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        return sshd.spawnAs(Trail.creds(2002, 2002, 2002, "priya", "priya"), "/usr/bin/bash", "bash", "-c", command)
                .cwd("/home/priya");
    }

    /** Per folder, 8 files copied to F + suffix and F unlinked, the note after them when given. */
    private static void copyAndUnlink(Proc p, String root, String suffix, String note) {
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = root + "/" + d + "/doc-" + i + ".pdf";
                p.create(f + suffix);
                p.delete(f);
            }
            if (note != null) {
                p.create(root + "/" + d + "/" + note);
            }
        }
    }

    @Test
    void anUnknownBinaryReplacingFilesByCopiesUnderANewSuffixIsHighWithinTheFirstFiles() {
        Trail t = new Trail("fs01");
        Proc sh = cronRoot(t, "/var/tmp/.cache/kdmtmpflush /srv/nas/share");
        Proc locker = sh.spawn("/var/tmp/.cache/kdmtmpflush", "/var/tmp/.cache/kdmtmpflush", "/srv/nas/share");
        copyAndUnlink(locker, "/srv/nas/share", ".8bx1", "HOW_TO_BACK_FILES.txt");
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.filesBeforeFirstHighAlert()).as("the note reaches a second folder only after 8 files")
                .isLessThanOrEqualTo(5);
        assertThat(f.signal("early-certainty").description())
                .contains("an unknown binary outside the system directories rewrote files it did not create, or replaced"
                        + " them by copies under a new suffix (/var/tmp/.cache/kdmtmpflush)");
    }

    @Test
    void aConverterInTheSystemDirectoriesReplacingFilesIsNotRaisedEarly() {
        // the same copy-and-unlink by a packaged tool: no early fact of automation until a note shows up
        Trail t = new Trail("fs01");
        Proc sh = cronRoot(t, "/usr/local/bin/archive-old /srv/nas/share");
        Proc tool = sh.spawn("/usr/bin/convert-docs", "convert-docs", "/srv/nas/share");
        copyAndUnlink(tool, "/srv/nas/share", ".8bx1", null);
        Finding f = worst(detect(t));
        assertThat(f.signal("early-certainty").description()).doesNotContain("unknown binary");
        assertThat(f.filesBeforeFirstHighAlert()).isGreaterThan(5);
    }

    /** perl's open '>' on each file (O_TRUNC), the XOR'd content written, then a rename to an e-mail suffix. */
    private static void truncateAndRename(Proc perl, boolean rename) {
        for (String d : DIRS) {
            perl.create("/home/priya/work/" + d + "/!!_FILES_ENCRYPTED_!!.txt");
            for (int i = 1; i <= 8; i++) {
                String f = "/home/priya/work/" + d + "/doc-" + i + ".xlsx";
                perl.truncateOpen(f);
                if (rename) {
                    perl.rename(f, f + ".id-7781.[help@mail.example].pwnd");
                }
            }
        }
    }

    @Test
    void aScriptTruncatingFilesAndRenamingThemIsRaisedByTheRenameNotAfterTheVolume() {
        Trail t = new Trail("ws-priya");
        Proc cmd = sshCommand(t, "setsid perl ~/.cache/.x.pl ~/work");
        Proc perl = cmd.spawn("/usr/bin/perl", "perl", "/home/priya/.cache/.x.pl", "/home/priya/work");
        truncateAndRename(perl, true);
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        // raised after the third rewritten file, the archive copies made before each counted among the files too
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(8);
        assertThat(f.signal("early-certainty").description())
                .contains("a script rewrote files it did not create in place, or replaced them by copies under a new suffix,"
                        + " three or more (perl /home/priya/.cache/.x.pl");
    }

    @Test
    void aScriptRegeneratingFilesWithoutRenamingThemIsNoEarlyRewrite() {
        // a report generator rewriting its 40 spreadsheets each night: truncating writes, no new suffix
        Trail t = new Trail("ws-priya");
        Proc cmd = sshCommand(t, "perl ~/bin/reports.pl ~/work");
        Proc perl = cmd.spawn("/usr/bin/perl", "perl", "/home/priya/bin/reports.pl", "/home/priya/work");
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                perl.truncateOpen("/home/priya/work/" + d + "/doc-" + i + ".xlsx");
            }
        }
        List<Finding> findings = detect(t);
        assertThat(findings).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** zip -q -r -m -P PW DIR.zip DIR/ from a loop in the share, as the kernel shows it. */
    private static void zipMove(Proc loop, String share, String dir, int files) {
        Proc zip = loop.spawn("/usr/bin/zip", "zip", "-q", "-r", "-m", "-P", "x9", dir + ".zip", dir + "/");
        zip.create(share + "/" + dir + ".zip");   // zip probes the archive name first
        zip.delete(share + "/" + dir + ".zip");
        zip.create(share + "/ziXb8Q2" + dir.length());
        zip.rename(share + "/ziXb8Q2" + dir.length(), share + "/" + dir + ".zip");
        for (int i = 1; i <= files; i++) {
            zip.delete(share + "/" + dir + "/doc-" + i + ".pdf");
        }
        zip.exit();
    }

    @Test
    void zipMoveCountsEveryOriginalItDeletedNotOneLessPerArchive() {
        Trail t = new Trail("nas02");
        Proc loop = sshCommand(t, "sudo sh -c 'cd /srv/nas/share && for d in */; do zip -q -r -m -P x9 ...'")
                .cwd("/srv/nas/share");
        for (String d : DIRS) {
            zipMove(loop, "/srv/nas/share", d, 5);
        }
        Finding f = worst(detect(t));
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).as("25 originals in 5 folders of 5").isEqualTo(25);
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
    }

    /** for f in …; do openssl enc -in f -out f.tmp && mv -f f.tmp f && mv f f.CRPTD; done, as svc-nas via su -l */
    private static void encryptToTempAndMoveOver(Proc script, boolean encrypting) {
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/srv/nas/share/" + d + "/doc-" + i + ".odt";
                Proc tool = encrypting
                        ? script.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-128-ctr", "-pbkdf2", "-k", "pw",
                                "-in", f, "-out", f + ".tmp")
                        : script.spawn("/usr/bin/sed", "sed", "s/2025/2026/g", f);
                tool.create(f + ".tmp");
                tool.exit();
                Proc mv = script.spawn("/usr/bin/mv", "mv", "-f", f + ".tmp", f);
                mv.rename(f + ".tmp", f);
                mv.exit();
                if (encrypting) {
                    Proc mv2 = script.spawn("/usr/bin/mv", "mv", f, f + ".CRPTD");
                    mv2.rename(f, f + ".CRPTD");
                    mv2.exit();
                }
            }
            script.create("/srv/nas/share/" + d + "/RESTORE_FILES_INFO.txt");
        }
    }

    private static Proc suScript(Trail t, String script) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc login = sshd.spawnAs(Trail.creds(0, 0, 0, "root", "root"), "/usr/bin/bash", "bash", "-c",
                "su - svc-nas -c \"bash " + script + "\"");
        // bash -c with one command execs it: su is the ssh command's process
        Proc su = login.exec("/usr/bin/su", "su", "-", "svc-nas", "-c", "bash " + script);
        return su.spawnAs(Trail.creds(2050, 2050, 0, "svc-nas", "root"), "/usr/bin/bash", "bash", script)
                .cwd("/home/svc-nas");
    }

    @Test
    void anEncryptedTempMovedOverItsOriginalIsTheOriginalEncryptedInPlace() {
        Trail t = new Trail("nas01");
        encryptToTempAndMoveOver(suScript(t, "/tmp/.m/run.sh"), true);
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /tmp/.m/run.sh");
        assertThat(f.rootProcess().loginUser()).isEqualTo("root");
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void aTempMovedOverAFileNoEncryptingCommandReadIsAnEdit() {
        // sed writing each file's new text to a temp moved over it (what sed -i does), notes or not
        Trail t = new Trail("nas01");
        encryptToTempAndMoveOver(suScript(t, "/usr/local/bin/fix-years.sh"), false);
        List<Finding> findings = detect(t);
        assertThat(findings).allSatisfy(f -> assertThat(f.overwrite()).isNotEqualTo(OverwriteKind.IN_PLACE));
    }

    private static Proc userCron(Trail t, long uid, String user, String command) {
        Proc cron = t.existing(600, 1, "/usr/sbin/cron", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc job = cron.fork().login(uid, 77, user);
        return job.exec("/bin/sh", "/bin/sh", "-c", command);
    }

    /** A python script writing each file's transform beside it under {@code suffix}, then removing the file. */
    private static void pythonReplaces(Proc sh, String script, String suffix, String note) {
        Proc py = sh.spawn("/usr/bin/python3.11", "/usr/bin/python3", script, "/home/tomas/proj");
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/home/tomas/proj/" + d + "/doc-" + i + ".pdf";
                py.create(f + suffix);
                py.delete(f);
            }
            if (note != null) {
                py.create("/home/tomas/proj/" + d + "/" + note);
            }
        }
        py.exit();
    }

    @Test
    void aScriptReplacingFilesByCopiesUnderANewSuffixIsRaisedAfterThreeFiles() {
        Trail t = new Trail("build01");
        Proc sh = userCron(t, 2003, "tomas", "/usr/bin/python3 /home/tomas/.local/share/upd/upd.py /home/tomas/proj");
        pythonReplaces(sh, "/home/tomas/.local/share/upd/upd.py", ".tomcrypt", "HELP_RECOVER.txt");
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.filesBeforeFirstHighAlert()).as("the note reaches a second folder only after 8 files")
                .isLessThanOrEqualTo(5);
        assertThat(f.signal("early-certainty").description()).contains("or replaced them by copies under a new suffix,"
                + " three or more (/usr/bin/python3 /home/tomas/.local/share/upd/upd.py");
    }

    @Test
    void aScriptCompressingFilesAndRemovingThemIsNoEncryption() {
        // a log archiver in python: gzip-compressed copies beside the logs, the logs removed
        Trail t = new Trail("build01");
        Proc sh = userCron(t, 2003, "tomas", "/usr/bin/python3 /home/tomas/bin/archive_logs.py /home/tomas/proj");
        pythonReplaces(sh, "/home/tomas/bin/archive_logs.py", ".gz", null);
        assertThat(detect(t)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** The binary rewrites every file of five folders in place (O_RDWR, no rename), its note after each folder. */
    private static Finding inPlaceBinary(String exe, String note) {
        Trail t = new Trail("web-shop01");
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc cmd = sshd.spawnAs(Trail.creds(2060, 2060, 2060, "deploy", "deploy"), "/usr/bin/bash", "bash", "-c",
                "sudo " + exe + " /var/www/shop/uploads");
        Proc sudo = cmd.spawn("/usr/bin/sudo", "sudo", exe, "/var/www/shop/uploads");
        Proc bin = sudo.spawnAs(Trail.creds(0, 0, 2060, "root", "deploy"), exe, exe, "/var/www/shop/uploads");
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                bin.writeInPlace("/var/www/shop/uploads/" + d + "/img-" + i + ".jpg");
            }
            if (note != null) {
                bin.create("/var/www/shop/uploads/" + d + "/" + note);
            }
        }
        bin.exit();
        return worst(detect(t));
    }

    @Test
    void aBinaryDroppedInTmpRewritingFilesInPlaceIsRaisedAfterThreeFiles() {
        Finding f = inPlaceBinary("/tmp/.vmtools-upd", "how_to_restore.html");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
        assertThat(f.signal("early-certainty").description())
                .contains("that binary runs from a world-writable temporary directory");
    }

    @Test
    void theSameRewritesByAProgramOutsideTheTemporaryDirectoriesWaitForMoreThanOneFact() {
        Finding f = inPlaceBinary("/home/deploy/bin/resize-images", "how_to_restore.html");
        assertThat(f.signal("early-certainty").description()).doesNotContain("temporary directory");
        assertThat(f.filesBeforeFirstHighAlert()).as("raised only when the note reaches a second folder")
                .isGreaterThan(5);
    }

    /** for d in HOMES; do tar cf - -C parent name | openssl enc … -out d.tar.enc && rm -rf d; done (keep: no rm) */
    private static List<Finding> homesArchived(boolean removeOriginals) {
        Trail t = new Trail("fs01");
        Proc loop = cronRoot(t, "for d in /home/mkowalski/Documents /home/priya/work; do tar cf - … | openssl enc …");
        for (String home : List.of("/home/mkowalski/Documents", "/home/priya/work")) {
            loop.spawn("/usr/bin/tar", "tar", "cf", "-", home).exit();
            loop.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:homes-X1",
                    "-out", home + ".tar.enc").create(home + ".tar.enc").exit();
            if (removeOriginals) {
                Proc rm = loop.spawn("/usr/bin/rm", "rm", "-rf", home);
                for (String d : DIRS) {
                    for (int i = 1; i <= 8; i++) {
                        rm.delete(home + "/" + d + "/doc-" + i + ".odt");
                    }
                }
                rm.exit();
            }
        }
        return detect(t);
    }

    @Test
    void anEncryptedArchiveOfAWholeFolderThenTheFolderDeletedIsRaisedAfterThreeFiles() {
        Finding f = worst(homesArchived(true));
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        // the second openssl run (a loop's second encrypting run) comes only after 40 deletions: what raised it
        // after three is the first archive's walk over a whole folder
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void anEncryptedBackupOfTheFoldersThatKeepsThemIsNoAttack() {
        assertThat(homesArchived(false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** for f in …; do mv f f.rnsmw; done; for f in *.rnsmw; do openssl enc … -out /dev/shm/.t && cat /dev/shm/.t > f; done */
    private static Finding renameFirst(boolean rewrite) {
        Trail t = new Trail("web-shop01");
        Proc script = cronRoot(t, "/usr/local/lib/.sysupd/r.sh")
                .spawn("/usr/bin/bash", "/bin/bash", "/usr/local/lib/.sysupd/r.sh");
        List<String> renamed = new java.util.ArrayList<>();
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/var/www/shop/uploads/" + d + "/img-" + i + ".jpg";
                script.spawn("/usr/bin/mv", "mv", f, f + ".rnsmw").rename(f, f + ".rnsmw").exit();
                renamed.add(f + ".rnsmw");
            }
        }
        if (rewrite) {
            for (String f : renamed) {
                script.spawn("/usr/bin/openssl", "openssl", "enc", "-chacha20", "-pbkdf2", "-k", "RW-1", "-in", f,
                        "-out", "/dev/shm/.t").exit();
                script.truncateOpen(f); // the shell's "> f" for cat
                script.spawn("/usr/bin/cat", "cat", "/dev/shm/.t").exit();
            }
        }
        return worst(detect(t));
    }

    @Test
    void filesRenamedFirstAndRewrittenAfterAreEncryptedInPlace() {
        Finding f = renameFirst(true);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.signal("overwrite-in-place").description()).startsWith("40 existing files overwritten in place");
    }

    @Test
    void filesOnlyRenamedStayRenameOnly() {
        assertThat(renameFirst(false).overwrite()).isEqualTo(OverwriteKind.RENAME_ONLY);
    }

    /** sudo -i, its login shell running find -exec ccencrypt {} + and writing a note per folder. */
    private static List<Finding> sudoLoginShell(boolean fedByAnSshCommand) {
        Trail t = new Trail("nas01");
        Proc outer;
        if (fedByAnSshCommand) {
            Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
            outer = sshd.spawnAs(Trail.creds(2001, 2001, 2001, "mkowalski", "mkowalski"), "/usr/bin/bash", "bash",
                    "-c", "sudo -i <<\"X\"\nfind /srv/nas/share -type f -exec ccencrypt -f -K k {} +\n…\nX");
        } else {
            outer = t.sshLogin("mkowalski", 2001); // typed at a terminal
        }
        Proc sudo = outer.spawn("/usr/bin/sudo", "sudo", "-i");
        Proc shell = sudo.spawnAs(Trail.creds(0, 0, 2001, "root", "mkowalski"), "/usr/bin/bash", "-bash");
        Proc find = shell.spawn("/usr/bin/find", "find", "/srv/nas/share", "-type", "f", "-exec", "ccencrypt", "-f",
                "-K", "k", "{}", "+");
        List<String> argv = new java.util.ArrayList<>(List.of("ccencrypt", "-f", "-K", "k"));
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                argv.add("/srv/nas/share/" + d + "/doc-" + i + ".odt");
            }
        }
        Proc cc = find.spawn("/usr/bin/ccrypt", argv.toArray(String[]::new));
        for (String f : argv.subList(4, argv.size())) {
            cc.writeInPlace(f).rename(f, f + ".cpt");
        }
        cc.exit();
        find.exit();
        for (String d : DIRS) {
            shell.create("/srv/nas/share/" + d + "/HOW-TO-GET-FILES-BACK.txt");
        }
        return detect(t);
    }

    @Test
    void aLoginShellFedByAnSshCommandIsPartOfItsCampaign() {
        List<Finding> findings = sudoLoginShell(true);
        Finding f = worst(findings);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.rootProcess().commandLine()).startsWith("bash -c sudo -i");
        assertThat(f.rootProcess().loginUser()).isEqualTo("mkowalski");
        assertThat(findings).filteredOn(x -> x != f).allSatisfy(x -> assertThat(x.severity().atLeast(Severity.MEDIUM))
                .as("the notes are the same campaign's").isFalse());
    }

    @Test
    void oneEncryptingRunHandedTheFoundFilesByFindIsATraversalAtOnce() {
        // find -exec ccencrypt … {} + runs ccrypt once over every file found: the run itself is the traversal, so
        // the first renamed files raise it (was 20 files: the notes came only after the last file)
        Finding f = worst(sudoLoginShell(true));
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(4);
        assertThat(f.signal("early-certainty").description())
                .contains("encrypting tool driven by a traversal (ccrypt over 40 files at once under ");
    }

    @Test
    void oneEncryptingRunOverFoundFilesThatKeepsThemIsNoAttack() {
        // the same batch hand-over for an encrypted backup: gpg --encrypt-files writes F.gpg beside each F and
        // keeps F; the copies are then moved to a backup folder
        Trail t = new Trail("ws-priya");
        Proc sh = sshCommand(t, "find ~/work -type f -print0 | xargs -0 gpg -r priya@example.org --encrypt-files");
        Proc xargs = sh.spawn("/usr/bin/xargs", "xargs", "-0", "gpg", "-r", "priya@example.org", "--encrypt-files");
        List<String> argv = new java.util.ArrayList<>(List.of("gpg", "-r", "priya@example.org", "--encrypt-files"));
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                argv.add("/home/priya/work/" + d + "/doc-" + i + ".odt");
            }
        }
        Proc gpg = xargs.spawn("/usr/bin/gpg", argv.toArray(String[]::new));
        for (String f : argv.subList(4, argv.size())) {
            gpg.create(f + ".gpg");
        }
        gpg.exit();
        for (String f : argv.subList(4, argv.size())) {
            sh.rename(f + ".gpg", "/home/priya/backup/" + f.substring(f.lastIndexOf('/') + 1) + ".gpg");
        }
        assertThat(detect(t)).allSatisfy(x -> assertThat(x.severity().atLeast(Severity.MEDIUM))
                .as(x.title()).isFalse());
    }

    /**
     * svc-nas's crontab: per folder, each scan copied by cp -p to the archive when {@code copies}, renamed
     * F.processed by mv (and, when {@code encrypts}, first rewritten in place by a tool dropped in /dev/shm), a line
     * appended to the folder's processed.log.
     */
    private static List<Finding> markProcessed(boolean copies, boolean encrypts) {
        Trail t = new Trail("nas01");
        Proc sh = userCron(t, 2050, "svc-nas", "/home/svc-nas/bin/ingest.sh")
                .spawn("/usr/bin/bash", "/bin/bash", "/home/svc-nas/bin/ingest.sh");
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String name = d + "-scan-" + i + ".pdf";
                String f = "/srv/nas/share/" + d + "/" + name;
                if (copies) {
                    sh.spawn("/usr/bin/cp", "cp", "-p", f, "/srv/nas/ingest-archive/")
                            .create("/srv/nas/ingest-archive/" + name).exit();
                }
                if (encrypts) {
                    sh.spawn("/dev/shm/.k/enc", "/dev/shm/.k/enc", f).writeInPlace(f).exit();
                }
                sh.spawn("/usr/bin/mv", "mv", f, f + ".processed").rename(f, f + ".processed").exit();
                sh.append("/srv/nas/share/" + d + "/processed.log");
            }
        }
        return detect(t);
    }

    @Test
    void filesCopiedIntactElsewhereThenRenamedAreMarkedDoneNotHeld() {
        // independent b30: cp -p F /archive/ && mv F F.processed — every file's content kept under its own name
        assertThat(markProcessed(true, false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM))
                .as(f.title()).isFalse());
    }

    @Test
    void theSameRenamesWithoutACopyStillCount() {
        // a locker whose writes the rule set does not log (renames and unlinks only) looks like this: still raised
        assertThat(worst(markProcessed(false, false)).severity().atLeast(Severity.HIGH)).isTrue();
    }

    @Test
    void filesCopiedOutThenEncryptedInPlaceAndRenamedStillCount() {
        // exfiltration first (the copies), then the files rewritten and renamed: the rewrite is what counts
        Finding f = worst(markProcessed(true, true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        // raised after the third rewritten file, the archive copies made before each counted among the files too
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(8);
    }

    /**
     * root's script, per file: {@code dd if=F | openssl enc … | dd of=F conv=notrunc} (h26) — the pipeline's three
     * members forked by the loop's subshell; with {@code streamed} false the rewrite is no pipeline's but a tool's
     * own in-place update beside an encrypted backup stream (the look-alike).
     */
    private static List<Finding> ddThroughOpenssl(boolean streamed) {
        Trail t = new Trail("web-shop01");
        Proc loop = sshCommand(t, "sudo /usr/local/lib/.ddc/c.sh")
                .spawnAs(Trail.creds(0, 0, 2002, "root", "priya"), "/usr/bin/bash", "/bin/bash", "/usr/local/lib/.ddc/c.sh")
                .spawn("/usr/bin/bash", "/bin/bash", "/usr/local/lib/.ddc/c.sh");
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/srv/nas/share/" + d + "/doc-" + i + ".pdf";
                loop.spawn("/usr/bin/dd", "dd", "if=" + f, "bs=64k").exit();
                if (streamed) {
                    loop.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-nosalt", "-pbkdf2", "-pass",
                            "pass:k").exit();
                    loop.spawn("/usr/bin/dd", "dd", "of=" + f, "bs=64k", "conv=notrunc").writeInPlace(f).exit();
                } else {
                    loop.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-pbkdf2", "-pass", "pass:k",
                            "-out", "/var/backups/" + d + "-" + i + ".enc").create("/var/backups/" + d + "-" + i + ".enc")
                            .exit();
                    loop.spawn("/usr/local/bin/touch-index", "touch-index", f).writeInPlace(f).exit();
                }
            }
        }
        return detect(t);
    }

    @Test
    void aFileRewrittenInPlaceByItsPipelinesEncryptingCommandIsChangedDataAtOnce() {
        Finding f = worst(ddThroughOpenssl(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesBeforeFirstHighAlert()).as("was 20: only the traversal fact held").isLessThanOrEqualTo(4);
        assertThat(f.signal("early-certainty").description())
                .contains("a file rewritten in place by the encrypting command of its pipeline (/srv/nas/share/");
    }

    @Test
    void inPlaceUpdatesBesideAnEncryptedBackupStreamAreNoPipelineRewrite() {
        assertThat(ddThroughOpenssl(false)).allSatisfy(f -> assertThat(f.signal("early-certainty") == null
                || !f.signal("early-certainty").description().contains("by the encrypting command of its pipeline"))
                .isTrue());
    }

    @Test
    void aLoginShellATerminalFeedsRunsEachCommandOnItsOwn() {
        Finding f = worst(sudoLoginShell(false));
        assertThat(f.rootProcess().commandLine()).startsWith("find /srv/nas/share");
    }

    /** For each file: the XOR'd content to a mkstemp temp, os.replace(temp, f), then os.rename(f, f + suffix). */
    private static List<Finding> pythonSafeWrites(String suffix) {
        Trail t = new Trail("web-shop01");
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc cmd = sshd.spawnAs(Trail.creds(2060, 2060, 2060, "deploy", "deploy"), "/usr/bin/bash", "bash", "-c",
                "sudo python3 /opt/.tools/sync_agent.py /var/www/shop/uploads");
        Proc py = cmd.spawn("/usr/bin/sudo", "sudo", "python3", "/opt/.tools/sync_agent.py", "/var/www/shop/uploads")
                .spawnAs(Trail.creds(0, 0, 2060, "root", "deploy"), "/usr/bin/python3.11", "python3",
                        "/opt/.tools/sync_agent.py", "/var/www/shop/uploads");
        int n = 0;
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/var/www/shop/uploads/" + d + "/img-" + i + ".jpg";
                String tmp = "/var/www/shop/uploads/" + d + "/.sa-" + Integer.toHexString(0x5a1 + n++);
                py.create(tmp).rename(tmp, f);
                if (suffix != null) {
                    py.rename(f, f + suffix);
                }
            }
        }
        return detect(t);
    }

    @Test
    void aScriptsSafeWritesFollowedByANewSuffixAreEncryptionInPlace() {
        Finding f = worst(pythonSafeWrites(".pyenc"));
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void aScriptsSafeWritesAloneAreAnEdit() {
        // a configuration tool rewriting 40 files through temps moved over them, as sed -i does
        assertThat(pythonSafeWrites(null)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** Per folder: a new file with a random 32-hex name written, then the file it replaces removed; a note after. */
    private static List<Finding> randomNamedCopies(String exe, String script, boolean originalsHaveOrdinaryNames) {
        return randomNamedCopies(exe, script, originalsHaveOrdinaryNames, "", ".pdf", true);
    }

    /**
     * Per folder: a new file with a random name ({@code copySuffix} after it, as {@code <uuid>.lck}) written, then the
     * file it replaces removed ({@code originalSuffix} after an ordinary name, or a random name too); a note after
     * when {@code notes}.
     */
    private static List<Finding> randomNamedCopies(String exe, String script, boolean originalsHaveOrdinaryNames,
            String copySuffix, String originalSuffix, boolean notes) {
        Trail t = new Trail("ws-priya");
        Proc cmd = sshCommand(t, "python3 " + script + " ~/work");
        Proc p = cmd.spawn(exe, "python3", script, "/home/priya/work");
        int n = 0;
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String dir = "/home/priya/work/" + d + "/";
                long bits = 0x9e3779b97f4a7c15L * ++n;
                String copy = dir + (copySuffix.isEmpty() ? String.format("%032x", bits)
                        : String.format("%08x-%04x-4%03x-a%03x-%012x", (int) bits, (bits >>> 32) & 0xffff, n, n, bits >>> 16))
                        + copySuffix;
                String original = originalsHaveOrdinaryNames ? dir + "report_" + i + originalSuffix
                        : dir + String.format("%032x", 0x51afd7ed558ccd1L * n) + copySuffix;
                p.create(copy).delete(original);
            }
            if (originalsHaveOrdinaryNames && notes) {
                p.create("/home/priya/work/" + d + "/READ_ME_NOW.txt");
            }
        }
        return detect(t);
    }

    /** independent h27: python writing each file's encryption to {@code <uuid4>.lck} beside it, the original unlinked. */
    @Test
    void encryptedCopiesUnderRandomNamesWithTheLockersSuffixPairToo() {
        Finding f = worst(randomNamedCopies("/usr/bin/python3.11", "/var/tmp/.u/lk.py", true, ".lck", ".pdf", true));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void photosCopiedToContentHashNamesOfTheirOwnTypeAreNoEncryption() {
        // a deduplicator moving each photo to <sha1>.jpg across file systems (copy, then unlink): the type stays
        assertThat(randomNamedCopies("/usr/bin/python3.11", "/home/tomas/bin/dedupe-photos.py", true, ".jpg", ".JPG", false))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    @Test
    void aCacheReplacingHashNamedEntriesWithASuffixIsNoCopyAndOriginal() {
        assertThat(randomNamedCopies("/usr/bin/python3.11", "/usr/lib/python3/dist-packages/thumb_gc.py", false, ".png", ".png", false))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /**
     * svc-nas's cron {@code find /srv/nas/exports -name 'orders-*.csv' [AGE] -exec shred -u {} +}: shred overwrites
     * each file, renames it through 000… names and unlinks it (independent b33 with {@code -mtime +30}).
     */
    private static List<Finding> findShred(String... age) {
        Trail t = new Trail("nas01");
        Proc cron = t.existing(600, 1, "/usr/sbin/cron", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc job = cron.forkAs(Trail.creds(2050, 2050, Credentials.UNSET, "svc-nas", null)).login(2050, 52, "svc-nas");
        List<String> findArgs = new java.util.ArrayList<>(List.of("find", "/srv/nas/exports", "-name", "orders-*.csv"));
        findArgs.addAll(List.of(age));
        findArgs.addAll(List.of("-exec", "shred", "-u", "{}", "+"));
        Proc sh = job.exec("/bin/sh", "/bin/sh", "-c", String.join(" ", findArgs));
        Proc find = sh.spawn("/usr/bin/find", findArgs.toArray(String[]::new));
        List<String> files = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            files.add("/srv/nas/exports/orders-2026-10-" + String.format("%02d", i % 28 + 1) + "-" + i + ".csv");
        }
        List<String> shredArgs = new java.util.ArrayList<>(List.of("shred", "-u"));
        shredArgs.addAll(files);
        Proc shred = find.spawn("/usr/bin/shred", shredArgs.toArray(String[]::new));
        for (String f : files) {
            String zeros = "/srv/nas/exports/" + "0".repeat(f.length() - "/srv/nas/exports/".length());
            shred.writeInPlace(f).rename(f, zeros).delete(zeros);
        }
        return detect(t);
    }

    @Test
    void expiredExportsShreddedByAnAgeSelectingFindAreHousekeeping() {
        assertThat(findShred("-mtime", "+30"))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    @Test
    void theSameShredOfEveryFileOrOfTheRecentOnesIsStillDestruction() {
        assertThat(worst(findShred()).severity()).isEqualTo(Severity.HIGH);
        assertThat(worst(findShred("!", "-mtime", "+30")).severity()).isEqualTo(Severity.HIGH);
        assertThat(worst(findShred("-mtime", "-3")).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void encryptedCopiesUnderRandomNamesPairWithTheOriginalsTheyReplace() {
        Finding f = worst(randomNamedCopies("/usr/bin/python3.11", "/var/tmp/.pyc/w.py", true));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void aCacheReplacingHashNamedEntriesByOthersIsNoCopyAndOriginal() {
        // a content-addressed cache evicting old entries as it writes new ones: random names on both sides
        assertThat(randomNamedCopies("/usr/bin/python3.11", "/usr/lib/python3/dist-packages/cache_gc.py", false))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /**
     * Per file {@code openssl enc -in F -out /dev/shm/.o/DIR/NAME.stg}, then {@code rm -f F} when {@code deleteOriginals}
     * (a note per folder); else the originals stay and last run's copies are removed (a nightly encrypted backup).
     */
    private static List<Finding> encryptedCopiesElsewhere(boolean deleteOriginals) {
        Trail t = new Trail("nas01");
        String script = deleteOriginals ? "/usr/local/share/.st/stage.sh" : "/usr/local/sbin/nightly-enc-backup.sh";
        Proc sh = cronRoot(t, script);
        Proc bash = sh.exec("/usr/bin/bash", "/bin/bash", script);
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/srv/nas/share/" + d + "/doc-" + i + ".pdf";
                String copy = (deleteOriginals ? "/dev/shm/.o/" : "/var/backups/enc/") + d + "/doc-" + i + ".pdf.stg";
                if (!deleteOriginals) {
                    Proc old = bash.spawn("/usr/bin/rm", "rm", "-f", copy);
                    old.delete(copy);
                    old.exit();
                }
                Proc openssl = bash.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-pbkdf2", "-pass",
                        "pass:k", "-in", f, "-out", copy);
                openssl.create(copy);
                openssl.exit();
                if (deleteOriginals) {
                    Proc rm = bash.spawn("/usr/bin/rm", "rm", "-f", f);
                    rm.delete(f);
                    rm.exit();
                }
            }
            if (deleteOriginals) {
                bash.create("/srv/nas/share/" + d + "/FILES_TAKEN.txt");
            }
        }
        return detect(t);
    }

    @Test
    void encryptedCopiesWrittenToAnotherDirectoryPairWithTheOriginalsTheCommandRead() {
        Finding f = worst(encryptedCopiesElsewhere(true));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.filesAffected()).as("each original and its copy elsewhere are one file").isEqualTo(40);
        assertThat(f.extensions()).contains(".stg");
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
    }

    @Test
    void anEncryptedBackupElsewhereThatKeepsTheOriginalsIsNoAttack() {
        // the same commands writing the same copies, but the originals stay and only last night's copies go
        assertThat(encryptedCopiesElsewhere(false))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /**
     * A root daemon without a login uid (setsid from a root shell that has none) runs a compiled locker from
     * /usr/local/bin: its walker first writes {@code note} into every folder, then each file is rewritten in place
     * (O_RDWR) and, when {@code suffix} is given, renamed to it.
     */
    private static Finding daemonWritesNotesFirst(String note, String suffix) {
        Trail t = new Trail("nas02");
        Proc shell = t.existing(900, 1, "/usr/bin/bash", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc sh = shell.spawn("/usr/bin/dash", "sh", "-c", "/usr/local/bin/udisks-helperd /srv/nas/share; touch /tmp/d");
        Proc bin = sh.spawn("/usr/local/bin/udisks-helperd", "/usr/local/bin/udisks-helperd", "/srv/nas/share");
        for (String d : DIRS) {
            bin.create("/srv/nas/share/" + d + "/" + note);
        }
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String f = "/srv/nas/share/" + d + "/scan-" + i + ".pdf";
                bin.writeInPlace(f);
                if (suffix != null) {
                    bin.rename(f, f + suffix);
                }
            }
        }
        bin.exit();
        return worst(detect(t));
    }

    @Test
    void notesNamedAfterTheNewSuffixAreNotesFromTheFirstRenamesNotFilesOfTheVictims() {
        Finding f = daemonWritesNotesFirst("!README_LCK4!.txt", ".lck4");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.rootProcess().loginUser()).as("a root daemon without a login uid").isNull();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.filesBeforeFirstHighAlert()).as("the five notes written first are no files of the victim's")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aUserMarkingAFewDraftsBySuffixBesideAListNamedAfterItIsNoAttack() {
        // a user's script renaming three drafts per folder in two folders to F.draft, a draft-notes.txt beside
        // them: the list carries the suffix's word and counts as a note, not as a file, yet six renames in a
        // user's own two folders stay what they are
        Trail t = new Trail("ws-priya");
        Proc bash = sshCommand(t, "bash ~/bin/park-drafts.sh").exec("/usr/bin/bash", "bash", "/home/priya/bin/park-drafts.sh");
        for (String d : List.of("thesis", "letters")) {
            bash.create("/home/priya/work/" + d + "/draft-notes.txt");
            for (int i = 1; i <= 3; i++) {
                String f = "/home/priya/work/" + d + "/chapter-" + i + ".odt";
                Proc mv = bash.spawn("/usr/bin/mv", "mv", f, f + ".draft");
                mv.rename(f, f + ".draft");
                mv.exit();
            }
        }
        assertThat(detect(t)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
}
