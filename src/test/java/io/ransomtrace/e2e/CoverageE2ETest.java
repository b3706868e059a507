package io.ransomtrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The coverage check on cases recorded with the "full" and the "exec-only" audit rule sets. */
class CoverageE2ETest {

    private static String coverageOf(Path tmp, String caseName, Path... extra) {
        Path rtcase = tmp.resolve(caseName + ".rtcase");
        CliRun imported = CliRun.of("import", "--case", rtcase.toString(), SampleCases.of(caseName).toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        for (Path p : extra) {
            assertThat(CliRun.of("import", "--case", rtcase.toString(), p.toString()).exitCode()).isZero();
        }
        CliRun run = CliRun.of("coverage", "--case", rtcase.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void execOnlyTelemetryIsRedForFilesAndSaysWhy(@TempDir Path tmp) {
        String out = coverageOf(tmp, "attack-openssl-find-exec-only");
        assertThat(out).contains("overall RED");
        assertThat(out).containsPattern("\\[RED\\s*\\] Renames\\s+no file telemetry");
        assertThat(out).contains("detection relies on tool command lines only");
        assertThat(out).containsPattern("\\[GREEN\\] Process execution");
    }

    @Test
    void fullTelemetryIsGreenForFiles(@TempDir Path tmp) {
        String out = coverageOf(tmp, "mixed-workday");
        for (String item : new String[]{"Process execution", "Parent process", "Login user \\(auid\\)", "File creation",
                "Opens for writing", "Renames", "Deletes"}) {
            assertThat(out).containsPattern("\\[GREEN\\] " + item);
        }
    }

    @Test
    void anImportedRuleSetWithoutRenamesIsFlagged(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("fs01.rules");
        Files.writeString(rules, """
                # auditctl -l on fs01.corp.example
                -a always,exit -F arch=b64 -S execve,execveat -F key=exec
                -a always,exit -F arch=b64 -S open,openat,creat,truncate,ftruncate -F key=write
                -a always,exit -F arch=b64 -S unlink,unlinkat -F key=delete
                """);
        String out = coverageOf(tmp, "attack-openssl-find", rules);
        assertThat(out).containsPattern("\\[RED\\s*\\] Renames \\(rename, renameat, renameat2\\)\\s+no rule records it");
        assertThat(out).contains("Add these lines", "-a always,exit -F arch=b64 -S rename,renameat,renameat2 -k rt_rename");
    }
}
