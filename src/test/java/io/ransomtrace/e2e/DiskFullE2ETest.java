package io.ransomtrace.e2e;

import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.store.SourceInfo;
import io.ransomtrace.app.store.SourceStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} onto a real 20 MB file system that fills up: the import says "disk full", the case says the source
 * was interrupted (not still importing), and {@code coverage} does not then call the case empty with exit 0. Needs
 * root to mount a tmpfs (CI runs as root); without it this is skipped and {@code DiskFullTest} covers the same
 * with a simulated full disk.
 */
class DiskFullE2ETest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsNamedAndTheCaseSaysTheSourceWasInterrupted() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", small.toString()),
                "mounting a 20 MB tmpfs needs root");
        try {
            Path log = writeAuditLog(dir.resolve("audit.log"), 220_000);
            Path caseFile = small.resolve("case.rtcase");

            CliRun imp = CliRun.of("import", "--quiet", "--case", caseFile.toString(), log.toString());

            assertThat(imp.exitCode()).isEqualTo(3);
            assertThat(imp.out() + imp.err()).contains("disk full").doesNotContain("\tat ");
            try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
                SourceInfo s = ro.queries().sources().get(0);
                assertThat(s.status()).isEqualTo(SourceStatus.INTERRUPTED);
            }
            CliRun coverage = CliRun.of("coverage", "--case", caseFile.toString());
            assertThat(coverage.out() + coverage.err()).contains("not imported to its end");
            if (coverage.exitCode() == 0) {
                assertThat(coverage.out()).doesNotContain("holds no events");
            } else {
                assertThat(coverage.exitCode()).isEqualTo(3);
            }
        } finally {
            run("umount", "-l", small.toString());
        }
    }

    /** A raw audit log of {@code events} file writes, each to a new path (so the case grows with it). */
    static Path writeAuditLog(Path file, int events) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            long t = 1_763_600_000L;
            for (int i = 0; i < events; i++) {
                String ts = (t + i / 1000) + "." + String.format("%03d", i % 1000) + ":" + (1000 + i);
                w.write("type=SYSCALL msg=audit(" + ts + "): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c "
                        + "a1=55d0 a2=241 a3=1b6 items=2 ppid=4242 pid=4300 auid=1000 uid=0 gid=0 euid=0 suid=0 "
                        + "fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"locker\" exe=\"/tmp/locker\" key=\"w\"\n");
                w.write("type=CWD msg=audit(" + ts + "): cwd=\"/srv/share\"\n");
                w.write("type=PATH msg=audit(" + ts + "): item=0 name=\"/srv/share/d" + (i % 500) + "/\" inode=1 "
                        + "dev=fd:00 mode=040755 ouid=0 ogid=0 rdev=00:00 nametype=PARENT\n");
                w.write("type=PATH msg=audit(" + ts + "): item=1 name=\"/srv/share/d" + (i % 500) + "/document-" + i
                        + ".docx.locked\" inode=" + (100_000 + i) + " dev=fd:00 mode=0100644 ouid=0 ogid=0 "
                        + "rdev=00:00 nametype=CREATE\n");
                w.write("type=EOE msg=audit(" + ts + "):\n");
            }
        }
        return file;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
