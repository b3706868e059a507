package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real attack shapes must reach high or critical, attributed to the right root and human. */
class AttackScenariosTest {

    static List<Finding> detect(Trail t) {
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    static Finding worst(List<Finding> findings) {
        return findings.stream().max((a, b) -> a.severity().compareTo(b.severity())).orElseThrow();
    }

    /** bash run.sh → find -exec sh -c 'openssl …; rm …' over 300 files, then notes in every directory. */
    @Test
    void opensslScriptWithFindAndNotesIsOneCriticalCampaignAttributedToTheHuman() {
        Trail t = new Trail("web01");
        Proc login = t.sshLogin("alice", 1000);
        Proc script = login.sudo("/usr/bin/bash", "bash", "run.sh");
        Proc find = script.spawn("/usr/bin/find", "find", "/srv/data", "-type", "f", "-exec", "sh", "-c",
                "openssl enc -aes-256-cbc -pass pass:x -in \"$1\" -out \"$1.enc\" && rm -f \"$1\"", "_", "{}", ";");
        List<String> files = Tools.tree("/srv/data", 12, 300, ".csv");
        for (String f : files) {
            Proc sh = find.spawn("/usr/bin/sh", "sh", "-c", "openssl enc ... && rm -f \"$1\"", "_", f);
            Tools.opensslEncrypt(sh, f, ".enc");
            Tools.rm(sh, f);
            sh.exit();
        }
        find.exit();
        for (int d = 0; d < 12; d++) {
            script.create("/srv/data/d" + d + "/HOW_TO_DECRYPT.txt");
        }
        script.exit();

        List<Finding> findings = detect(t);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash run.sh");
        assertThat(f.rootProcess().user()).isEqualTo("root");
        assertThat(f.rootProcess().loginUid()).isEqualTo(1000L);
        assertThat(f.rootProcess().loginUser()).isEqualTo("alice");
        assertThat(f.filesAffected()).isBetween(270, 330);
        assertThat(f.directoriesAffected()).isEqualTo(12);
        assertThat(f.extensions()).first().isEqualTo(".enc");
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.notes().names()).containsExactly("HOW_TO_DECRYPT.txt");
        assertThat(f.notes().count()).isEqualTo(12);
        assertThat(f.tools()).contains("/usr/bin/openssl");
        assertThat(f.files()).contains("/srv/data/d0/file0.csv");
        assertThat(f.signal("delete-after-encrypt").value()).isEqualTo(300);
        assertThat(f.signal("encryption-tool").description()).contains("openssl enc -e ×300");
        assertThat(f.evidence()).isNotEmpty();
        assertThat(f.firstAlert()).isNotNull();
        assertThat(f.filesBeforeFirstHighAlert()).isNotNull().isLessThan(60);
    }

    /** ccrypt -r over a home directory: in place, then renamed to .cpt. */
    @Test
    void recursiveCcryptIsHighWithInPlaceOverwrite() {
        Trail t = new Trail("ws02");
        Proc login = t.sshLogin("bob", 1001);
        List<String> files = Tools.tree("/home/bob/projects", 6, 60, ".docx");
        Proc ccrypt = login.spawn("/usr/bin/ccrypt", "ccrypt", "-r", "-e", "-K", "k", "/home/bob/projects");
        for (String f : files) {
            ccrypt.writeInPlace(f);
            ccrypt.rename(f, f + ".cpt");
        }
        ccrypt.exit();

        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.filesAffected()).isEqualTo(60);
        assertThat(f.extensions()).containsExactly(".cpt");
        assertThat(f.signal("bulk-invocation").fired()).isTrue();
        assertThat(f.rootProcess().loginUser()).isEqualTo("bob");
    }

    /** An unknown binary (no tool name to go by) rewrites files in place, renames them and drops notes. */
    @Test
    void unknownBinaryInPlaceWithNotesIsCritical() {
        Trail t = new Trail("db03");
        Proc login = t.sshLogin("root", 0);
        Proc locker = login.spawn("/tmp/.x/kworker", "./kworker", "--path", "/var/lib/mysql");
        List<String> files = Tools.tree("/var/lib/mysql", 8, 120, ".ibd");
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            locker.writeInPlace(f);
            locker.rename(f, f + ".x7ka9");
            if (i % 15 == 0) {
                locker.create(f.substring(0, f.lastIndexOf('/')) + "/README_RESTORE.txt");
            }
        }
        locker.exit();

        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.rootProcess().exe()).isEqualTo("/tmp/.x/kworker");
        assertThat(f.filesAffected()).isEqualTo(120);
        assertThat(f.extensions()).containsExactly(".x7ka9");
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.notes().names()).containsExactly("README_RESTORE.txt");
    }

    /** A throttled encryptor: one file every 6 seconds, too slow for the burst window. */
    @Test
    void throttledEncryptorIsCaughtBySlowBurnAndRepetition() {
        Trail t = new Trail("fs01").step(Duration.ofSeconds(3));
        Proc cron = t.service("/usr/sbin/cron");
        Proc sh = cron.spawn("/bin/sh", "sh", "-c", "/var/tmp/.cache/upd");
        Proc locker = sh.spawn("/var/tmp/.cache/upd", "/var/tmp/.cache/upd");
        for (String f : Tools.tree("/srv/share", 20, 200, ".pdf")) {
            locker.writeInPlace(f);
            locker.rename(f, f + ".locked");
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.signal("mass-modification").description()).contains("slow burn: 200");
        assertThat(f.signal("mass-modification").fired()).isTrue();
        assertThat(f.signal("extension-change").description()).contains("known ransomware extension");
        // the locker did all the work: it is named root, and the sh -c that started it is kept as launchedBy
        assertThat(f.rootProcess().commandLine()).isEqualTo("/var/tmp/.cache/upd");
        assertThat(f.rootProcess().launchedBy()).isEqualTo("sh -c /var/tmp/.cache/upd");
    }

    /** An operator typing a loop at the prompt: every openssl and rm is a child of the login shell. */
    @Test
    void interactiveLoopGroupsUnderTheSession() {
        Trail t = new Trail("web01");
        Proc login = t.sshLogin("mallory", 1005);
        for (String f : Tools.tree("/var/www", 5, 80, ".php")) {
            Tools.opensslEncrypt(login, f, ".locked");
            Tools.rm(login, f);
        }
        List<Finding> findings = detect(t);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.rootProcess().commandLine()).isEqualTo("-bash");
        assertThat(f.rootProcess().loginUser()).isEqualTo("mallory");
        assertThat(f.filesAffected()).isEqualTo(80);
    }

    /** QLocker-style 7-Zip: each file moved into its own password-protected archive. */
    @Test
    void sevenZipPerFileArchivesWithDeletionIsHigh() {
        Trail t = new Trail("nas01");
        Proc sh = t.service("/usr/sbin/sshd").spawnAs(Trail.creds(0, 0, 0, "admin", "admin"), "/bin/sh", "sh", "q.sh");
        for (String f : Tools.tree("/share/Public", 4, 40, ".jpg")) {
            Proc z = sh.spawn("/usr/bin/7z", "7z", "a", "-mx=0", "-pK3y", f + ".7z", f);
            z.create(f + ".7z");
            z.delete(f);
            z.exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.extensions()).containsExactly(".7z");
        assertThat(f.signal("encryption-tool").value()).isEqualTo(40);
    }

    /** ESXiArgs-like: rewrite VM files in place with no rename, a note in each directory. */
    @Test
    void inPlaceWithoutRenameButWithNotesIsCritical() {
        Trail t = new Trail("esx01");
        Proc login = t.sshLogin("root", 0);
        Proc enc = login.spawn("/tmp/encrypt", "/tmp/encrypt", "/vmfs/volumes");
        for (String f : Tools.tree("/vmfs/volumes/ds1", 6, 48, ".vmdk")) {
            enc.writeInPlace(f);
        }
        for (int d = 0; d < 6; d++) {
            enc.create("/vmfs/volumes/ds1/d" + d + "/How to Restore Your Files.html");
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.extensions()).isEmpty();
        assertThat(f.filesAffected()).isEqualTo(48);
    }

    /** Notes without any keyword in the name still count when their text is ransom text. */
    @Test
    void noteWithNeutralNameCountsByContent() {
        Trail t = new Trail("ws09");
        Proc login = t.sshLogin("eve", 1009);
        Proc x = login.spawn("/home/eve/.local/bin/svc", "svc");
        ContentHint ransomText = new ContentHint(4.5, null, null,
                "All your files are encrypted. Download Tor Browser and open http://abc.onion to buy the key.");
        for (int d = 0; d < 4; d++) {
            x.create("/home/eve/d" + d + "/cartel.txt", ransomText);
        }
        Finding f = worst(detect(t));
        assertThat(f.notes().names()).containsExactly("cartel.txt");
        assertThat(f.signal("ransom-note").description()).contains("tor browser").contains(".onion");
    }

    /** Shred of many files via xargs: destruction in place. */
    @Test
    void shredOverManyFilesIsHigh() {
        Trail t = new Trail("app01");
        Proc login = t.sshLogin("root", 0);
        Proc xargs = login.spawn("/usr/bin/xargs", "xargs", "shred", "-u", "-n", "1");
        List<String> files = Tools.tree("/opt/app/data", 3, 30, ".db");
        Proc shred = xargs.spawn("/usr/bin/shred", concat(new String[] {"shred", "-u", "-n", "1"}, files));
        for (String f : files) {
            shred.writeInPlace(f);
            shred.rename(f, f.substring(0, f.lastIndexOf('/') + 1) + "0000");
            shred.delete(f.substring(0, f.lastIndexOf('/') + 1) + "0000");
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.signal("overwrite-in-place").value()).isEqualTo(30);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
    }

    /** A host that audits execve only: the same openssl + rm loop is read from the command lines. */
    @Test
    void execOnlyTelemetryStillShowsCopyAndDelete() {
        Trail t = new Trail("legacy01");
        Proc login = t.sshLogin("root", 0);
        Proc script = login.spawn("/usr/bin/bash", "bash", "/dev/shm/e.sh");
        for (String f : Tools.tree("/home/shared", 8, 120, ".docx")) {
            Proc sh = script.spawn("/bin/sh", "sh", "-c", "openssl enc ... && rm ...");
            sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pass", "pass:x", "-in", f, "-out", f + ".lck").exit();
            sh.spawn("/usr/bin/rm", "rm", "-f", f).exit();
            sh.exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.filesAffected()).isEqualTo(120);
        assertThat(f.directoriesAffected()).isEqualTo(8);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.signal("delete-after-encrypt").description()).contains("from command lines only");
    }

    /** Rename first, encrypt after (HelloKitty-style): still in place, each file counted once. */
    @Test
    void renameThenRewriteIsInPlaceAndCountedOnce() {
        Trail t = new Trail("esx02");
        Proc login = t.sshLogin("root", 0);
        Proc locker = login.spawn("/tmp/elf", "/tmp/elf");
        for (String f : Tools.tree("/vmfs/volumes/ds2", 4, 40, ".vmdk")) {
            locker.rename(f, f + ".crypt");
            locker.writeInPlace(f + ".crypt");
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.files()).hasSize(40).allMatch(p -> p.endsWith(".vmdk"));
    }

    /** Two hosts hit by the same script: one finding per host. */
    @Test
    void eachHostGetsItsOwnCampaign() {
        List<io.ransomtrace.engine.model.Event> all = new java.util.ArrayList<>();
        for (String host : List.of("web01", "web02")) {
            Trail t = new Trail(host, host.equals("web01") ? 1 : 2);
            Proc script = t.sshLogin("root", 0).spawn("/usr/bin/bash", "bash", "x.sh");
            for (String f : Tools.tree("/srv", 5, 30, ".db")) {
                Tools.opensslEncrypt(script, f, ".enc");
                Tools.rm(script, f);
            }
            all.addAll(t.events());
        }
        all.sort(java.util.Comparator.comparing(io.ransomtrace.engine.model.Event::time));
        List<Finding> findings = Detector.run(all, Profile.defaults(), Allowlist.empty());
        assertThat(findings).extracting(Finding::host).containsExactlyInAnyOrder("web01", "web02");
        assertThat(findings).allSatisfy(x -> {
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.filesAffected()).isEqualTo(30);
        });
        assertThat(findings.get(0).id()).isNotEqualTo(findings.get(1).id());
    }

    /** A locker named like a copy tool but run from /tmp gets no copy-tool leniency. */
    @Test
    void aLockerCalledRsyncInTmpIsNotACopyTool() {
        Trail t = new Trail("db04");
        Proc login = t.sshLogin("root", 0);
        Proc fake = login.spawn("/tmp/.s/rsync", "rsync");
        for (String f : Tools.tree("/var/lib/pgsql", 4, 40, ".dat")) {
            fake.writeInPlace(f);
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.signal("overwrite-in-place").value()).isEqualTo(40);
    }

    /**
     * A handful of files encrypted and deleted by a script: the early facts alert high after three files; the
     * campaign ends with eight files in one folder and no note, a user's own scope, and the finding ends low.
     */
    @Test
    void fewFilesEncryptedAndDeletedByAScriptAlertHighEarlyAndEndLow() {
        Trail t = new Trail("ws05");
        Proc login = t.sshLogin("dan", 1010);
        Proc script = login.spawn("/usr/bin/bash", "bash", "hide.sh");
        for (String f : Tools.files("/home/dan/private", "doc", ".odt", 8)) {
            Tools.opensslEncrypt(script, f, ".enc");
            Tools.rm(script, f);
        }
        java.util.List<Finding> alerts = new java.util.ArrayList<>();
        Detector d = new Detector(io.ransomtrace.engine.profile.Profile.defaults(),
                io.ransomtrace.engine.profile.Allowlist.empty(), alerts::add);
        t.events().forEach(d);
        Finding f = worst(d.finish());
        assertThat(alerts).anyMatch(a -> a.severity() == Severity.HIGH && a.filesAffected() == 3);
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.filesAffected()).isEqualTo(8);
        assertThat(f.filesBeforeFirstHighAlert()).isEqualTo(3);
        assertThat(f.signal("early-certainty").description())
                .contains("driven by a traversal", "deleted right after its encrypted copy", "final severity low");
    }

    /**
     * The twin: the same eight files encrypted and deleted by hand at the prompt are not a traversal; they score
     * medium while it goes on, and the finding ends low on its scope (one folder, no note, not root).
     */
    @Test
    void fewFilesEncryptedAndDeletedByHandAreNoTraversalAndEndLow() {
        Trail t = new Trail("ws05");
        Proc login = t.sshLogin("dan", 1010);
        for (String f : Tools.files("/home/dan/private", "doc", ".odt", 8)) {
            Tools.opensslEncrypt(login, f, ".enc");
            Tools.rm(login, f);
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.filesAffected()).isEqualTo(8);
        assertThat(f.signal("delete-after-encrypt").fired()).isTrue();
        assertThat(f.signal("early-certainty").fired()).isFalse();
        assertThat(f.signal("early-certainty").description()).contains("it ended with 8 files changed in 1 directory", "final severity low");
    }

    /** A script that truncates and rewrites each file (open(f, "wb")): only content facts tell it from a rebuild. */
    @Test
    void truncatingRewritesCountWhenTheContentLooksEncrypted() {
        Trail t = new Trail("ws06");
        Proc login = t.sshLogin("root", 0);
        Proc py = login.spawn("/usr/bin/python3", "python3", "/dev/shm/x.py");
        ContentHint ciphertext = new ContentHint(7.98, "8f1ac2", null, null);
        ContentHint plain = new ContentHint(4.1, "7f454c46", null, null);
        List<String> files = Tools.tree("/home/team", 6, 40, ".xlsx");
        for (String f : files) {
            py.truncateOpen(f);
        }
        assertThat(detect(t)).allSatisfy(x -> assertThat(x.severity()).isLessThan(Severity.MEDIUM));

        Trail withContent = new Trail("ws06");
        Proc login2 = withContent.sshLogin("root", 0);
        Proc py2 = login2.spawn("/usr/bin/python3", "python3", "/dev/shm/x.py");
        Proc javac = login2.spawn("/usr/bin/javac", "javac", "-d", "out", "Main.java");
        for (String f : files) {
            py2.truncateOpen(f, ciphertext);
            javac.truncateOpen(f.replace(".xlsx", ".class"), plain);
        }
        List<Finding> findings = detect(withContent);
        Finding f = worst(findings);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.rootProcess().commandLine()).isEqualTo("python3 /dev/shm/x.py");
        assertThat(f.signal("content-hint").fired()).isTrue();
        assertThat(findings).filteredOn(x -> x.rootProcess().commandLine().startsWith("javac"))
                .allSatisfy(x -> assertThat(x.severity()).isLessThan(Severity.MEDIUM));
    }

    private static String[] concat(String[] head, List<String> tail) {
        String[] out = new String[head.length + tail.size()];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < tail.size(); i++) {
            out[head.length + i] = tail.get(i);
        }
        return out;
    }
}
