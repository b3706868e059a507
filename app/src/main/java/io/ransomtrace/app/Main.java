package io.ransomtrace.app;

import io.ransomtrace.app.cli.RansomtraceCommand;
import picocli.CommandLine;

/** Entry point of the {@code ransomtrace} command and of the window ({@code ransomtrace gui}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(RansomtraceCommand.run(args));
    }
}
