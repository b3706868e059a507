package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.trail.Proc;
import io.ransomtrace.engine.trail.Trail;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shape of the nineteenth independent batch (h71): a compiled locker an intruder with root installed as
 * /usr/local/sbin/smartd-cache, run through sudo while apt-get and rsync churn: each file copied to F.nas71 and
 * unlinked, a note written only when a folder is done. /usr/local/bin and /usr/local/sbin counted as system
 * directories, so no early fact of automation held until the second folder's note, and the campaign was high only
 * after 20 files. No package installs there (FHS 4.9, Debian Policy 9.1.2): a program there is one no package put
 * there, as one in /var/tmp or a home is.
 * <p>And a look-alike of the same batch (b92) seen as file integrity monitoring sees it (file events naming no
 * process): {@code apt-get install texlive-base} runs mandb, which writes each locale's new index as
 * {@code /var/cache/man/<lang>/<pid>} and renames it to index.db; the pid-named file in 26 folders, beside dpkg's
 * rewrites, was taken for a ransom note (critical). A name without a letter is a pid or a counter, never a note.
 */
class NineteenthBatchShapesTest {
    private static final List<String> DIRS = List.of("clients_3", "2025_1", "scans_4", "drafts_0", "Q3_2");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    /** A program under /usr/local/sbin, one process: per file a copy under a suffix, the original unlinked. */
    private static List<Finding> localProgram(String exe, String from, String to, String note) {
        Trail t = new Trail("nas01");
        Proc p = t.sshLogin("mkowalski", 2001).sudo(exe, exe, "/srv/nas/share");
        for (String d : DIRS) {
            for (int i = 0; i < 9; i++) {
                String f = "/srv/nas/share/" + d + "/contract_" + i + from;
                p.create(f.substring(0, f.length() - from.length()) + to).delete(f);
            }
            if (note != null) {
                p.create("/srv/nas/share/" + d + "/" + note);
            }
        }
        return Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
    }

    @Test
    void aLockerInstalledUnderUsrLocalIsHighAfterThreeFiles() {
        Finding f = worst(localProgram("/usr/local/sbin/smartd-cache", ".psd", ".psd.nas71", "NAS71-RECOVER.txt"));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.filesAffected()).isEqualTo(45);
        assertThat(f.filesBeforeFirstHighAlert()).isLessThanOrEqualTo(5);
        assertThat(f.signal("early-certainty").description()).contains("unknown binary", "/usr/local/sbin/smartd-cache");
    }

    /** The twin: an admin's converter under /usr/local/bin (F.heic to F.jpg, the original removed) is no locker. */
    @Test
    void anAdminsConverterUnderUsrLocalIsNoLocker() {
        assertThat(localProgram("/usr/local/bin/heic2jpg", ".heic", ".jpg", null))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
    }

    private static final List<String> LOCALES = List.of("de", "fr", "es", "it", "ja", "ko", "pl", "pt", "ru", "sv",
            "nl", "cs", "da", "fi", "hr", "hu", "id", "ro", "sl", "sr", "tr", "uk", "zh_CN", "zh_TW", "pt_BR", "");

    /** dpkg unpacking and rewriting its state, then mandb's per-locale temp named NAME renamed to index.db. */
    private static List<Finding> aptInstallSeenByFim(String tempName) {
        Trail t = new Trail("build01");
        Proc dpkg = t.sshLogin("mkowalski", 2001).sudo("/usr/bin/dpkg", "dpkg", "--unpack");
        for (int i = 0; i < 80; i++) {
            String f = "/var/lib/texmf/tex/generic/f" + i + ".tex";
            dpkg.create(f + ".dpkg-new").rename(f + ".dpkg-new", f);
        }
        for (int i = 0; i < 14; i++) {
            dpkg.writeInPlace("/var/lib/dpkg/info/texlive-" + i + ".list");
        }
        Proc mandb = dpkg.spawn("/usr/bin/mandb", "mandb", "-q");
        for (String l : LOCALES) {
            String dir = l.isEmpty() ? "/var/cache/man" : "/var/cache/man/" + l;
            mandb.create(dir + "/" + tempName).rename(dir + "/" + tempName, dir + "/index.db");
        }
        List<Event> fim = new ArrayList<>();
        for (Event e : t.events()) {
            if (e instanceof FileOp op && op.path() != null) {
                fim.add(new FileOp(op.id(), op.time(), op.host(), Actor.NONE, op.kind(), op.path(), op.targetPath(),
                        op.openFlags(), op.mode(), op.success(), op.inode(), op.contentHint(), op.provenance()));
            }
        }
        return Detector.run(fim, Profile.defaults(), Allowlist.empty());
    }

    @Test
    void aPidNamedTempInEveryLocaleFolderIsNoNote() {
        assertThat(aptInstallSeenByFim("20853"))
                .allSatisfy(f -> assertThat(f.notes().names()).as(f.title()).doesNotContain("20853"))
                .allSatisfy(f -> assertThat(f.severity().atLeast(Severity.MEDIUM)).as(f.title()).isFalse());
    }

    /** The twin: the same spread under a name with words in it is still counted as a note. */
    @Test
    void aNameWithLettersInEveryFolderStillCountsAsANote() {
        assertThat(aptInstallSeenByFim("X20853").stream().flatMap(f -> f.notes().names().stream())).contains("X20853");
    }
}
