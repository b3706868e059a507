package io.ransomtrace.app.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatDoesNotExistIsRefusedNotMade() {
        Path target = dir.resolve("no-such-folder/out.json");
        assertThatThrownBy(() -> OutputFile.check(target, true, List.of()))
                .hasMessageContaining("no-such-folder does not exist");
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void writesThroughATemporaryFileAndLeavesNothingElse() throws IOException {
        Path target = Files.createDirectories(dir.resolve("sub")).resolve("out.json");
        OutputFile.check(target, false, List.of()).write(out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("{}");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws IOException {
        Path target = Files.writeString(dir.resolve("out.json"), "old");
        assertThatThrownBy(() -> OutputFile.check(target, false, List.of()))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("--force");
        OutputFile.check(target, true, List.of()).write(out -> out.write('n'));
        assertThat(target).hasContent("n");
    }

    @Test
    void anInputIsNeverOverwrittenEvenWithForce() throws IOException {
        Path input = Files.writeString(dir.resolve("case.rtcase"), "evidence");
        Path sameByAnotherName = dir.resolve("./sub/../case.rtcase");
        assertThatThrownBy(() -> OutputFile.check(sameByAnotherName, true, List.of(input)))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("input of this run");
        Path hardLink = Files.createLink(dir.resolve("alias.rtcase"), input);
        assertThatThrownBy(() -> OutputFile.check(hardLink, true, List.of(input)))
                .hasMessageContaining("input of this run");
        assertThat(input).hasContent("evidence");
    }

    @Test
    void aSymbolicLinkIsNotWrittenThrough() throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), precious);
        assertThatThrownBy(() -> OutputFile.check(link, true, List.of()))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("symbolic link");
        assertThat(precious).hasContent("keep");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void devicesFoldersAndFifosAreRefused() throws Exception {
        assertThatThrownBy(() -> OutputFile.check(Path.of("/dev/null"), true, List.of()))
                .isInstanceOf(OutputFile.RefusedException.class).hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(Path.of("/dev/null"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThatThrownBy(() -> OutputFile.check(dir, true, List.of())).hasMessageContaining("folder");
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> OutputFile.check(fifo, true, List.of())).hasMessageContaining("not a regular file");
    }

    @Test
    void aFailedWriteLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("out.pdf");
        assertThatThrownBy(() -> OutputFile.check(target, false, List.of()).write(out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("renderer failed");
        })).hasMessage("renderer failed");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
