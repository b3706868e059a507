package io.ransomtrace.app.store;

import io.ransomtrace.app.cli.RansomtraceCommand;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.importing.SourceResult;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that fills up during an import: the import says "disk full", the case says the source was interrupted
 * (never still importing, never complete), and {@code coverage} does not then call the case empty with exit 0.
 * On a real 20 MB tmpfs when the test may mount one (root, as CI runs); otherwise with SQLite's
 * {@code max_page_count}, which SQLite reports exactly as a full disk (SQLITE_FULL).
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void aFullDiskIsNamedAndLeavesTheSourceInterrupted() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small-disk"));
        boolean realDisk = run("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", small.toString());
        Path caseFile = small.resolve("full.rtcase");
        try {
            String said = realDisk ? fillARealDisk(caseFile) : fillASimulatedDisk(caseFile);
            assertThat(said).contains("disk full").doesNotContain("\tat ");

            try (CaseStore ro = CaseStore.openReadOnly(caseFile)) {
                SourceInfo s = ro.queries().sources().get(0);
                assertThat(s.status()).isEqualTo(SourceStatus.INTERRUPTED);
                assertThat(s.statusNote()).contains("disk full");
                assertThat(ro.queries().replay(EventFilter.all(), e -> true)).isEqualTo(s.events());
            }
            Run coverage = cli("coverage", "--case", caseFile.toString());
            assertThat(coverage.err()).contains("not imported to its end").contains("disk full");
            assertThat(coverage.exit() == 3 || !coverage.out().contains("holds no events"))
                    .as("no 'no events' verdict with exit 0: %s", coverage).isTrue();
            // opening it for writing rebuilds the indexes the import dropped: on a disk still full, it says so
            try (CaseStore rw = CaseStore.open(caseFile)) {
                assertThat(rw.queries().sources().get(0).status()).isEqualTo(SourceStatus.INTERRUPTED);
            } catch (CaseOpenException stillFull) {
                assertThat(stillFull).hasMessageContaining("disk full");
            }
        } finally {
            if (realDisk) {
                run("umount", "-l", small.toString());
            }
        }
    }

    /** {@code ransomtrace import} of a 100 MB audit log onto the 20 MB file system; what it printed. */
    private String fillARealDisk(Path caseFile) throws IOException {
        Path log = writeAuditLog(dir.resolve("audit.log"), 220_000);
        Run imp = cli("import", "--quiet", "--case", caseFile.toString(), log.toString());
        assertThat(imp.exit()).isEqualTo(3);
        return imp.out() + imp.err();
    }

    /** The import pipeline on a case that may grow only 40 pages (about 600 kB); what it said. */
    private String fillASimulatedDisk(Path caseFile) throws Exception {
        Path log = TinyLogWriter.campaign(dir.resolve("audit.log"), 30_000);
        try (CaseStore store = CaseStore.create(caseFile)) {
            try (Statement st = store.connection().createStatement()) {
                var rs = st.executeQuery("PRAGMA page_count");
                long pages = rs.getLong(1);
                rs.close();
                st.execute("PRAGMA max_page_count=" + (pages + 40));
            }
            ImportOptions options = ImportOptions.defaults().withCommitEvery(5_000, Duration.ofSeconds(2));
            try {
                ImportSummary summary = new ImportPipeline(new TestCatalog(), options).run(store, List.of(log),
                        ImportProgressListener.NONE, new Cancellation());
                assertThat(summary.sources()).singleElement().extracting(SourceResult::outcome)
                        .isEqualTo(SourceResult.Outcome.INTERRUPTED);
                return summary.sources().get(0).message();
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("the import of audit.log stopped").contains("marked interrupted");
                return e.getMessage();
            }
        }
    }

    /** A raw audit log of {@code events} file creations, each of a new path (so the case grows with it). */
    static Path writeAuditLog(Path file, int events) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < events; i++) {
                String ts = (1_763_600_000L + i / 1000) + "." + String.format("%03d", i % 1000) + ":" + (1000 + i);
                w.write("type=SYSCALL msg=audit(" + ts + "): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c "
                        + "a1=55d0 a2=241 a3=1b6 items=2 ppid=4242 pid=4300 auid=1000 uid=0 gid=0 euid=0 suid=0 "
                        + "fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"locker\" exe=\"/tmp/locker\" key=\"w\"\n");
                w.write("type=PATH msg=audit(" + ts + "): item=1 name=\"/srv/share/d" + (i % 500) + "/document-" + i
                        + ".docx.locked\" inode=" + (100_000 + i) + " dev=fd:00 mode=0100644 ouid=0 ogid=0 "
                        + "rdev=00:00 nametype=CREATE\n");
                w.write("type=EOE msg=audit(" + ts + "):\n");
            }
        }
        return file;
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RansomtraceCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
