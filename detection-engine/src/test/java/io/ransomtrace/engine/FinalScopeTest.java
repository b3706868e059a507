package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An early high is a prediction: the early facts (a loop of an encrypting tool, an original deleted after its
 * copy) stand for a volume that usually follows. The live alert may be raised on them; the finding's final
 * severity reflects what the campaign did in the end. A user's single ssh command that encrypts three of her
 * files in two folders and stops ends low; the same command going on over a share, or leaving notes, stays high.
 */
class FinalScopeTest {

    /** dave's one ssh command (bash -c with a for loop over his Documents folders), as sshd starts it: no tty. */
    private static Proc sshCommand(Trail t, String command) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        Credentials dave = Trail.creds(1104, 1104, 1104, "dave", "dave");
        return sshd.spawnAs(dave, "/usr/bin/bash", "bash", "-c", command).cwd("/home/dave/Documents");
    }

    /** gpg -c f (f.gpg written), then shred -u f (overwritten, renamed to zeros, unlinked). */
    private static void gpgThenShred(Proc shell, String f) {
        Proc gpg = shell.spawn("/usr/bin/gpg", "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "X", "-c", f);
        gpg.create("/home/dave/.gnupg/.#lk0x1." + gpg.pid()).delete("/home/dave/.gnupg/.#lk0x1." + gpg.pid());
        gpg.create(f + ".gpg");
        gpg.exit();
        Proc shred = shell.spawn("/usr/bin/shred", "shred", "-u", f);
        String dir = f.substring(0, f.lastIndexOf('/') + 1);
        shred.writeInPlace(f).rename(f, dir + "0000000000").rename(dir + "0000000000", dir + "000000000")
                .delete(dir + "000000000");
        shred.exit();
    }

    private record Run(List<Finding> findings, List<Finding> alerts) {
    }

    private static Run run(Trail t) {
        List<Finding> alerts = new ArrayList<>();
        Detector d = new Detector(Profile.defaults(), Allowlist.empty(), alerts::add);
        t.events().forEach(d);
        return new Run(d.finish(), alerts);
    }

    private static final String LOOP = "i=0; for f in */*.pdf */*.docx; do i=$((i+1)); [ $i -gt 3 ] && break;"
            + " gpg --batch --passphrase X -c \"$f\" && shred -u \"$f\"; done; gpg -o letter.txt -d letter.txt.gpg";

    @Test
    void aShortLoopOverThreeOfHerFilesInTwoFoldersEndsLowThoughItAlertedHigh() {
        Trail t = new Trail("ws-dave");
        Proc cmd = sshCommand(t, LOOP);
        for (String f : List.of("/home/dave/Documents/taxes/return-2021.pdf", "/home/dave/Documents/taxes/return-2022.pdf",
                "/home/dave/Documents/contracts/lease-1.docx")) {
            gpgThenShred(cmd, f);
        }
        Proc decrypt = cmd.spawn("/usr/bin/gpg", "gpg", "-o", "letter.txt", "-d", "letter.txt.gpg");
        decrypt.create("/home/dave/Documents/letter.txt");
        decrypt.exit();
        cmd.exit();

        Run r = run(t);
        assertThat(r.alerts()).as("the early facts may raise a live alert")
                .anyMatch(a -> a.severity().atLeast(Severity.HIGH));
        Finding f = worst(r.findings());
        assertThat(f.severity()).as("final scope: 3 files, 2 folders, no note").isEqualTo(Severity.LOW);
        assertThat(f.filesBeforeFirstHighAlert()).as("the live alert is still on record").isNotNull();
        assertThat(f.signal("early-certainty").description())
                .contains("it ended with 3 files changed in 2 directories, no ransom note and no process running as root", "final severity low");
    }

    /**
     * The twin: the same loop run as root through sudo. File permissions hold dave to files he may write; root's
     * writes are held to nothing, so three files in two folders say nothing about whose files they were.
     */
    @Test
    void theSameShortLoopRunAsRootStaysHigh() {
        Trail t = new Trail("ws-dave");
        Proc cmd = sshCommand(t, "sudo bash -c '" + LOOP + "'");
        Proc sudo = cmd.spawn("/usr/bin/sudo", "sudo", "bash", "-c", LOOP);
        Credentials dave = cmd.credentials();
        Proc root = sudo.spawnAs(new Credentials(0, 0, 0, dave.loginUid(), dave.session(), "root", dave.loginUser()),
                "/usr/bin/bash", "bash", "-c", LOOP);
        for (String f : List.of("/srv/share/taxes/return-2021.pdf", "/srv/share/taxes/return-2022.pdf",
                "/srv/share/contracts/lease-1.docx")) {
            gpgThenShred(root, f);
        }
        root.exit();
        Finding f = worst(run(t).findings());
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.signal("early-certainty").description()).doesNotContain("it ended with");
    }

    @Test
    void theSameLoopGoingOnOverAShareStaysHigh() {
        Trail t = new Trail("ws-dave");
        Proc cmd = sshCommand(t, "for f in */*/*.pdf; do gpg --batch --passphrase X -c \"$f\" && shred -u \"$f\"; done");
        for (int i = 0; i < 24; i++) {
            gpgThenShred(cmd, "/home/dave/Documents/share/d" + (i % 6) + "/report-" + i + ".pdf");
        }
        cmd.exit();
        Finding f = worst(run(t).findings());
        assertThat(f.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(f.signal("early-certainty").description()).doesNotContain("it ended with");
    }

    @Test
    void theShortLoopLeavingARansomNoteStaysHigh() {
        Trail t = new Trail("ws-dave");
        Proc cmd = sshCommand(t, LOOP + "; for d in taxes contracts; do cp /tmp/n $d/HOW_TO_DECRYPT.txt; done");
        for (String f : List.of("/home/dave/Documents/taxes/return-2021.pdf", "/home/dave/Documents/taxes/return-2022.pdf",
                "/home/dave/Documents/contracts/lease-1.docx")) {
            gpgThenShred(cmd, f);
        }
        for (String d : List.of("taxes", "contracts")) {
            cmd.spawn("/usr/bin/cp", "cp", "/tmp/n", d + "/HOW_TO_DECRYPT.txt")
                    .create("/home/dave/Documents/" + d + "/HOW_TO_DECRYPT.txt").exit();
        }
        cmd.exit();
        assertThat(worst(run(t).findings()).severity()).isIn(Severity.HIGH, Severity.CRITICAL);
    }

    @Test
    void aFewFilesSpreadOverMoreThanTwoFoldersAreMoreThanAUsersOwnScope() {
        Trail t = new Trail("ws-dave");
        Proc cmd = sshCommand(t, "for f in */*.pdf; do gpg --batch --passphrase X -c \"$f\" && shred -u \"$f\"; done");
        for (int i = 0; i < 6; i++) {
            gpgThenShred(cmd, "/home/dave/Documents/d" + i + "/report-" + i + ".pdf");
        }
        cmd.exit();
        Finding f = worst(run(t).findings());
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.signal("early-certainty").description()).doesNotContain("it ended with");
    }

    /** 7z a -p… -mhe=on DIR.7z DIR && rm -rf DIR over one folder of eight files (independent case b20). */
    private static void packOneFolder(Proc cmd, String user, int files) {
        String dir = "/home/" + user + "/work/clients_0";
        Proc sevenZip = cmd.spawn("/usr/lib/p7zip/7z", "7z", "a", "-bd", "-pmine!", "-mhe=on", "clients_0.7z", "clients_0/");
        sevenZip.create("/home/" + user + "/work/clients_0.7z").exit();
        Proc rm = cmd.spawn("/usr/bin/rm", "rm", "-rf", "clients_0/");
        for (int i = 0; i < files; i++) {
            rm.delete(dir + "/doc-" + i + ".pdf");
        }
        rm.exit();
    }

    private static Proc packCommand(Trail t, Credentials who, String user) {
        Proc sshd = t.existing(700, 1, "/usr/sbin/sshd", Trail.creds(0, 0, Credentials.UNSET, "root", null));
        return sshd.spawnAs(who, "/usr/bin/bash", "bash", "-c",
                "cd ~/work && d=$(ls -d */ | head -1) && 7z a -bd -p\"mine!\" -mhe=on \"${d%/}.7z\" \"$d\" && rm -rf \"$d\"")
                .cwd("/home/" + user + "/work");
    }

    @Test
    void aUserPackingOneFolderWithAPasswordAndRemovingItEndsLow() {
        Trail t = new Trail("ws-priya");
        Proc cmd = packCommand(t, Trail.creds(2002, 2002, 2002, "priya", "priya"), "priya");
        packOneFolder(cmd, "priya", 8);
        cmd.exit();
        Finding f = worst(run(t).findings());
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.signal("early-certainty").description())
                .contains("it ended with 8 files changed in", "no process running as root", "final severity low");
    }

    @Test
    void rootPackingOneFolderOfAUsersFilesIsNotHeldToTheUsersScope() {
        Trail t = new Trail("ws-priya");
        Proc cmd = packCommand(t, Trail.creds(0, 0, 0, "root", "root"), "priya");
        packOneFolder(cmd, "priya", 8);
        cmd.exit();
        assertThat(worst(run(t).findings()).severity().atLeast(Severity.MEDIUM)).isTrue();
    }
}
