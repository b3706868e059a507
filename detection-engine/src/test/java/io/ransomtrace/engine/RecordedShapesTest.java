package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Tools;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes read from real kernel audit recordings (sample-cases), rebuilt event by event as auditd logged them:
 * the pieces the synthetic scenarios had not shown (an invisible pipeline subshell, a wrapper script that
 * execs the real tool, shred's rename chain, gpg's lock files, per-file notes, a locker started by a script).
 */
class RecordedShapesTest {

    private static List<String> files(String root, int dirs, int perDir, String ext) {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < dirs; d++) {
            for (int i = 0; i < perDir; i++) {
                out.add(root + "/d" + d + "/doc-" + i + ext);
            }
        }
        return out;
    }

    private static String dir(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    /**
     * attack-7z-zip / attack-age: {@code find … | while read f; do 7z a -p … -sdel "$f.7z" "$f"; done}. The
     * while-loop body is a forked subshell of q.sh that never execs and never touches a file, so auditd logs
     * nothing for it: its children name it only by ppid. /usr/bin/7z is itself a sh script that execs p7zip.
     */
    @Test
    void childrenOfAnInvisiblePipelineSubshellBelongToTheScript() {
        Trail t = new Trail("nas01");
        Proc login = t.sshLogin("dave", 1104);
        Proc script = login.sudo("/usr/bin/bash", "bash", "/var/tmp/.font-cache/q.sh");
        script.spawn("/usr/bin/find", "find", "/srv/hr", "-type", "f");
        Proc loop = script.fork(); // no record at all
        for (String f : files("/srv/hr", 3, 8, ".pdf")) {
            Proc sevenZip = loop.spawn("/usr/bin/dash", "/bin/sh", "/usr/bin/7z", "a", "-pSecret", "-sdel", f + ".7z", f);
            sevenZip.exec("/usr/lib/p7zip/7z", "/usr/lib/p7zip/7z", "a", "-pSecret", "-sdel", f + ".7z", f);
            sevenZip.create(f + ".7z").delete(f);
            sevenZip.exit();
            loop.spawn("/usr/bin/cp", "cp", "-n", "/var/tmp/readme.txt", dir(f) + "/!!!READ_ME.txt")
                    .create(dir(f) + "/!!!READ_ME.txt");
        }
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /var/tmp/.font-cache/q.sh");
        assertThat(f.rootProcess().loginUid()).isEqualTo(1104L);
        assertThat(f.filesAffected()).isEqualTo(24);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.ARCHIVED_THEN_DELETED);
        assertThat(f.notes().count()).as("cp -n into the same directory again is the same note").isEqualTo(3);
    }

    /** A forked subshell is adopted only by a script of its session running as the same user. */
    @Test
    void anInvisibleParentIsNotAdoptedByAnotherUsersScript() {
        Trail t = new Trail("nas01");
        Proc alice = t.sshLogin("alice", 1101);
        alice.spawn("/usr/bin/bash", "bash", "nightly.sh"); // alive; the test trail gives every login session 7
        Proc unknown = t.existing(9000, 8999, null, Trail.creds(1102, 1102, 1102, "bob", "bob"));
        for (String f : files("/home/bob", 2, 12, ".odt")) {
            unknown.spawn("/usr/bin/gpg", "gpg", "-c", f).create(f + ".gpg");
            unknown.spawn("/usr/bin/rm", "rm", f).delete(f);
        }
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().pid()).isEqualTo(9000);
        assertThat(f.rootProcess().commandLine()).isNull();
    }

    /**
     * attack-vm-etc: {@code sudo -H bash esx.sh} runs an inventory (ls, basename) and then one unknown binary
     * that does every overwrite, rename and note. The analyst must see the binary as root; the script that
     * launched it is kept as {@code launchedBy}.
     */
    @Test
    void theOneProgramThatDidAScriptsWorkIsNamedRoot() {
        Trail t = new Trail("hv01");
        Proc login = t.sshLogin("dave", 1104);
        Proc script = login.sudo("/usr/bin/bash", "bash", "/var/tmp/.font-cache/esx.sh");
        script.spawn("/usr/bin/ls", "ls", "-la", "/srv/vm/dc01/");
        script.spawn("/usr/bin/basename", "basename", "/srv/vm/dc01/dc01.vmx", ".vmx");
        Proc locker = script.spawn("/root/.cache/vmtoolsd-upd", "/root/.cache/vmtoolsd-upd", "-e", ".esxlock", "/srv/vm");
        for (String f : files("/srv/vm", 6, 4, ".vmdk")) {
            locker.writeInPlace(f).rename(f, f + ".esxlock");
        }
        for (int d = 0; d < 6; d++) {
            locker.create("/srv/vm/d" + d + "/How To Restore Your Files.txt");
        }
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().commandLine()).isEqualTo("/root/.cache/vmtoolsd-upd -e .esxlock /srv/vm");
        assertThat(f.rootProcess().launchedBy()).isEqualTo("bash /var/tmp/.font-cache/esx.sh");
        assertThat(f.rootProcess().parentExe()).isEqualTo("/usr/bin/bash");
        assertThat(f.rootProcess().loginUid()).isEqualTo(1104L);
        assertThat(f.title()).contains("vmtoolsd-upd");
        assertThat(f.filesAffected()).isEqualTo(24);
    }

    /** A script whose files are changed by many short-lived tools keeps the script as root (no single program). */
    @Test
    void aScriptRunningPerFileToolsStaysRoot() {
        Trail t = new Trail("web01");
        Proc login = t.sshLogin("carol", 1103);
        Proc script = login.spawn("/usr/bin/bash", "bash", "/var/tmp/w.sh");
        for (String f : files("/srv/www", 3, 10, ".html")) {
            script.spawn("/usr/bin/age", "age", "-r", "age1xyz", "-o", f + ".age", f).create(f + ".age");
            script.spawn("/usr/bin/rm", "rm", "-f", f).delete(f);
        }
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash /var/tmp/w.sh");
        assertThat(f.rootProcess().launchedBy()).isNull();
    }

    /**
     * attack-throttled: one file every 3 s, each overwritten in place, renamed to .crypt and given its own note
     * {@code FILE.README}: 18 files in 3 directories. The notes are one per-file note name, are not affected
     * files, and with them 18 files are enough for high. An unknown binary rewriting files in place and renaming
     * them to one new suffix is certain after a few files (early facts).
     */
    @Test
    void perFileNotesOfAThrottledLockerAreNotesAndMakeItHigh() {
        Trail t = new Trail("fs02").step(Duration.ofSeconds(3));
        Proc login = t.sshLogin("bob", 1102);
        Proc locker = login.sudo("/var/tmp/.font-cache/logsync", "/var/tmp/.font-cache/logsync", "-d", "3000");
        for (String f : files("/srv/legal", 3, 6, ".pdf")) {
            locker.writeInPlace(f).rename(f, f + ".crypt").create(f + ".README");
        }
        Finding f = worst(detect(t));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(18);
        assertThat(f.notes().names()).containsExactly("<file>.README");
        assertThat(f.notes().count()).isEqualTo(18);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.filesBeforeFirstHighAlert()).isBetween(3, 5);
        assertThat(f.signal("early-certainty").description()).contains("unknown binary", ".crypt");
    }

    /** A lock file per rewritten file (f.lock, as git and editors make) is housekeeping, never a per-file note. */
    @Test
    void perFileLockFilesAreNotNotes() {
        Trail t = new Trail("dev01");
        Proc login = t.sshLogin("bob", 1102);
        Proc tool = login.spawn("/usr/local/bin/cfgsync", "cfgsync", "/srv/conf");
        for (String f : files("/srv/conf", 3, 10, ".conf")) {
            tool.writeInPlace(f).create(f + ".lock").delete(f + ".lock");
        }
        Finding f = worst(detect(t));
        assertThat(f.notes().names()).isEmpty();
        assertThat(f.filesAffected()).isEqualTo(30);
    }

    /** The same throttled locker without notes: rewriting in place and renaming to one suffix is enough early. */
    @Test
    void eighteenRenamedFilesWithoutNotesAreHighEarly() {
        Trail t = new Trail("fs02").step(Duration.ofSeconds(3));
        Proc login = t.sshLogin("bob", 1102);
        Proc locker = login.sudo("/var/tmp/logsync", "/var/tmp/logsync", "-d", "3000");
        for (String f : files("/srv/legal", 3, 6, ".pdf")) {
            locker.writeInPlace(f).rename(f, f + ".crypt");
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.filesBeforeFirstHighAlert()).isEqualTo(3);
    }

    /** The twin: an unknown binary rewriting 18 files in place, nothing else certain, stays below high. */
    @Test
    void anUnknownBinaryRewritingInPlaceAloneStaysBelowHigh() {
        Trail t = new Trail("fs02").step(Duration.ofSeconds(3));
        Proc login = t.sshLogin("bob", 1102);
        Proc tool = login.spawn("/home/bob/bin/normalize", "/home/bob/bin/normalize", "/srv/legal");
        for (String f : files("/srv/legal", 3, 6, ".pdf")) {
            tool.writeInPlace(f);
        }
        Finding f = worst(detect(t));
        assertThat(f.severity()).isIn(Severity.LOW, Severity.MEDIUM);
        assertThat(f.signal("early-certainty").fired()).isFalse();
    }

    /**
     * attack-gpg-shred: {@code gpg --symmetric f} (gpg also creates and deletes pid-named lock files in
     * ~/.gnupg and rewrites its keyring), then {@code shred -u f}: open, ftruncate, rename f → 0000 → 000 →
     * 00 → 0, unlink 0. One file per original, and the encrypted copy remains: new-file-then-delete.
     */
    @Test
    void gpgThenShredCountsEachOriginalOnceAsNewFileThenDelete() {
        Trail t = new Trail("ws-bob");
        Proc login = t.sshLogin("bob", 1102);
        Proc script = login.spawn("/usr/bin/bash", "bash", "/var/tmp/lock.sh");
        int n = 0;
        for (String f : files("/home/bob/Documents", 4, 8, ".odt")) {
            Proc gpg = script.spawn("/usr/bin/gpg", "gpg", "--batch", "--passphrase", "x", "--symmetric", f);
            String lock = "/home/bob/.gnupg/.#lk0x0000" + (n++) + ".vm." + gpg.pid();
            gpg.create(lock).delete(lock + "x").create("/home/bob/.gnupg/pubring.kbx").delete(lock);
            gpg.create(f + ".gpg").create("/home/bob/.gnupg/random_seed");
            gpg.exit();
            Proc shred = script.spawn("/usr/bin/shred", "shred", "-u", f);
            shred.writeInPlace(f).truncate(f);
            String d = dir(f) + "/";
            shred.rename(f, d + "0000").rename(d + "0000", d + "000").rename(d + "000", d + "00")
                    .rename(d + "00", d + "0").delete(d + "0");
            shred.exit();
        }
        Finding f = worst(detect(t));
        assertThat(f.filesAffected()).isEqualTo(32);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.signal("delete-after-encrypt").value()).isEqualTo(32);
        assertThat(f.files()).contains("/home/bob/Documents/d0/doc-0.odt").noneMatch(p -> p.contains(".gnupg"));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
    }

    /** gpg pointed at a hidden directory (its command line names it) still counts the files there. */
    @Test
    void filesInAHiddenDirectoryNamedOnTheCommandLineStillCount() {
        Trail t = new Trail("ws-bob");
        Proc login = t.sshLogin("bob", 1102);
        Proc script = login.spawn("/usr/bin/bash", "bash", "/var/tmp/lock.sh");
        for (String f : files("/home/bob/.ssh", 1, 25, ".key")) {
            script.spawn("/usr/bin/gpg", "gpg", "--symmetric", f).create(f + ".gpg");
            script.spawn("/usr/bin/rm", "rm", f).delete(f);
        }
        Finding f = worst(detect(t));
        assertThat(f.filesAffected()).isEqualTo(25);
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
    }

    /**
     * {@code setsid bash -c "agent.sh; touch /run/done"}: bash runs agent.sh in a child and execs its last command
     * in its own process. The campaign was rooted at {@code bash -c …}; the finding names that, not touch.
     */
    @Test
    void aRootThatExecsItsLastCommandKeepsTheNameItHadWhenTheCampaignBegan() {
        Trail t = new Trail("studio01");
        Proc harness = t.existing(3000, 2990, "/usr/bin/bash", Trail.creds(0, 0, io.ransomtrace.engine.model.Credentials.UNSET, "root", null));
        Proc daemon = harness.spawn("/usr/bin/setsid", "setsid", "bash", "-c", "/usr/local/lib/.pm2/agent.sh; touch /run/done");
        daemon.exec("/usr/bin/bash", "bash", "-c", "/usr/local/lib/.pm2/agent.sh; touch /run/done");
        Proc agent = daemon.spawn("/usr/bin/bash", "/bin/bash", "/usr/local/lib/.pm2/agent.sh");
        for (String f : files("/srv/studio", 3, 10, ".psd")) {
            Tools.opensslEncrypt(agent, f, ".enc");
            Tools.rm(agent, f);
        }
        daemon.exec("/usr/bin/touch", "touch", "/run/done");
        daemon.create("/run/done");
        Finding f = worst(detect(t));
        assertThat(f.rootProcess().commandLine()).isEqualTo("bash -c /usr/local/lib/.pm2/agent.sh; touch /run/done");
        assertThat(f.rootProcess().exe()).isEqualTo("/usr/bin/bash");
    }
}
