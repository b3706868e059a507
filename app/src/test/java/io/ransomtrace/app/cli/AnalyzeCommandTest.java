package io.ransomtrace.app.cli;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import io.ransomtrace.engine.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AnalyzeCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path importedCase() throws Exception {
        Path casePath = dir.resolve("inv.rtcase");
        try (CaseStore store = CaseStore.create(casePath)) {
            new ImportPipeline(new TestCatalog(), ImportOptions.defaults()).run(store,
                    List.of(TinyLogWriter.campaign(dir.resolve("a.log"), 400)), ImportProgressListener.NONE,
                    new Cancellation());
        }
        return casePath;
    }

    @Test
    void keepsTheFindingsInTheCaseAndSaysHowLongItTook() throws Exception {
        Path casePath = importedCase();
        Run r = run("--case", casePath.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Analysed 803 events").contains("Kept in the case")
                .containsPattern("Detection \\d+\\.\\d\\d s \\(from the replay table\\), \\d+\\.\\d\\d s in all");
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            assertThat(session.keptAnalysis(session.settings())).hasValueSatisfying(a -> assertThat(a.findings())
                    .anySatisfy(f -> assertThat(f.severity().atLeast(Severity.HIGH)).isTrue()));
        }
    }

    @Test
    void aProfileAndAnAllowlistGivenAreKeptInTheCaseAsTheWindowKeepsThem() throws Exception {
        Path casePath = importedCase();
        Path profile = Files.writeString(dir.resolve("strict.yaml"), "severity:\n  high: 60\n");
        Path allowlist = Files.writeString(dir.resolve("allow.yaml"), """
                entries:
                  - id: locker-test
                    reason: the red team's locker
                    author: soc
                    effect: suppress
                    match:
                      exe: /tmp/locker
                """);
        Run r = run("--case", casePath.toString(), "--profile", profile.toString(), "--allowlist", allowlist.toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("suppressed by the allowlist");
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            assertThat(session.settings().profile().longValue("severity.high")).isEqualTo(60);
            assertThat(session.settings().allowlist()).singleElement()
                    .satisfies(e -> assertThat(e.pattern()).isEqualTo("/tmp/locker"));
            assertThat(session.keptAnalysis(session.settings())).as("kept with the settings now kept")
                    .hasValueSatisfying(a -> assertThat(a.findings()).allSatisfy(f -> assertThat(f.suppressed()).isTrue()));
            var ann = session.store().annotations();
            long id = ann.activeProfile().orElseThrow().id();
            assertThat(ann.tuningHistory(id)).anySatisfy(t -> {
                assertThat(t.parameter()).isEqualTo("severity.high");
                assertThat(t.newValue()).isEqualTo("60");
                assertThat(t.note()).contains("analyze --profile strict.yaml");
            });
        }
    }

    @Test
    void anAllowlistEntryTheCaseCannotKeepIsRefusedWithTheReason() throws Exception {
        Path casePath = importedCase();
        Path allowlist = Files.writeString(dir.resolve("allow.yaml"), """
                entries:
                  - id: two-conditions
                    reason: backups
                    author: soc
                    effect: suppress
                    match:
                      exe: /usr/bin/rsync
                      user: backup
                """);
        Run r = run("--case", casePath.toString(), "--allowlist", allowlist.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("two-conditions").contains("has 2 conditions");
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            assertThat(session.store().lastAnalysis().stamp()).as("nothing analysed").isEmpty();
        }
        assertThat(run("--case", dir.resolve("none.rtcase").toString()).exit()).isEqualTo(ExitCodes.INPUT_ERROR);
    }
}
