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
 * A locker writing each encrypted copy through an unnamed file (open(DIR, O_TMPFILE), then linkat, which most rule
 * sets do not audit) and unlinking the original (h45): the log shows an unnamed new file in the folder and, just after,
 * the deletion of a file of that folder by the same process — a copy and its original, as with a copy under a random
 * name. A program that writes unnamed temp files and deletes nothing (a cache, a package manager's atomic writes) is
 * no such pair.
 */
class UnnamedFileLockerTest {
    private static final List<String> DIRS = List.of("contracts", "invoices", "scans", "hr", "drafts", "photos");

    private static List<Finding> run(boolean deleteOriginals) {
        Trail t = new Trail("ws-mk");
        Proc login = t.sshLogin("mkowalski", 2001);
        Proc locker = login.spawn("/var/tmp/.gvfs-metadata", ".gvfs-metadata", "/home/mkowalski/Documents");
        for (String d : DIRS) {
            String dir = "/home/mkowalski/Documents/" + d;
            for (int i = 0; i < 7; i++) {
                locker.createUnnamedIn(dir);
                if (deleteOriginals) {
                    locker.delete(dir + "/file-" + i + ".pdf");
                }
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void unnamedCopiesFollowedByTheOriginalsDeletionAreNewFileThenDelete() {
        Finding f = run(true).stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.filesAffected()).isEqualTo(42);
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.NEW_FILE_THEN_DELETE);
    }

    @Test
    void unnamedTempFilesAloneAreNoFilesAndNoFinding() {
        assertThat(run(false)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).isFalse());
    }
}
