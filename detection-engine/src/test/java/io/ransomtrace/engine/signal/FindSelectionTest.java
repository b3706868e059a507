package io.ransomtrace.engine.signal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a find … -delete deletes, read from its arguments as find evaluates them. */
class FindSelectionTest {

    private static FindSelection of(String... argv) {
        return FindSelection.ofDelete(List.of(argv), "/srv/share");
    }

    @Test
    void negatedNameKeepsTheEncryptedCopiesAndDeletesTheRest() {
        FindSelection f = of("find", ".", "-type", "f", "!", "-name", "*.gpg", "-delete");
        assertThat(f.selects("/srv/share/hr/pay.ods")).isTrue();
        assertThat(f.selects("/srv/share/hr/pay.ods.gpg")).isFalse();
        assertThat(f.selects("/srv/other/pay.ods")).as("outside its start folder").isFalse();
        assertThat(of("find", "/srv/share", "-not", "-iname", "*.GPG", "-delete").selects("/srv/share/a.gpg")).isFalse();
    }

    @Test
    void depthsPathsAndClassesAreFindsOwn() {
        FindSelection shallow = of("find", "/srv/share/", "-maxdepth", "1", "-name", "*.doc?", "-delete");
        assertThat(shallow.selects("/srv/share/a.docx")).isTrue();
        assertThat(shallow.selects("/srv/share/d/a.docx")).isFalse();
        FindSelection path = of("find", ".", "-path", "./hr/*", "-delete");
        assertThat(path.selects("/srv/share/hr/x/y.pdf")).as("* crosses / in -path").isTrue();
        assertThat(path.selects("/srv/share/it/y.pdf")).isFalse();
        FindSelection cls = of("find", ".", "-name", "[!.]*.[ch]", "-delete");
        assertThat(cls.selects("/srv/share/src/main.c")).isTrue();
        assertThat(cls.selects("/srv/share/src/.hidden.c")).isFalse();
    }

    @Test
    void whatItCannotReadOrWhatDeletesNothingIsNotRead() {
        assertThat(of("find", ".", "-type", "f", "-name", "*.tmp")).as("no -delete").isNull();
        assertThat(of("find", ".", "-mtime", "+30", "-delete")).as("times").isNull();
        assertThat(of("find", ".", "-name", "*.a", "-o", "-name", "*.b", "-delete")).as("alternatives").isNull();
        assertThat(of("find", ".", "-type", "d", "-empty", "-delete")).as("folders").isNull();
        assertThat(of("find", ".", "-delete", "-exec", "rm", "{}", ";")).as("an action after -delete").isNull();
        assertThat(of("find", ".", "-name", "*.x", "!", "-delete")).as("a dangling negation").isNull();
    }

    @Test
    void globsMatchAsFnmatchDoes() {
        assertThat(FindSelection.matches("*.gpg", "a.b.gpg")).isTrue();
        assertThat(FindSelection.matches("*.gpg", "a.gpg.bak")).isFalse();
        assertThat(FindSelection.matches("a*b*c", "axxbyyc")).isTrue();
        assertThat(FindSelection.matches("a*b*c", "axxbyy")).isFalse();
        assertThat(FindSelection.matches("doc-?.pdf", "doc-7.pdf")).isTrue();
        assertThat(FindSelection.matches("[a-c]x", "bx")).isTrue();
        assertThat(FindSelection.matches("[!a-c]x", "bx")).isFalse();
        assertThat(FindSelection.matches("\\*", "*")).isTrue();
        assertThat(FindSelection.matches("\\*", "a")).isFalse();
        assertThat(FindSelection.matches("*", "")).isTrue();
        assertThat(FindSelection.matches("./hr/*", "./hr/x/y.pdf")).isTrue();
    }
}
