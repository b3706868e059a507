package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
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
 * Shapes of sample-cases/independent's eleventh batch: openssl copied to /dev/shm under a kernel-thread name and run
 * over a user's folder (h31), and a locker that first deletes the local backups and snapshots, then encrypts the
 * share with {@code find -exec openssl … -pass file: … \; -delete} (h30). Each with the look-alike it must not become:
 * a renamed copy decrypting a tree, and a backup rotation that prunes old snapshots before writing a new one.
 */
class EleventhBatchShapesTest {
    private static final List<String> DIRS = List.of("clients", "scans", "Q3", "drafts", "photos");

    private static Proc sshPriya(Trail t, String command) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        return sshd.spawnAs(Trail.creds(2002, 2002, 2002, "priya", "priya"), "/usr/bin/bash", "bash", "-c", command)
                .cwd("/home/priya/work");
    }

    /** cp /usr/bin/openssl /dev/shm/.kworker; per file .kworker enc (or enc -d) -in F -out G && rm -f F. */
    private static List<Finding> renamedOpenssl(boolean decrypt) {
        Trail t = new Trail("ws-priya");
        Proc bash = sshPriya(t, "cp /usr/bin/openssl /dev/shm/.kworker && cd ~/work && find . -type f | while read -r f;"
                + " do /dev/shm/.kworker enc … && rm -f \"$f\"; done");
        Proc cp = bash.spawn("/usr/bin/cp", "cp", "/usr/bin/openssl", "/dev/shm/.kworker");
        cp.exit();
        for (String d : DIRS) {
            for (int i = 1; i <= 8; i++) {
                String plain = "/home/priya/work/" + d + "/doc-" + i + ".pdf";
                String in = decrypt ? plain + ".kw" : plain;
                String out = decrypt ? plain : plain + ".kw";
                Proc k = bash.spawn("/dev/shm/.kworker", "/dev/shm/.kworker", "enc", decrypt ? "-d" : "-e",
                        "-aes-256-ctr", "-pbkdf2", "-pass", "pass:kw-19", "-in", in, "-out", out);
                k.create(out);
                k.exit();
                Proc rm = bash.spawn("/usr/bin/rm", "rm", "-f", in);
                rm.delete(in);
                rm.exit();
            }
            if (!decrypt) {
                bash.create("/home/priya/work/" + d + "/KW-RESTORE.txt");
            }
        }
        return detect(t);
    }

    @Test
    void openSslCopiedUnderAnotherNameIsStillAnEncryptingToolFromItsFirstRuns() {
        Finding f = worst(renamedOpenssl(false));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.filesBeforeFirstHighAlert()).as("enc with a cipher option is openssl's syntax whatever the name")
                .isLessThanOrEqualTo(5);
        assertThat(f.signal("encryption-tool").description()).contains("openssl renamed .kworker");
    }

    @Test
    void aRenamedOpenSslDecryptingATreeIsNoAttack() {
        // the same copy under the same name restoring every F.kw to F and removing F.kw: a restore
        assertThat(renamedOpenssl(true)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }

    /** sudo go.sh: rm -rf /var/backups/* /srv/backup (old snapshots), then the share, or only a new dump kept. */
    private static List<Finding> backupsDeletedFirst(boolean thenEncrypt) {
        Trail t = new Trail("nas02");
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc user = sshd.spawnAs(Trail.creds(2001, 2001, 2001, "mkowalski", "mkowalski"), "/usr/bin/bash", "bash", "-c",
                "sudo /usr/local/lib/.bk/go.sh");
        Proc script = user.spawnAs(Trail.creds(0, 0, 2001, "root", "mkowalski"), "/usr/bin/bash", "/bin/bash",
                "/usr/local/lib/.bk/go.sh");
        Proc rm = script.spawn("/usr/bin/rm", "rm", "-rf", "/var/backups/ho-nightly", "/srv/backup");
        for (String snap : List.of("daily.0", "daily.1", "weekly.0")) {
            for (String d : DIRS) {
                for (int i = 1; i <= 8; i++) {
                    rm.delete("/srv/backup/snapshots/" + snap + "/" + d + "/doc-" + i + ".pdf");
                }
            }
        }
        rm.exit();
        if (thenEncrypt) {
            Proc find = script.spawn("/usr/bin/find", "find", "/srv/nas/share", "-type", "f", "-exec", "openssl", "enc",
                    "-aes-256-cbc", "-pbkdf2", "-pass", "file:/root/.k", "-in", "{}", "-out", "{}.bkl", ";", "-delete");
            for (String d : DIRS) {
                for (int i = 1; i <= 8; i++) {
                    String f = "/srv/nas/share/" + d + "/doc-" + i + ".pdf";
                    Proc o = find.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass",
                            "file:/root/.k", "-in", f, "-out", f + ".bkl");
                    o.create(f + ".bkl");
                    o.exit();
                    find.delete(f);
                }
            }
            find.exit();
        } else {
            Proc gpg = script.spawn("/usr/bin/gpg", "gpg", "--batch", "-c", "-o", "/srv/backup/dump.sql.gpg",
                    "/srv/dump.sql");
            gpg.create("/srv/backup/dump.sql.gpg");
            gpg.exit();
        }
        return detect(t);
    }

    @Test
    void backupsDeletedBeforeTheEncryptionAreNotCountedAsFilesHeldAndDoNotDelayTheAlert() {
        Finding f = worst(backupsDeletedFirst(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).as("the 40 files of the share, not the 120 snapshot files deleted first")
                .isEqualTo(40);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
        assertThat(f.signal("delete-after-encrypt").description())
                .contains("120 files deleted before anything was encrypted");
    }

    @Test
    void aCampaignThatOnlyDeletesStillCountsWhatItDeleted() {
        // the rm -rf alone, no encryption after it: its files are its work, not the way back removed first
        List<Finding> findings = backupsDeletedFirstOnly();
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.filesAffected()).isEqualTo(120));
    }

    private static List<Finding> backupsDeletedFirstOnly() {
        Trail t = new Trail("nas02");
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Proc user = sshd.spawnAs(Trail.creds(2001, 2001, 2001, "mkowalski", "mkowalski"), "/usr/bin/bash", "bash", "-c",
                "rm -rf /srv/backup");
        Proc rm = user.spawn("/usr/bin/rm", "rm", "-rf", "/srv/backup");
        for (int i = 1; i <= 120; i++) {
            rm.delete("/srv/backup/snapshots/s" + (i % 3) + "/doc-" + i + ".pdf");
        }
        rm.exit();
        return detect(t);
    }

    @Test
    void aBackupRotationPruningOldSnapshotsBeforeANewEncryptedDumpIsNoAttack() {
        assertThat(backupsDeletedFirst(false))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
}
