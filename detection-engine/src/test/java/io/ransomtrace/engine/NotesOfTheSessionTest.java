package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code su - dave -c 'sudo ccrypt -e -r finance hr && sudo find finance hr -type d -exec cp NOTE {} \;'} (the
 * first recorder's attack-ccrypt-recursive): the encryption and the note drop are two commands, two campaigns; once
 * the log placed cp's {@code openat(dirfd, NOTE)} in the right folders, the notes made a second finding ("Ransom
 * notes dropped by find: 0 files, notes in 15 directories") beside the encryption's, which showed none. Notes a
 * command of the same login session leaves while an encryption of that session is already high belong to it.
 * <p>The twins: notes by another login session stay a finding of their own, and what the session creates that no
 * note could be named (a tarball of the loot) stays with its own command.
 */
class NotesOfTheSessionTest {
    private static final List<String> DIRS = List.of("finance/2024", "finance/2025", "hr/payroll", "hr/contracts",
            "hr/policies", "finance/q1", "finance/q2", "finance/q3", "finance/q4", "hr/reviews", "hr/misc", "finance/x");

    private static void encrypt(Proc shell) {
        Proc ccrypt = shell.sudo("/usr/bin/ccrypt", "ccrypt", "-e", "-r", "-f", "-K", "k", "finance", "hr");
        for (String d : DIRS) {
            for (int i = 0; i < 6; i++) {
                String f = "/srv/shares/" + d + "/doc-" + i + ".xlsx";
                ccrypt.writeInPlace(f).rename(f, f + ".cpt");
            }
        }
    }

    private static void dropNotes(Proc shell, String name) {
        Proc find = shell.sudo("/usr/bin/find", "find", "finance", "hr", "-type", "d", "-exec", "cp", "/var/tmp/" + name,
                "{}", ";");
        for (String d : DIRS) {
            find.spawn("/usr/bin/cp", "cp", "/var/tmp/" + name, d).create("/srv/shares/" + d + "/" + name);
        }
    }

    private static List<Finding> reported(List<Finding> all) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : all) {
            if (f.severity().atLeast(Severity.MEDIUM)) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void notesDroppedByAnotherCommandOfTheSessionJoinItsEncryption() {
        Trail t = new Trail("fs01");
        Proc dave = t.sshLogin("dave", 1104);
        encrypt(dave);
        dropNotes(dave, "RECOVER-FILES.txt");
        List<Finding> findings = reported(Detector.run(t.events(), Profile.defaults(), Allowlist.empty()));
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.filesAffected()).isEqualTo(72);
        assertThat(f.notes().directories()).hasSize(DIRS.size());
        assertThat(f.notes().names()).containsExactly("RECOVER-FILES.txt");
    }

    @Test
    void notesOfAnotherLoginSessionStayTheirOwnFinding() {
        Trail t = new Trail("fs01");
        Proc dave = t.sshLogin("dave", 1104);
        encrypt(dave);
        dropNotes(t.sshLogin("erin", 1105), "RECOVER-FILES.txt");
        List<Finding> findings = reported(Detector.run(t.events(), Profile.defaults(), Allowlist.empty()));
        assertThat(findings).hasSize(2);
        assertThat(findings).anySatisfy(f -> assertThat(f.notes().directories()).isEmpty());
        assertThat(findings).anySatisfy(f -> assertThat(f.notes().directories()).hasSize(DIRS.size()));
    }

    @Test
    void newFilesNoNoteCouldBeNamedStayWithTheirCommand() {
        Trail t = new Trail("fs01");
        Proc dave = t.sshLogin("dave", 1104);
        encrypt(dave);
        Proc tar = dave.spawn("/usr/bin/tar", "tar", "-czf", "/tmp/loot.tar.gz", "/srv/shares/hr");
        tar.create("/tmp/loot.tar.gz");
        Finding f = reported(Detector.run(t.events(), Profile.defaults(), Allowlist.empty())).get(0);
        assertThat(f.filesAffected()).isEqualTo(72);
        assertThat(f.files()).noneMatch(p -> p.endsWith("loot.tar.gz"));
    }
}
