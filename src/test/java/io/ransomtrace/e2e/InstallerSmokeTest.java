package io.ransomtrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the Linux app image and .deb and checks them as an analyst would meet them, by running
 * {@code installer/smoke-test.sh} (see installer/README.md for what it checks and how long it takes).
 * Off by default because it takes minutes: {@code mvn -B verify -Dinstaller.smoke=true}.
 */
class InstallerSmokeTest {

    /** The script's exit status for "nothing could be tested here" (packaging tools missing). */
    private static final int SCRIPT_SKIPPED = 77;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void packagedAppRunsFromImageAndFromInstalledDeb() throws IOException, InterruptedException {
        assumeTrue(Boolean.getBoolean("installer.smoke"),
                "installer smoke test not requested: run with -Dinstaller.smoke=true (builds and installs the .deb, takes minutes)");
        Path root = RepositoryRoot.find();
        assumeTrue(Files.isRegularFile(root.resolve("app/target/ransomtrace-app.jar")),
                "app not packaged yet: the installer smoke test needs 'mvn package' to have built app/target first");

        Path log = Files.createTempFile("installer-smoke", ".log");
        Process script = new ProcessBuilder(List.of("bash", root.resolve("installer/smoke-test.sh").toString()))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = script.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);

        assumeTrue(exit != SCRIPT_SKIPPED, () -> "installer smoke test skipped by the script: " + lastLines(output, 3));
        assertThat(exit).as("installer/smoke-test.sh exit status; its output ends with:%n%s", lastLines(output, 40))
                .isZero();
        assertThat(output)
                .contains("smoke: PASS: image: --version, --help")
                .contains("smoke: all run steps passed");
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
