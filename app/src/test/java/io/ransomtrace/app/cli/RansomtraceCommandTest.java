package io.ransomtrace.app.cli;

import io.ransomtrace.app.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class RansomtraceCommandTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(); // as the launcher runs it: the headless commands and the window's
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
}
