package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ransomtrace.engine.AttackScenariosTest.detect;
import static io.ransomtrace.engine.AttackScenariosTest.worst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hands on the keyboard: an intruder types {@code find ~/docs -type f -exec openssl enc … -in {} -out {}.enc \;} at
 * an ssh prompt, then {@code find ~/docs -type f ! -name '*.enc' -delete}. Commands typed one after another are
 * campaigns of their own (a user's make, git and tar are not one), but the second deletes the originals the first
 * encrypted: those deletions belong to the encrypting command, whose finding shows files held, not copies beside
 * intact originals. The look-alike: the same encrypted copies, and a later typed command deleting other files.
 */
class TypedAtOnePromptTest {

    private static List<String> docs() {
        List<String> out = new ArrayList<>();
        for (String d : List.of("finance", "hr", "clients", "scans")) {
            for (int i = 1; i <= 10; i++) {
                out.add("/home/carol/docs/" + d + "/f-" + i + ".xlsx");
            }
        }
        return out;
    }

    /** find ~/docs -type f -exec openssl enc … -in {} -out {}.enc \; typed at the prompt; with or without file events. */
    private static void typedFindExecOpenssl(Proc shell, boolean fileEvents) {
        Proc find = shell.spawn("/usr/bin/find", "find", "/home/carol/docs", "-type", "f", "-exec", "openssl", "enc",
                "-aes-256-cbc", "-pbkdf2", "-pass", "pass:Xk93", "-in", "{}", "-out", "{}.enc", ";");
        for (String f : docs()) {
            Proc openssl = find.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:Xk93",
                    "-in", f, "-out", f + ".enc");
            if (fileEvents) {
                openssl.create(f + ".enc");
            }
            openssl.exit();
        }
        find.exit();
    }

    private static List<Finding> typed(boolean deleteTheOriginals) {
        Trail t = new Trail("fs-02");
        Proc shell = t.sshLogin("carol", 1103);
        typedFindExecOpenssl(shell, true);
        if (deleteTheOriginals) {
            Proc del = shell.spawn("/usr/bin/find", "find", "/home/carol/docs", "-type", "f", "!", "-name", "*.enc",
                    "-delete");
            for (String f : docs()) {
                del.delete(f);
            }
            del.exit();
        } else {
            Proc del = shell.spawn("/usr/bin/find", "find", "/home/carol/Downloads", "-type", "f", "-delete");
            for (int i = 0; i < 40; i++) {
                del.delete("/home/carol/Downloads/tmp-" + i + ".part");
            }
            del.exit();
        }
        return detect(t);
    }

    /**
     * The same two typed commands on a host whose rules log execve only: the typed find's tests say it deleted the
     * originals the first command's openssl runs named (FindSelection), and those deletions are the encrypting
     * command's; a typed find deleting another folder takes nothing from it.
     */
    private static List<Finding> typedExecOnly(String deletedFolder) {
        Trail t = new Trail("fs-02");
        Proc shell = t.sshLogin("carol", 1103);
        typedFindExecOpenssl(shell, false);
        shell.spawn("/usr/bin/find", "find", deletedFolder, "-type", "f", "!", "-name", "*.enc", "-delete").exit();
        return detect(t);
    }

    @Test
    void withoutFileEventsTheTypedFindsTestsTellWhatItDeleted() {
        Finding f = worst(typedExecOnly("/home/carol/docs"));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(worst(typedExecOnly("/home/carol/Downloads")).severity().atLeast(Severity.HIGH)).isFalse();
    }

    @Test
    void originalsDeletedByTheNextTypedCommandAreFilesHeldByTheEncryptingOne() {
        Finding f = worst(typed(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.filesAffected()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
        assertThat(f.rootProcess().commandLine()).contains("-exec openssl enc");
    }

    @Test
    void encryptedCopiesAndAnUnrelatedCleanupStayApart() {
        assertThat(typed(false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
}
