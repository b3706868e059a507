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
 * A shape of the seventeenth independent batch (h57): {@code find . -type f -print0 | xargs -0 perl -i -0777 -pe
 * '$_ ^= …'} — one perl process rewrites every file of a tree the way {@code perl -i} does since 5.28 (a temp
 * {@code DIR/XXxxxxxx} written, renamed over F), then a note per folder. A temp renamed over a file, or a truncating
 * rewrite, is what sed -i, editors, builds and sync tools do all day, so alone it is never counted; the first pass
 * saw 40 such replacements and nothing else (info). When the campaign's ransom note (a name or text with a ransom
 * word) spreads over its folders, the replacements it made before are the locker's and count as rewritten in place,
 * and later ones count at once. Without the note the same replacements stay benign.
 *
 * <p>h52: a QNAP-style locker run by busybox — {@code sh} and {@code rm} are applet links to /bin/busybox, so the
 * kernel's exe for every {@code rm -f F} after {@code 7z a -p… -mhe=on F.7z F} is busybox. From command lines alone
 * (an execve-only rule set) the first pass did not know those runs for rm (low): the applet argv[0] (or argv[1] of
 * {@code busybox rm}) names is the tool that runs.
 */
class SeventeenthBatchShapesTest {
    private static final List<String> DIRS = List.of("2025_3", "clients_1", "scans_4", "drafts_0", "Q3_2");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    /** perl -i over 40 files (temp, rename over), then optionally a note per folder written by a shell. */
    private static List<Finding> perlInPlace(String note) {
        Trail t = new Trail("ws-priya");
        Proc login = t.sshLogin("priya", 2002);
        Proc bash = login.spawn("/usr/bin/bash", "bash", "-c", "cd ~/work && find . -type f -print0 | xargs -0 perl -i -0777 -pe '…' && find . -type d -exec sh -c '…' _ {} \\;");
        Proc perl = bash.spawn("/usr/bin/xargs", "xargs", "-0", "perl", "-i", "-0777", "-pe", "$_ ^= \"\\x5a\" x length")
                .spawn("/usr/bin/perl", "perl", "-i", "-0777", "-pe", "$_ ^= \"\\x5a\" x length");
        int n = 0;
        for (String d : DIRS) {
            for (int i = 0; i < 8; i++) {
                String dir = "/home/priya/work/" + d;
                String temp = dir + "/XX" + Integer.toString(100000 + n++, 36);
                perl.create(temp).rename(temp, dir + "/report_" + i + ".docx");
            }
        }
        perl.exit();
        if (note != null) {
            for (String d : DIRS) {
                bash.spawn("/usr/bin/dash", "sh", "-c", "echo … > \"$1/" + note + "\"", "_", "/home/priya/work/" + d)
                        .create("/home/priya/work/" + d + "/" + note).exit();
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void filesReplacedByATempBeforeARansomNoteSpreadAreRewrittenInPlace() {
        Finding f = worst(perlInPlace("HOW_TO_DECRYPT_FILES.txt"));
        assertThat(f.severity().atLeast(Severity.HIGH)).as(f.title()).isTrue();
        assertThat(f.overwrite()).isEqualTo(OverwriteKind.IN_PLACE);
    }

    @Test
    void theSameReplacementsWithoutANoteStayBenign() {
        assertThat(perlInPlace(null)).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
    }

    @Test
    void aPlainReadmePerFolderIsNoRansomNote() {
        // h57 as recorded: README-named notes without a ransom word, in a log without file contents; pending/
        assertThat(perlInPlace("PROJECT-README.txt")).allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
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
