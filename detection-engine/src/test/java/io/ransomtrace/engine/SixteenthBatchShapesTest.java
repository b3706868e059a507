package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.OverwriteKind;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of the sixteenth independent batch. h48: per file {@code openssl enc -in F -out F.trnc && truncate -s 0 F} —
 * the original is emptied, not unlinked, and the first pass counted every file twice (the copy, and the original as a
 * rewrite in place: 80 of 40). Emptying a file whose encrypted copy was just written is that original destroyed, paired
 * with its copy like {@code rm F}. b63: a mail sync marking 330 Maildir messages read renames
 * each {@code UNIQUE:2,} to {@code UNIQUE:2,S} (maildir(5)); the first pass took {@code .host:2,s} for a new suffix
 * (high). A flag change is no suffix; a real suffix added after the flags still is.
 */
class SixteenthBatchShapesTest {
    private static final List<String> DIRS = List.of("2025_3", "clients_1", "scans_4", "drafts_0", "Q3_2");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    private static List<Finding> encryptThenEmpty(boolean encrypt) {
        Trail t = new Trail("ws-priya");
        Proc login = t.sshLogin("priya", 2002);
        Proc loop = login.spawn("/usr/bin/bash", "bash", "-c", "cd ~/work && find . -type f | while read -r f; do …; done");
        for (String d : DIRS) {
            for (int i = 0; i < 8; i++) {
                String f = "/home/priya/work/" + d + "/report_" + i + (encrypt ? ".docx" : ".log");
                if (encrypt) {
                    loop.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:k", "-in", f,
                            "-out", f + ".trnc").create(f + ".trnc").exit();
                } else {
                    loop.spawn("/usr/bin/gzip", "gzip", "-9", "-c", f).create(f + ".gz").exit();
                }
                loop.spawn("/usr/bin/truncate", "truncate", "-s", "0", f).openToResize(f).exit();
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void originalsEmptiedAfterTheirEncryptedCopiesAreCountedOnceAsNewFileThenDelete() {
        Finding f = worst(encryptThenEmpty(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.filesAffected()).as(f.title()).isEqualTo(40);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
    }

    private static List<Finding> maildirRenames(String flags) {
        return maildirRenamesFrom("", flags);
    }

    private static List<Finding> maildirRenamesFrom(String oldFlags, String newFlags) {
        Trail t = new Trail("ws-priya");
        Proc sync = t.sshLogin("priya", 2002).spawn("/usr/bin/python3.11", "python3", "/home/priya/.mailsync.py");
        for (String box : List.of("INBOX", "INBOX.lists", "INBOX.work")) {
            for (int i = 0; i < 110; i++) {
                String m = "/home/priya/Maildir/" + box + "/cur/" + (1796000000 + i * 37) + ".M" + (100 + i) + "P" + (4000 + i)
                        + ".ws-priya:2,";
                sync.rename(m + oldFlags, m + newFlags);
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void maildirMessagesMarkedReadAreNoNewSuffix() {
        assertThat(maildirRenames("S")).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
    }

    @Test
    void aSuffixAddedAfterTheMaildirFlagsStillCounts() {
        Finding f = worst(maildirRenamesFrom("S", "S.mlock"));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.extensions()).contains(".mlock");
    }
}
