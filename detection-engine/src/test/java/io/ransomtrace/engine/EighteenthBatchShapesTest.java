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
 * A shape of the eighteenth independent batch (h61): each original copied to a staging folder in /dev/shm (not
 * watched), encrypted there by {@code openssl enc -in X -out X.e}, the ciphertext written back over the original by
 * {@code cp --no-preserve=all X.e F} and F renamed to a new suffix. cp is a copy tool, whose writes over existing files
 * are copies, not overwrites; the first pass called the files rename-only. cp writes its source's bytes: a source an
 * encrypting command of the campaign wrote puts ciphertext over the original, an overwrite in place.
 */
class EighteenthBatchShapesTest {
    private static final List<String> DIRS = List.of("clients_0", "Projekte_1", "clients_2", "scans_3");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    /** Per file: cp F STAGE/n; TOOL … STAGE/n → STAGE/n.e; cp --no-preserve=all STAGE/n.e F; mv F F.cb61. */
    private static List<Finding> stagedCopyBack(boolean encrypt) {
        Trail t = new Trail("web-shop01");
        Proc sh = t.sshLogin("deploy", 2060).sudo("/usr/bin/bash", "bash", "/usr/local/share/.cb/cb.sh");
        // the host logs deletions in its watched folders: the script's first act, an old backup removed
        sh.spawn("/usr/bin/rm", "rm", "-f", "/var/www/shop/uploads/site-backup.tar").delete("/var/www/shop/uploads/site-backup.tar").exit();
        int n = 0;
        for (String d : DIRS) {
            for (int i = 0; i < 10; i++, n++) {
                String f = "/var/www/shop/uploads/" + d + "/report_" + i + ".pdf";
                String stage = "/dev/shm/.cb61/" + Integer.toHexString(0x5a000 + n);
                sh.spawn("/usr/bin/cp", "cp", f, stage).exit(); // the staging folder is not watched: no file event
                if (encrypt) {
                    sh.spawn("/usr/bin/openssl", "openssl", "enc", "-chacha20", "-pbkdf2", "-pass", "pass:Cb-61",
                            "-in", stage, "-out", stage + ".e").exit();
                } else {
                    sh.spawn("/usr/bin/qpdf", "qpdf", "--linearize", stage, stage + ".e").exit();
                }
                Proc cp = sh.spawn("/usr/bin/cp", "cp", "--no-preserve=all", stage + ".e", f);
                cp.truncateOpen(f);
                cp.exit();
                if (encrypt) {
                    sh.spawn("/usr/bin/mv", "mv", f, f + ".cb61").rename(f, f + ".cb61").exit();
                }
                sh.spawn("/usr/bin/rm", "rm", "-f", stage, stage + ".e").exit();
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void ciphertextCopiedBackOverTheOriginalsIsAnOverwriteInPlace() {
        Finding f = worst(stagedCopyBack(true));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.overwrite()).as(f.title()).isEqualTo(OverwriteKind.IN_PLACE);
        assertThat(f.filesAffected()).as(f.title()).isEqualTo(40);
    }

    @Test
    void optimisedCopiesWrittenBackByCpAreNoOverwrites() {
        // qpdf --linearize of each PDF in a scratch folder, copied back over the original: cp's writes stay copies
        assertThat(stagedCopyBack(false)).allSatisfy(f -> {
            assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse();
            assertThat(f.overwrite()).as(f.title()).isNotEqualTo(OverwriteKind.IN_PLACE);
        });
    }
}
