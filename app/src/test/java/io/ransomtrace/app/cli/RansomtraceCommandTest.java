package io.ransomtrace.app.cli;

import io.ransomtrace.app.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RansomtraceCommandTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        return run(Main.commandLine(), args); // the headless commands and the window's
    }

    private static Outcome run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Outcome o = run("--help");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("Usage: ransomtrace", "gui", "Exit codes:", "usage error", "input error");
    }

    @Test
    void versionNamesTheProductAndTheJava() {
        Outcome o = run("--version");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).startsWith("ransomtrace ").contains("Java 17");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Outcome o = run("--no-such-option");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void aCommandBuiltAloneRunsAsInTheWholeCommandLine() {
        // the launcher builds only the command it runs: its help, its errors and their exit codes stay the same
        for (String[] args : List.of(new String[]{"analyze", "--help"}, new String[]{"report", "--case", "/no/such.rtcase",
                "--format", "json", "--out", "/tmp/x.json"}, new String[]{"report", "--case", "c.rtcase", "--format",
                "json"}, new String[]{"findings", "--case", "c.rtcase", "--bogus"})) {
            Outcome whole = run(args);
            Outcome alone = run(RansomtraceCommand.commandLineOnly(args[0]).orElseThrow(), args);
            assertThat(alone).as(String.join(" ", args)).isEqualTo(whole);
        }
        assertThat(RansomtraceCommand.commandLineOnly("gui")).as("the window's command needs the whole line").isEmpty();
        assertThat(RansomtraceCommand.commandLineOnly("--help")).isEmpty();
    }
}
