package io.ransomtrace.app;

import io.ransomtrace.app.cli.RansomtraceCommand;
import io.ransomtrace.app.ui.GuiCommand;
import picocli.CommandLine;

/**
 * Entry point of the {@code ransomtrace} command and of the window ({@code ransomtrace gui}): the one place that
 * puts the UI's command next to the headless ones.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // a headless command runs with its own model only; the window, help and mistakes with all of them
        CommandLine cl = args.length > 0 ? RansomtraceCommand.commandLineOnly(args[0]).orElseGet(Main::commandLine)
                : commandLine();
        System.exit(cl.execute(args));
    }

    /** The whole {@code ransomtrace} command line: the headless commands and the window's. */
    public static CommandLine commandLine() {
        CommandLine cl = RansomtraceCommand.commandLine();
        cl.addSubcommand(new GuiCommand());
        return cl;
    }
}
