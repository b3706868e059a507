package io.ransomtrace.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ransomtrace} command. Subcommands are added as their capability lands. */
@Command(name = "ransomtrace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Investigate mass file encryption on Linux hosts (ATT&CK AN0603 / T1486).",
        subcommands = {ScanCommand.class, ImportCommand.class, CoverageCommand.class, EvaluateCommand.class, ReportCommand.class,
                RecoverCommand.class, GuiCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; no finding at or above --fail-on",
                "1:at least one finding at or above --fail-on",
                "2:usage error",
                "3:input error (missing or unreadable input, unrecognised format)"})
public final class RansomtraceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return new CommandLine(new RansomtraceCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
