package io.ransomtrace.engine;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
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
 * A shape of the twenty-second independent batch (b108): {@code ansible-vault encrypt} of 32 YAML files of an admin's
 * inventory. Per file the tool (python) reads the plaintext, runs plain {@code shred F} (no {@code -u}: shred
 * overwrites the blocks and leaves the name), unlinks F and creates F again ({@code O_CREAT|O_EXCL}) with the vault
 * text. The first pass counted 32 destroying runs and 32 files destroyed in place: high. The process that had F
 * shredded wrote F anew: the shred was the wipe step of its rewrite, not destruction.
 * <p>The twins: the same tool only shredding and unlinking (nothing written back: the data is gone) stays high; and
 * a locker doing exactly the vault's rewrite but leaving a note in every folder is still caught by its notes.
 */
class TwentySecondBatchShapesTest {
    private static final List<String> FILES = files();

    private static List<String> files() {
        List<String> out = new ArrayList<>();
        for (String g : List.of("all", "web", "db", "nas", "monitoring")) {
            for (String f : List.of("vault.yml", "secrets.yml", "credentials.yml", "tls.yml")) {
                out.add("/home/tomas/infra/group_vars/" + g + "/" + f);
            }
        }
        for (int h = 0; h < 12; h++) {
            out.add("/home/tomas/infra/host_vars/host" + h + ".lab.internal.yml");
        }
        return out;
    }

    private static Finding worst(List<Finding> findings) {
        return findings.stream().max(Comparator.comparing(Finding::severity)).orElseThrow();
    }

    private static Proc vaultTool(Trail t) {
        Proc bash = t.sshLogin("tomas", 2003).spawn("/usr/bin/bash", "bash", "-c",
                "cd ~/infra && ansible-vault encrypt --vault-password-file ~/.vault_pass group_vars/*/*.yml host_vars/*.yml");
        List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "/usr/bin/ansible-vault", "encrypt",
                "--vault-password-file", "/home/tomas/.vault_pass"));
        argv.addAll(FILES);
        return bash.spawn("/usr/bin/python3.11", argv.toArray(String[]::new));
    }

    @Test
    void aShredItsCallerWritesAgainIsARewriteNotDestruction() {
        Trail t = new Trail("build01");
        Proc py = vaultTool(t);
        for (String f : FILES) {
            py.spawn("/usr/bin/shred", "shred", f).writeInPlace(f);
            py.delete(f).create(f);
        }
        List<Finding> findings = Detector.run(t.events(), Profile.defaults(), Allowlist.empty());
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isLessThan(Severity.MEDIUM));
        // nor, between one file's shred and its rewrite, ever an alert: 31 rewrites and a shred are no wiper
        assertThat(findings).allSatisfy(f -> assertThat(f.firstAlert()).isNull());
    }

    /** A host that logs execve only: the 32 shreds named by ansible-vault's own command line, nothing else. */
    @Test
    void fromCommandLinesAloneAShredOfTheCallersOwnOperandsIsNoDestruction() {
        Trail t = new Trail("build01");
        Proc py = vaultTool(t);
        for (String f : FILES) {
            py.spawn("/usr/bin/shred", "shred", f);
        }
        List<Event> execOnly = t.events().stream().filter(e -> !(e instanceof FileOp)).toList();
        assertThat(Detector.run(execOnly, Profile.defaults(), Allowlist.empty()))
                .allSatisfy(f -> assertThat(f.severity()).isLessThan(Severity.MEDIUM));
    }

    /** The twin on the same host: a shell loop shredding the same files is still destruction the commands show. */
    @Test
    void fromCommandLinesAloneAShellsShredLoopStaysDestruction() {
        Trail t = new Trail("build01");
        Proc loop = t.sshLogin("tomas", 2003).spawn("/usr/bin/bash", "bash", "-c",
                "for f in ~/infra/*/*.yml ~/infra/*/*/*.yml; do shred \"$f\"; done");
        for (String f : FILES) {
            loop.spawn("/usr/bin/shred", "shred", f);
        }
        List<Event> execOnly = t.events().stream().filter(e -> !(e instanceof FileOp)).toList();
        assertThat(worst(Detector.run(execOnly, Profile.defaults(), Allowlist.empty())).severity())
                .isGreaterThanOrEqualTo(Severity.HIGH);
    }

    @Test
    void aShredNothingRewritesStaysDestruction() {
        Trail t = new Trail("build01");
        Proc py = vaultTool(t);
        for (String f : FILES) {
            py.spawn("/usr/bin/shred", "shred", f).writeInPlace(f);
            py.delete(f);
        }
        assertThat(worst(Detector.run(t.events(), Profile.defaults(), Allowlist.empty())).severity())
                .isGreaterThanOrEqualTo(Severity.HIGH);
    }

    @Test
    void theSameRewriteWithANotePerFolderIsStillALocker() {
        Trail t = new Trail("build01");
        Proc py = vaultTool(t);
        for (String f : FILES) {
            py.spawn("/usr/bin/shred", "shred", f).writeInPlace(f);
            py.delete(f).create(f);
        }
        for (String g : List.of("all", "web", "db", "nas", "monitoring")) {
            py.create("/home/tomas/infra/group_vars/" + g + "/HOW_TO_DECRYPT.txt");
        }
        py.create("/home/tomas/infra/host_vars/HOW_TO_DECRYPT.txt");
        assertThat(worst(Detector.run(t.events(), Profile.defaults(), Allowlist.empty())).severity())
                .isGreaterThanOrEqualTo(Severity.HIGH);
    }
}
