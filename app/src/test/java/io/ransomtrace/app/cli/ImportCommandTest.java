package io.ransomtrace.app.cli;

import io.ransomtrace.app.store.CaseSchema;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.app.testing.SampleEvents;
import io.ransomtrace.app.testing.TestCatalog;
import io.ransomtrace.app.testing.TinyLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ImportCommand(new TestCatalog()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void importsIntoANewCaseAndPrintsCountsPerSourceAndTotals() throws Exception {
        Path a = TinyLogWriter.campaign(dir.resolve("a.log"), 1000);
        Path b = SampleEvents.writeJsonLines(dir.resolve("b.jsonl"), SampleEvents.everyFieldOfEveryType(), 2);
        Path casePath = dir.resolve("inv.rtcase");

        Run r = run("--case", casePath.toString(), a.toString(), b.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("1 +imported +CSV +2,003 +2,003 +0  .*a\\.log")
                .containsPattern("2 +imported +laurel +14 +13 +1  .*b\\.jsonl")
                .contains("Total: 2,016 events, 1 import errors")
                .contains("2 file(s) imported, 0 already in the case, 0 not imported");
        assertThat(r.err()).as("progress lines").contains("100.0%").contains("events/s").contains("done");
        try (CaseStore store = CaseStore.openReadOnly(casePath)) {
            assertThat(store.queries().sources()).hasSize(2);
        }

        Run again = run("--case", casePath.toString(), "--quiet", a.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already in the case as source #1");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void aFileItCannotReadIsAnInputError() throws Exception {
        Path junk = Files.write(dir.resolve("x.bin"), new byte[]{1, 2, 3});
        Run r = run("--case", dir.resolve("c.rtcase").toString(), "--quiet", junk.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.out()).contains("not a recognised format: its first lines are not a log format")
                .contains("No case was created: nothing in the inputs could be imported.");
        assertThat(dir.resolve("c.rtcase")).as("no empty case left behind").doesNotExist();
    }

    @Test
    void aCaseItCannotOpenIsExplainedAsAnInputError() throws Exception {
        Path casePath = dir.resolve("future.rtcase");
        CaseStore.create(casePath).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + casePath); var st = c.createStatement()) {
            st.execute("PRAGMA user_version=" + (CaseSchema.CURRENT_VERSION + 1));
        }
        Run r = run("--case", casePath.toString(), TinyLogWriter.campaign(dir.resolve("a.log"), 1).toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains("newer Ransomtrace").contains("Update Ransomtrace");
    }

    @Test
    void importIsASubcommandOfRansomtrace() {
        CommandLine top = RansomtraceCommand.commandLine();
        assertThat(top.getSubcommands()).containsKey("import");
        StringWriter out = new StringWriter();
        top.setOut(new PrintWriter(out));
        assertThat(top.execute("import", "--help")).isZero();
        assertThat(out.toString()).contains("--case=CASE.rtcase").contains("INPUT...");
    }
}
