package io.ransomtrace.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code ransomtrace} command with its headless subcommands. The window's {@code gui} command is
 * added by the entry point ({@link io.ransomtrace.app.Main}), so nothing here depends on the UI.
 */
@Command(name = "ransomtrace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Investigate mass file encryption on Linux hosts (ATT&CK AN0603 / T1486).",
        subcommands = {ScanCommand.class, ImportCommand.class, FindingsCommand.class, CoverageCommand.class,
                EvaluateCommand.class, ReportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; no finding at or above --fail-on",
                "1:at least one finding at or above --fail-on",
                "2:usage error",
                "3:input error (missing or unreadable input, unrecognised format)"})
public final class RansomtraceCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: that is a usage error, so the usage goes to stderr and the exit code says so. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ransomtrace: a command is needed.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, for an entry point that adds subcommands of its own. */
    public static CommandLine commandLine() {
        return new CommandLine(new RansomtraceCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
