package io.ransomtrace.engine.recovery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** How each original of a campaign comes back, with the event each claim rests on. */
class RecoveryPlannerTest {

    private static ChangedFile deleted(String path, String newName, long id) {
        return new ChangedFile(path, newName, false, true, Commands.T0.plusSeconds(1), id, id);
    }

    private static ChangedFile overwritten(String path, String newName, long id) {
        return new ChangedFile(path, newName, true, newName != null, Commands.T0.plusSeconds(1), id, newName != null ? id + 1 : -1);
    }

    private static Map<String, FileRecovery> byPath(RecoveryPlan p) {
        return p.files().stream().collect(Collectors.toMap(FileRecovery::original, Function.identity()));
    }

    @Test
    void keysInTheLogDecryptAndTheRestComesFromBackupOrUndelete() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/srv", "bash", "/tmp/enc.sh");
        List<ChangedFile> changed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cs.run(script.pid(), "/srv/d", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:K3y", "-in", "f" + i,
                    "-out", "f" + i + ".enc");
            changed.add(deleted("/srv/d/f" + i, "/srv/d/f" + i + ".enc", 900 + i));
        }
        LoggedCommand fromFile = cs.run(script.pid(), "/srv/d", "openssl", "enc", "-aes-256-cbc", "-pass", "file:/root/.k",
                "-in", "g", "-out", "g.enc");
        changed.add(deleted("/srv/d/g", "/srv/d/g.enc", 950));
        LoggedCommand ccrypt = cs.run(script.pid(), "/srv", "ccrypt", "-e", "-r", "-k", "/root/.ck", "x");
        changed.add(overwritten("/srv/x/y.db", "/srv/x/y.db.cpt", 960));
        changed.add(overwritten("/srv/z/native.bin", null, 970)); // a native locker: no command names it

        RecoveryPlan plan = RecoveryPlanner.plan(cs.all(), changed, Map.of(), true);
        Map<String, FileRecovery> f = byPath(plan);
        assertThat(f.get("/srv/d/f1").method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(f.get("/srv/d/f1").target().encryptedPath()).isEqualTo("/srv/d/f1.enc");
        assertThat(f.get("/srv/d/f1").reason()).contains("/srv/d/f1.enc → /srv/d/f1").doesNotContain("K3y");
        assertThat(f.get("/srv/d/g").method()).isEqualTo(RecoveryMethod.UNDELETE_POSSIBLE);
        assertThat(f.get("/srv/d/g").seize()).isEqualTo("/root/.k");
        assertThat(f.get("/srv/x/y.db").method()).isEqualTo(RecoveryMethod.RESTORE_FROM_BACKUP);
        assertThat(f.get("/srv/x/y.db").seize()).isEqualTo("/root/.ck");
        assertThat(f.get("/srv/x/y.db").evidence()).isEqualTo(ccrypt.eventId());
        assertThat(f.get("/srv/z/native.bin").method()).isEqualTo(RecoveryMethod.RESTORE_FROM_BACKUP);
        assertThat(f.get("/srv/z/native.bin").evidence()).isEqualTo(970);
        assertThat(f.get("/srv/d/g").evidence()).isEqualTo(950);
        assertThat(fromFile.eventId()).isPositive();
        assertThat(plan.summary()).isEqualTo("3 of 6 files can be decrypted with the key seen in the audit log; "
                + "1 may be undeleted (deleted, never overwritten); 2 must come from backup. Seize /root/.k: the key to 1 file. "
                + "Seize /root/.ck: the key to 1 file.");
        assertThat(plan.keys()).anySatisfy(k -> {
            assertThat(k.key().secret()).isEqualTo("K3y");
            assertThat(k.files()).isEqualTo(3);
            assertThat(k.decrypts()).isEqualTo(3);
        });
    }

    @Test
    void aDecryptCommandInTheLogIsNeverTakenForTheAttackersKey() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/srv", "bash", "/tmp/enc.sh");
        cs.run(script.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:Real", "-in", "a", "-out", "a.enc");
        // the attacker proves the key works, with a wrong one first, after the encryption
        cs.run(script.pid(), "/srv", "openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:Decoy", "-in", "a.enc",
                "-out", "/tmp/proof");
        cs.run(script.pid(), "/srv", "gpg", "--batch", "--passphrase", "Decoy", "-d", "a.enc");
        RecoveryPlan plan = RecoveryPlanner.plan(cs.all(), List.of(deleted("/srv/a", "/srv/a.enc", 500)), Map.of(), true);
        FileRecovery a = plan.files().get(0);
        assertThat(plan.files()).hasSize(1);
        assertThat(a.method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(a.decryptCommand().display()).contains("pass:Real").doesNotContain("Decoy");
        assertThat(plan.keys()).hasSize(1);
    }

    @Test
    void archiversWithoutDeleteLeaveOriginalsIntactAndEncryptedCopiesThatAreGoneCannotBeDecrypted() {
        Commands cs = new Commands();
        LoggedCommand sh = cs.run(1, "/srv/legal", "bash", "-c", "...");
        LoggedCommand zip = cs.run(sh.pid(), "/srv/legal", "zip", "-q", "-P", "pw", "legal.zip", "a.pdf", "b.pdf");
        cs.run(sh.pid(), "/srv/hr", "7z", "a", "-pX", "-sdel", "c.7z", "c.doc");
        cs.run(sh.pid(), "/srv/hr", "gpg", "--passphrase", "p", "-c", "d.doc");
        List<ChangedFile> changed = List.of(deleted("/srv/hr/c.doc", null, 700), deleted("/srv/hr/d.doc", "/srv/hr/d.doc.gpg", 710));
        RecoveryPlan plan = RecoveryPlanner.plan(cs.all(), changed, Map.of("/srv/hr/d.doc.gpg", 720L), true);
        Map<String, FileRecovery> f = byPath(plan);
        assertThat(f.get("/srv/legal/a.pdf").method()).isEqualTo(RecoveryMethod.INTACT);
        assertThat(f.get("/srv/legal/a.pdf").evidence()).isEqualTo(zip.eventId());
        assertThat(f.get("/srv/hr/c.doc").method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(f.get("/srv/hr/c.doc").target()).isEqualTo(new Recipe.Target("/srv/hr/c.7z", "c.doc"));
        assertThat(f.get("/srv/hr/d.doc").method()).isEqualTo(RecoveryMethod.UNDELETE_POSSIBLE);
        assertThat(f.get("/srv/hr/d.doc").reason()).contains("d.doc.gpg was deleted or overwritten in event 720");
        assertThat(plan.summary()).startsWith("1 of 4 files can be decrypted").contains("2 were left intact by the archiver");
    }

    @Test
    void withExecOnlyTelemetryTheCommandsAloneGiveThePlan() {
        Commands cs = new Commands();
        LoggedCommand xargs = cs.run(1, "/srv", "xargs", "-0", "-I{}", "openssl", "...");
        cs.run(xargs.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-salt", "-pass", "pass:DR", "-in", "home/a.docx",
                "-out", "home/a.docx.☢");
        cs.run(xargs.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-pass", "env:K", "-in", "home/b.docx", "-out", "home/b.docx.☢");
        LoggedCommand rm = cs.run(xargs.pid(), "/srv", "rm", "-f", "home/b.docx");
        RecoveryPlan plan = RecoveryPlanner.plan(cs.all(), List.of(), Map.of(), false);
        Map<String, FileRecovery> f = byPath(plan);
        assertThat(f.get("/srv/home/a.docx").method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(f.get("/srv/home/a.docx").target().encryptedPath()).isEqualTo("/srv/home/a.docx.☢");
        assertThat(f.get("/srv/home/b.docx").method()).isEqualTo(RecoveryMethod.UNDELETE_POSSIBLE);
        assertThat(f.get("/srv/home/b.docx").evidence()).isEqualTo(rm.eventId());
        assertThat(f.get("/srv/home/b.docx").seize()).contains("environment variable K");
    }

    @Test
    void aRedirectedOutputIsFoundFromTheFilesTheProcessCreated() {
        Commands cs = new Commands();
        LoggedCommand sh = cs.run(1, "/srv", "bash", "/tmp/x.sh");
        LoggedCommand tool = cs.run(sh.pid(), "/srv", "openssl", "enc", "-aes-256-cbc", "-k", "redir");
        LoggedCommand withFiles = tool.withCreatedFiles(List.of("/srv/r.txt.enc"));
        List<LoggedCommand> all = new ArrayList<>(cs.all());
        all.set(all.size() - 1, withFiles);
        RecoveryPlan plan = RecoveryPlanner.plan(all, List.of(deleted("/srv/r.txt", "/srv/r.txt.enc", 800)), Map.of(), true);
        assertThat(plan.files().get(0).method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(plan.files().get(0).decryptCommand().display()).contains("-in /srv/r.txt.enc");
    }

    @Test
    void ofTwoCommandsNamingAFileTheOneBeforeItsChangeWins() {
        Commands cs = new Commands();
        cs.run(1, "/srv", "openssl", "enc", "-aes-256-cbc", "-k", "first", "-in", "a", "-out", "a.enc");
        List<ChangedFile> changed = List.of(new ChangedFile("/srv/a", "/srv/a.enc", false, true,
                Instant.parse("2026-12-01T10:00:00.015Z"), 1, 1));
        List<LoggedCommand> all = new ArrayList<>(cs.all());
        LoggedCommand second = new LoggedCommand(999, Commands.T0.plusSeconds(60), 7000, 1, "/usr/bin/openssl",
                List.of("openssl", "enc", "-aes-256-cbc", "-k", "second", "-in", "a", "-out", "a.enc"), "/srv");
        all.add(second);
        FileRecovery a = RecoveryPlanner.plan(all, changed, Map.of(), true).files().get(0);
        assertThat(a.decryptCommand().display()).contains("-k first");
    }

    /** Per-folder archives through a pipe, then rm -rf of each folder: each deleted file is a member of its archive. */
    @Test
    void foldersTarredIntoAnEncryptingPipeAndDeletedComeBackFromTheirArchive() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/var/www", "bash", "/home/carol/.cache/pk.sh");
        List<ChangedFile> changed = new ArrayList<>();
        for (String site : List.of("intranet", "shop")) {
            cs.run(script.pid(), "/var/www", "tar", "czf", "-", site);
            cs.run(script.pid(), "/var/www", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:S1te", "-out",
                    site + ".tgz.enc");
            cs.run(script.pid(), "/var/www", "rm", "-rf", site);
            changed.add(deleted("/var/www/" + site + "/index.php", null, 600));
            changed.add(deleted("/var/www/" + site + "/img/logo.png", null, 601));
        }
        Map<String, FileRecovery> f = byPath(RecoveryPlanner.plan(cs.all(), changed, Map.of(), true));
        FileRecovery logo = f.get("/var/www/shop/img/logo.png");
        assertThat(logo.method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(logo.target()).isEqualTo(new Recipe.Target("/var/www/shop.tgz.enc", "shop/img/logo.png"));
        assertThat(logo.recipe().tool()).isEqualTo("tar | openssl enc");
        assertThat(logo.reason()).doesNotContain("S1te").contains("the passphrase •••• (4 characters");
        assertThat(logo.decryptCommand().display()).contains("tar -x -z -O -f - -- \"$m\"", "pass:S1te", "shop/img/logo.png");
        assertThat(logo.decryptCommand().tools()).containsExactly("tar", "openssl");
        assertThat(f.get("/var/www/intranet/index.php").target().encryptedPath()).isEqualTo("/var/www/intranet.tgz.enc");
        assertThat(f).hasSize(4);
    }

    @Test
    void gpgtarWritesItsArchiveIntoTheGpgItStarts() {
        Commands cs = new Commands();
        LoggedCommand agent = cs.run(1, "/srv/studio/clients", "bash", "/usr/local/lib/.pm2/agent.sh");
        LoggedCommand gpgtar = cs.run(agent.pid(), "/srv/studio/clients", "gpgtar", "--symmetric", "--gpg-args",
                "--batch --passphrase st-1", "-o", "../.thumbs.db", "lumen", "./north");
        cs.run(gpgtar.pid(), "/srv/studio/clients", "gpg", "--output", "../.thumbs.db", "--symmetric", "--batch",
                "--passphrase", "st-1");
        List<ChangedFile> changed = List.of(deleted("/srv/studio/clients/lumen/a.psd", null, 700),
                deleted("/srv/studio/clients/north/b/c.ai", null, 701));
        Map<String, FileRecovery> f = byPath(RecoveryPlanner.plan(cs.all(), changed, Map.of(), true));
        assertThat(f.get("/srv/studio/clients/lumen/a.psd").target())
                .isEqualTo(new Recipe.Target("/srv/studio/.thumbs.db", "lumen/a.psd"));
        FileRecovery c = f.get("/srv/studio/clients/north/b/c.ai");
        assertThat(c.method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(c.target().member()).as("tar keeps ./ as given").isEqualTo("./north/b/c.ai");
        assertThat(c.decryptCommand().display()).contains("--passphrase st-1 --decrypt").doesNotContain(" -z ");
    }

    @Test
    void aCompressorBetweenTarAndTheEncryptorIsUndoneByTar() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/home/eve", "sh", "-c", "tar cf - Documents | xz -9 | gpg -c --batch --passphrase P -o d.bin");
        cs.run(script.pid(), "/home/eve", "tar", "cf", "-", "Documents");
        cs.run(script.pid(), "/home/eve", "xz", "-9");
        cs.run(script.pid(), "/home/eve", "gpg", "-c", "--batch", "--passphrase", "P", "-o", "d.bin");
        FileRecovery f = RecoveryPlanner.plan(cs.all(), List.of(deleted("/home/eve/Documents/cv.odt", null, 900)), Map.of(), true)
                .files().get(0);
        assertThat(f.method()).isEqualTo(RecoveryMethod.DECRYPT);
        assertThat(f.target()).isEqualTo(new Recipe.Target("/home/eve/d.bin", "Documents/cv.odt"));
        assertThat(f.decryptCommand().display()).contains("tar -x -J -O -f - -- \"$m\"");
    }

    /** The twins: a tar to a file, or a tar piped into a compressor only, is no key to anything. */
    @Test
    void aTarThatDidNotFeedTheEncryptingCommandIsNoArchiveOfItsFiles() {
        Commands cs = new Commands();
        LoggedCommand script = cs.run(1, "/var/www", "bash", "/root/backup.sh");
        cs.run(script.pid(), "/var/www", "tar", "czf", "/backup/shop.tgz", "shop");
        cs.run(script.pid(), "/var/www", "openssl", "enc", "-aes-256-cbc", "-pass", "pass:X", "-out", "other.enc");
        cs.run(script.pid(), "/var/www", "tar", "cf", "-", "intranet");
        cs.run(script.pid(), "/var/www", "gzip", "-c");
        List<ChangedFile> changed = List.of(deleted("/var/www/shop/a.php", null, 800), deleted("/var/www/intranet/b.php", null, 801));
        Map<String, FileRecovery> f = byPath(RecoveryPlanner.plan(cs.all(), changed, Map.of(), true));
        assertThat(f.get("/var/www/shop/a.php").method()).isEqualTo(RecoveryMethod.UNDELETE_POSSIBLE);
        assertThat(f.get("/var/www/intranet/b.php").method()).isEqualTo(RecoveryMethod.UNDELETE_POSSIBLE);
    }
}
