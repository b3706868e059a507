package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archive-and-delete (the QLocker family on NAS boxes): the user's files are read into password-protected
 * archives and then deleted, so only the attacker's password opens them. Auditd does not log the archiver's
 * reads (rule sets audit write opens), so what it read comes from its command line; the deletions come from
 * the file events. Each shape has its negative twin: the same archive kept beside the originals (a backup),
 * or a plain archive whose originals are deleted (log archival, housekeeping).
 */
class ArchiveAndDeleteTest {

    /** 6 folders × 15 documents under {@code base}, by folder. */
    private static Map<String, List<String>> tree(String base) {
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        String[] names = {"contracts", "invoices", "payroll", "scans", "minutes", "plans"};
        for (String d : names) {
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                files.add(base + "/" + d + "/" + d + "-" + i + (i % 2 == 0 ? ".pdf" : ".xlsx"));
            }
            byDir.put(base + "/" + d, files);
        }
        return byDir;
    }

    /** rm -rf DIR: unlinkat of every file. */
    private static void rmRf(Proc parent, String dir, List<String> files) {
        Proc rm = parent.spawn("/usr/bin/rm", "rm", "-rf", dir);
        for (String f : files) {
            rm.delete(f);
        }
        rm.exit();
    }

    private static void notes(Proc parent, Iterable<String> dirs) {
        for (String d : dirs) {
            parent.spawn("/usr/bin/cp", "cp", "/tmp/.n", d + "/!!!READ_ME.txt").create(d + "/!!!READ_ME.txt");
        }
    }

    private static Proc script(Trail t) {
        return t.sshLogin("admin", 1001).sudo("/usr/bin/bash", "bash", "/tmp/.q/q.sh");
    }

    @Test
    void oneEncryptedArchivePerFolderThenTheOriginalsDeletedIsHostageTaking() {
        Trail t = new Trail("nas01");
        Proc q = script(t);
        Map<String, List<String>> tree = tree("/share/Public");
        for (var e : tree.entrySet()) {
            Proc zip = q.spawn("/usr/bin/zip", "zip", "-r", "-q", "-P", "k3y", e.getKey() + ".zip", e.getKey());
            zip.create(e.getKey() + "/../zi7Hk2Qx".replace("/../", "/"))
                    .rename(e.getKey() + "/zi7Hk2Qx", e.getKey() + ".zip");
            zip.exit();
            rmRf(q, e.getKey(), e.getValue());
        }
        notes(q, List.of("/share/Public", "/share/Home", "/share/Web"));
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).as("the archives are not victims' files").isEqualTo(90);
        assertThat(f.signal("delete-after-encrypt").description()).contains("archived, then deleted");
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /tmp/.q/q.sh");
    }

    @Test
    void oneBigEncryptedArchiveOfEverythingThenTheOriginalsDeleted() {
        Trail t = new Trail("nas01");
        Proc q = script(t);
        Map<String, List<String>> tree = tree("/share/Finance");
        List<String> argv = new ArrayList<>(List.of("7zz", "a", "-mx=0", "-mhe=on", "-pQ9x!", "/share/.sys.7z"));
        argv.addAll(tree.keySet());
        Proc sevenZip = q.spawn("/usr/bin/7zz", argv.toArray(String[]::new));
        sevenZip.create("/share/.sys.7z");
        sevenZip.exit();
        for (var e : tree.entrySet()) {
            rmRf(q, e.getKey(), e.getValue());
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).isEqualTo(90);
    }

    @Test
    void anEncryptedArchiveKeptBesideTheOriginalsIsABackup() {
        Trail t = new Trail("nas01");
        Proc q = t.sshLogin("admin", 1001).sudo("/usr/bin/bash", "bash", "/usr/local/bin/nightly-backup.sh");
        Map<String, List<String>> tree = tree("/share/Finance");
        List<String> argv = new ArrayList<>(List.of("7zz", "a", "-mhe=on", "-pBackupKey", "/backup/finance.7z"));
        argv.addAll(tree.keySet());
        q.spawn("/usr/bin/7zz", argv.toArray(String[]::new)).create("/backup/finance.7z").exit();
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.INFO, Severity.LOW);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NONE);
    }

    @Test
    void aPlainArchiveWhoseOriginalsAreDeletedIsHousekeeping() {
        Trail t = new Trail("nas01");
        Proc q = t.sshLogin("admin", 1001).sudo("/usr/bin/bash", "bash", "/usr/local/bin/archive-old.sh");
        Map<String, List<String>> tree = tree("/share/Archive/2023");
        for (var e : tree.entrySet()) {
            Proc tar = q.spawn("/usr/bin/tar", "tar", "czf", e.getKey() + ".tgz", e.getKey());
            tar.create(e.getKey() + ".tgz").exit();
            rmRf(q, e.getKey(), e.getValue());
            Proc zip = q.spawn("/usr/bin/zip", "zip", "-r", "-m", e.getKey() + "-copy.zip", e.getKey());
            zip.create(e.getKey() + "-copy.zip").exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.INFO, Severity.LOW);
        assertThat(f.signal("delete-after-encrypt")).isNull();
    }

    @Test
    void tarPipedIntoOpensslThenTheTreeDeleted() {
        Trail t = new Trail("fs02");
        Proc q = script(t);
        Map<String, List<String>> tree = tree("/srv/projects");
        for (var e : tree.entrySet()) {
            Proc sh = q.spawn("/bin/sh", "sh", "-c", "tar cf - " + e.getKey() + " | openssl enc -aes-256-cbc -pbkdf2 -pass pass:x -out "
                    + e.getKey() + ".tar.enc");
            sh.spawn("/usr/bin/tar", "tar", "cf", "-", e.getKey()).exit();
            Proc openssl = sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:x", "-out",
                    e.getKey() + ".tar.enc");
            openssl.create(e.getKey() + ".tar.enc").exit();
            rmRf(q, e.getKey(), e.getValue());
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).isEqualTo(90);
    }

    @Test
    void tarPipedIntoGzipThenTheTreeDeletedIsNotEncryption() {
        Trail t = new Trail("fs02");
        Proc q = script(t);
        Map<String, List<String>> tree = tree("/srv/projects");
        for (var e : tree.entrySet()) {
            Proc sh = q.spawn("/bin/sh", "sh", "-c", "tar cf - " + e.getKey() + " | gzip > " + e.getKey() + ".tar.gz");
            sh.spawn("/usr/bin/tar", "tar", "cf", "-", e.getKey()).exit();
            sh.create(e.getKey() + ".tar.gz");
            sh.spawn("/usr/bin/gzip", "gzip").exit();
            rmRf(q, e.getKey(), e.getValue());
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.INFO, Severity.LOW);
    }

    @Test
    void gpgtarThenFindDelete() {
        Trail t = new Trail("fs03");
        Proc q = script(t);
        Map<String, List<String>> tree = tree("/home/shared");
        List<String> argv = new ArrayList<>(List.of("gpgtar", "--symmetric", "--gpg-args", "--batch --passphrase x", "-o",
                "/home/.cache.gpg"));
        argv.addAll(tree.keySet());
        Proc gpgtar = q.spawn("/usr/bin/gpgtar", argv.toArray(String[]::new));
        Proc gpg = gpgtar.spawn("/usr/bin/gpg", "gpg", "--batch", "--passphrase", "x", "--symmetric", "--output", "/home/.cache.gpg");
        gpg.create("/home/.cache.gpg").exit();
        gpgtar.exit();
        Proc find = q.spawn("/usr/bin/find", "find", "/home/shared", "-type", "f", "-delete");
        tree.values().forEach(files -> files.forEach(find::delete));
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).isEqualTo(90);
    }

    @Test
    void perFileSevenZipWithSdelIsArchivedThenDeleted() {
        Trail t = new Trail("nas01");
        Proc q = script(t);
        for (List<String> files : tree("/share/Photos").values()) {
            for (String f : files) {
                Proc z = q.spawn("/usr/bin/7z", "7z", "a", "-mx=0", "-sdel", "-mhe=on", "-pk3y", f + ".7z", f);
                z.create(f + ".7z").delete(f).exit();
            }
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.filesAffected()).isEqualTo(90);
    }

    @Test
    void aTarFileEncryptedAfterwardsCountsItsInputsButAKeptTreeIsABackup() {
        Trail t = new Trail("db01");
        Proc q = t.sshLogin("admin", 1001).sudo("/usr/bin/bash", "bash", "/usr/local/bin/dump.sh");
        Map<String, List<String>> tree = tree("/var/lib/exports");
        List<String> argv = new ArrayList<>(List.of("tar", "cf", "/tmp/exports.tar"));
        argv.addAll(tree.keySet());
        q.spawn("/usr/bin/tar", argv.toArray(String[]::new)).create("/tmp/exports.tar").exit();
        Tools.gpgSymmetric(q, "/tmp/exports.tar");
        Tools.rm(q, "/tmp/exports.tar");
        Finding kept = worst(detect(t));
        assertThat(kept.severity()).isIn(Severity.INFO, Severity.LOW);

        for (var e : tree.entrySet()) {
            rmRf(q, e.getKey(), e.getValue());
        }
        Finding deleted = worst(detect(t));
        assertThat(deleted.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(deleted.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
    }
}
