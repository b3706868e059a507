package io.ransomtrace.fleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ransomtrace fleet}: the detector over Kafka and Flink, for many hosts. */
@Command(name = "ransomtrace fleet", mixinStandardHelpOptions = true,
        description = {"Fleet mode: hosts ship audit lines into Kafka, a Flink job runs one detector per host,",
                "findings go to a Kafka topic in the scan JSON schema (README, \"Fleet\")."},
        subcommands = {ShipCommand.class, JobCommand.class, LocalCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the job failed", "2:usage error",
                "3:input error (missing or unreadable input, unrecognised format, Kafka unreachable)"})
public final class FleetCommand implements Runnable {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INPUT_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return new CommandLine(new FleetCommand()).execute(args);
    }
}
