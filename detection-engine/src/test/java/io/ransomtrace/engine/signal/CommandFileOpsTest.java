package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.signal.CommandFileOps.Implied;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandFileOpsTest {

    private static List<Implied> of(String cwd, String... argv) {
        List<String> a = List.of(argv);
        String name = argv[0];
        return CommandFileOps.of(name, a, cwd, EncryptionCommandParser.parse(name, a, cwd));
    }

    @Test
    void mvRenamesOneFileOrMovesSeveralIntoAFolder() {
        assertThat(of("/srv/s", "mv", "-f", "a.pdf", "a.pdf.CRPTD"))
                .containsExactly(new Implied(FileOpKind.RENAME, "/srv/s/a.pdf", "/srv/s/a.pdf.CRPTD"));
        assertThat(of("/srv/s", "mv", "a", "b", "/archive/"))
                .containsExactly(new Implied(FileOpKind.RENAME, "/srv/s/a", "/archive/a"),
                        new Implied(FileOpKind.RENAME, "/srv/s/b", "/archive/b"));
        assertThat(of("/srv/s", "mv", "-t", "/archive", "--", "-odd"))
                .containsExactly(new Implied(FileOpKind.RENAME, "/srv/s/-odd", "/archive/-odd"));
        assertThat(of("/srv/s", "mv", "only-one")).isEmpty();
    }

    @Test
    void cpCreatesTheCopyItsOperandsName() {
        assertThat(of("/in", "cp", "-p", "scan.tif", "/srv/archive/"))
                .containsExactly(new Implied(FileOpKind.CREATE, "/srv/archive/scan.tif", null));
        assertThat(of("/in", "cp", "note.txt", "/home/u/README.txt"))
                .containsExactly(new Implied(FileOpKind.CREATE, "/home/u/README.txt", null));
    }

    @Test
    void ccryptOverwritesNamedFilesAndRenamesThemWithItsSuffix() {
        assertThat(of("/d", "ccencrypt", "-f", "-K", "k", "a.doc", "b.cpt"))
                .containsExactly(new Implied(FileOpKind.WRITE, "/d/a.doc", null),
                        new Implied(FileOpKind.RENAME, "/d/a.doc", "/d/a.doc.cpt"));
        assertThat(of("/d", "ccrypt", "-e", "-S", ".lck", "x")).contains(new Implied(FileOpKind.RENAME, "/d/x", "/d/x.lck"));
        assertThat(of("/d", "ccrypt", "-e", "-r", "/home/u")).as("the files of a tree are not named").isEmpty();
        assertThat(of("/d", "ccrypt", "-d", "a.doc.cpt")).as("decrypting").isEmpty();
        assertThat(of("/d", "ccrypt", "-c", "a.doc")).as("to stdout").isEmpty();
    }

    @Test
    void anEncryptingArchiverToldToMoveDeletesItsInputs() {
        assertThat(of("/s", "zip", "-q", "-r", "-m", "-P", "pw", "hr.zip", "hr/"))
                .containsExactly(new Implied(FileOpKind.DELETE, "/s/hr", null));
        assertThat(of("/s", "zip", "-rm", "-e", "hr.zip", "hr")).hasSize(1);
        assertThat(of("/s", "7z", "a", "-pX", "-sdel", "hr.7z", "hr")).hasSize(1);
        assertThat(of("/s", "zip", "-q", "-r", "-m", "hr.zip", "hr/")).as("no password: not encrypted").isEmpty();
        assertThat(of("/s", "7z", "a", "-pX", "hr.7z", "hr")).as("originals kept").isEmpty();
    }

    @Test
    void findDeletesWhatItsCommandWasHandedOnlyWhenDeleteFollowsTheExec() {
        List<String> child = List.of("openssl", "enc", "-aes-256-cbc", "-in", "/s/a.doc", "-out", "/s/a.doc.enc");
        List<String> find = List.of("find", "/s", "-type", "f", "-exec", "openssl", "enc", "-aes-256-cbc", "-in", "{}",
                "-out", "{}.enc", ";", "-delete");
        assertThat(CommandFileOps.findDeletes(find, child, "/"))
                .containsExactly(new Implied(FileOpKind.DELETE, "/s/a.doc", null));
        assertThat(CommandFileOps.findDeletes(find.subList(0, find.size() - 1), child, "/")).isEmpty();
        List<String> batch = List.of("find", ".", "-exec", "gpg", "-c", "{}", "+", "-delete");
        assertThat(CommandFileOps.findDeletes(batch, List.of("gpg", "-c", "./a", "./b"), "/w"))
                .containsExactly(new Implied(FileOpKind.DELETE, "/w/a", null), new Implied(FileOpKind.DELETE, "/w/b", null));
        assertThat(CommandFileOps.findDeletes(List.of("find", ".", "-delete", "-exec", "gpg", "-c", "{}", ";"),
                List.of("gpg", "-c", "./a"), "/w")).as("-delete before the -exec: not this file's fate after it").isEmpty();
    }
    @Test
    void teeAndDdWriteTheFilesTheirOperandsName() {
        assertThat(of("/h", "tee", "/srv/a/README.txt", "/srv/b/README.txt"))
                .containsExactly(new Implied(FileOpKind.CREATE, "/srv/a/README.txt", null),
                        new Implied(FileOpKind.CREATE, "/srv/b/README.txt", null));
        assertThat(of("/h", "tee", "-a", "log")).containsExactly(new Implied(FileOpKind.WRITE, "/h/log", null));
        assertThat(of("/h", "dd", "of=f.pdf", "bs=64k", "conv=notrunc"))
                .containsExactly(new Implied(FileOpKind.WRITE, "/h/f.pdf", null));
        assertThat(of("/h", "dd", "of=/backup/disk.img", "bs=1M"))
                .containsExactly(new Implied(FileOpKind.TRUNCATE, "/backup/disk.img", null));
        assertThat(of("/h", "dd", "if=/dev/sda", "of=/dev/sdb")).as("devices").isEmpty();
        assertThat(of("/h", "dd", "if=/dev/urandom", "of=f.pdf")).as("destruction, judged as such").isEmpty();
    }
}
