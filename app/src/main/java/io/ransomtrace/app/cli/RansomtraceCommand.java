package io.ransomtrace.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ransomtrace} command. Subcommands are added as their capability lands. */
@Command(name = "ransomtrace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ImportCommand.class},
        description = "Investigate mass file encryption on Linux hosts (ATT&CK AN0603 / T1486).")
public final class RansomtraceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return new CommandLine(new RansomtraceCommand()).execute(args);
    }
}
