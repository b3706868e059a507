package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
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
 * A shape of the seventeenth independent batch (h52): a QNAP-style locker run by busybox — {@code sh} and {@code rm}
 * are applet links to /bin/busybox, so the kernel's exe for every {@code rm -f F} after {@code 7z a -p… -mhe=on F.7z F}
 * is busybox. From command lines alone (an execve-only rule set) the first pass did not know those runs for rm (low):
 * the applet argv[0] (or argv[1] of {@code busybox rm}) names is the tool that runs.
 */
class SeventeenthBatchShapesTest {
    private static final List<String> DIRS = List.of("2025_3", "clients_1", "scans_4", "drafts_0", "Q3_2");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    /** Command lines only: per file 7z a -p -mhe=on, then rm through busybox (an applet link, or busybox rm). */
    private static List<Finding> busyboxLocker(boolean encrypt, boolean appletLink) {
        Trail t = new Trail("nas02");
        Proc sh = t.sshLogin("svc-nas", 2050).spawn("/usr/bin/busybox", "sh", "/var/tmp/.qbin/q.sh");
        for (String d : DIRS) {
            for (int i = 0; i < 9; i++) {
                String f = "/srv/nas/share/" + d + "/invoice_" + i + ".pdf";
                if (encrypt) {
                    sh.spawn("/usr/bin/7z", "7z", "a", "-bd", "-mx=1", "-pQn4p-52", "-mhe=on", f + ".7z", f).exit();
                } else {
                    sh.spawn("/usr/bin/7z", "7z", "a", "-bd", "-mx=1", f + ".7z", f).exit();
                }
                if (appletLink) {
                    sh.spawn("/usr/bin/busybox", "rm", "-f", f).exit();
                } else {
                    sh.spawn("/usr/bin/busybox", "busybox", "rm", "-f", f).exit();
                }
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void rmAsABusyboxAppletDeletesTheOriginalsOfPasswordArchives() {
        for (boolean link : List.of(true, false)) {
            Finding f = worst(busyboxLocker(true, link));
            assertThat(f.severity().atLeast(Severity.HIGH)).as("applet link %s: %s", link, f.title()).isTrue();
            assertThat(f.filesAffected()).as(f.title()).isEqualTo(45);
        }
    }

    @Test
    void busyboxRmAfterArchivesWithoutAPasswordIsNoLocker() {
        assertThat(busyboxLocker(false, true)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
    }
}
