package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.ProcessExec;
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
 * A shape of the twentieth independent batch (h83): per file {@code split -b 16k F F.part-}, {@code openssl enc}
 * of each part to {@code F.part-aa.e} and the part removed, {@code cat F.part-*.e > F.enc}, then F and the
 * encrypted parts removed. Each part was paired with its encrypted copy like an original, so the finding counted
 * 277 files for 81. A file whose creation the log shows the campaign making is its own, not a victim's: its
 * deletion after an encrypted copy is a stage of the pipeline, a temporary, not an original gone.
 * <p>The twin: a file the campaign only renamed first (Babuk's F to F.tmp) is still the victim's file: encrypted
 * under the new name and deleted, it still pairs as an original.
 */
class TwentiethBatchShapesTest {
    private static final List<String> DIRS = List.of("clients_3", "2025_1", "scans_4", "drafts_0", "Q3_2");

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    @Test
    void splitPartsEncryptedAndRemovedAreNotOriginals() {
        Trail t = new Trail("nas02");
        Proc sh = t.sshLogin("svc-nas", 2050).spawn("/usr/bin/bash", "bash", "-c", "find /srv/nas/share -type f | while read -r f; do split …");
        for (String d : DIRS) {
            for (int i = 0; i < 9; i++) {
                String f = "/srv/nas/share/" + d + "/contract_" + i + ".psd";
                Proc split = sh.spawn("/usr/bin/split", "split", "-b", "16k", "--", f, f + ".part-");
                for (String part : List.of("aa", "ab", "ac")) {
                    split.create(f + ".part-" + part);
                }
                for (String part : List.of("aa", "ab", "ac")) {
                    String p = f + ".part-" + part;
                    sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-pbkdf2", "-pass", "pass:Sp-83",
                            "-in", p, "-out", p + ".e").create(p + ".e");
                    sh.spawn("/usr/bin/rm", "rm", "-f", p).delete(p);
                }
                sh.create(f + ".enc"); // cat F.part-*.e > F.enc: the shell's redirection
                Proc rm = sh.spawn("/usr/bin/rm", "rm", "-f", f, f + ".part-aa.e", f + ".part-ab.e", f + ".part-ac.e");
                rm.delete(f);
                for (String part : List.of("aa", "ab", "ac")) {
                    rm.delete(f + ".part-" + part + ".e");
                }
            }
            sh.create("/srv/nas/share/" + d + "/SP83-RESTORE.txt");
        }
        Finding f = worst(Detector.run(t.events(), Profile.defaults(), Allowlist.empty()));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.filesAffected()).isEqualTo(45);
        assertThat(f.extensions()).containsExactly(".enc");
        assertThat(f.signal("delete-after-encrypt").description()).startsWith("45 originals deleted after a copy");
    }

    @Test
    void aFileOnlyRenamedFirstIsStillAnOriginal() {
        Trail t = new Trail("nas02");
        Proc sh = t.sshLogin("svc-nas", 2050).spawn("/usr/bin/bash", "bash", "-c", "for f in …; do mv; openssl; rm; done");
        for (String d : DIRS) {
            for (int i = 0; i < 9; i++) {
                String f = "/srv/nas/share/" + d + "/contract_" + i + ".psd";
                sh.spawn("/usr/bin/mv", "mv", f, f + ".tmp").rename(f, f + ".tmp");
                sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-ctr", "-pbkdf2", "-pass", "pass:x",
                        "-in", f + ".tmp", "-out", f + ".tmp.rnx").create(f + ".tmp.rnx");
                sh.spawn("/usr/bin/rm", "rm", "-f", f + ".tmp").delete(f + ".tmp");
            }
        }
        Finding f = worst(Detector.run(t.events(), Profile.defaults(), Allowlist.empty()));
        assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
        assertThat(f.signal("delete-after-encrypt").description()).startsWith("45 originals deleted after a copy");
    }

    /**
     * h80 replayed as ECS without {@code user.effective}: a root script (through sudo) encrypting one folder of the
     * share, one note, then auditing turned off. Few files in one folder end low unless root did it; a source that
     * gives one user id gives the one the process acts as, so uid 0 with no effective uid is still root.
     */
    private static List<Finding> rootScriptOneFolder(boolean sudo, boolean dropEffectiveUid) {
        Trail t = new Trail("nas01");
        Proc login = t.sshLogin("deploy", 2060);
        Proc sh = sudo ? login.sudo("/usr/bin/bash", "bash", "/usr/lib/.nfs-idmap/go.sh")
                : login.spawn("/usr/bin/bash", "bash", "/home/deploy/go.sh");
        String dir = sudo ? "/srv/nas/share/2025_1/" : "/home/deploy/old/";
        for (int i = 0; i < 9; i++) {
            String f = dir + "data_" + i + ".xlsx";
            sh.spawn("/usr/bin/openssl", "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:k", "-in", f,
                    "-out", f + ".cut80").create(f + ".cut80");
            sh.spawn("/usr/bin/rm", "rm", "-f", f).delete(f);
        }
        sh.create(dir + "CUT80-README.txt");
        List<Event> events = t.events();
        if (dropEffectiveUid) {
            List<Event> out = new ArrayList<>();
            for (Event e : events) {
                out.add(e instanceof FileOp op ? new FileOp(op.id(), op.time(), op.host(), oneUid(op.actor()), op.kind(),
                        op.path(), op.targetPath(), op.openFlags(), op.mode(), op.success(), op.inode(), op.contentHint(),
                        op.provenance())
                        : e instanceof ProcessExec x ? new ProcessExec(x.id(), x.time(), x.host(), oneUid(x.actor()), x.argv(),
                        x.argvTruncated(), x.cwd(), x.tty(), x.parentEntityId(), x.success(), x.provenance()) : e);
            }
            events = out;
        }
        return Detector.run(events, Profile.defaults(), Allowlist.empty());
    }

    private static Actor oneUid(Actor a) {
        Credentials c = a.credentials();
        return new Actor(a.pid(), a.ppid(), a.exe(), a.comm(), new Credentials(c.uid(), Credentials.UNSET, c.gid(),
                c.loginUid(), c.session(), c.user(), c.loginUser()), a.entityId());
    }

    @Test
    void rootsFewFilesStayHighWhenTheSourceGivesOneUserId() {
        assertThat(worst(rootScriptOneFolder(true, false)).severity()).isEqualTo(Severity.HIGH);
        assertThat(worst(rootScriptOneFolder(true, true)).severity()).isEqualTo(Severity.HIGH);
    }

    /** The twin: a user's own script over one of his folders, the same nine files, ends low either way. */
    @Test
    void aUsersFewOwnFilesEndLowEitherWay() {
        assertThat(worst(rootScriptOneFolder(false, true)).severity()).isEqualTo(Severity.LOW);
        assertThat(worst(rootScriptOneFolder(false, false)).severity()).isEqualTo(Severity.LOW);
    }
}
