package io.ransomtrace.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;

/**
 * The top-level {@code ransomtrace} command with its headless subcommands. The window's {@code gui} command is
 * added by the entry point ({@link io.ransomtrace.app.Main}), so nothing here depends on the UI.
 */
@Command(name = "ransomtrace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Investigate mass file encryption on Linux hosts (ATT&CK AN0603 / T1486).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; no finding at or above --fail-on",
                "1:at least one finding at or above --fail-on",
                "2:usage error",
                "3:input error or failure (missing, unreadable or refused input, damaged case, disk full)"},
        // fleet lives in its own module (Flink, Kafka), which the application does not depend on: the launcher
        // script dispatches it, so it is named here for the reader of --help
        footer = {"%nFleet mode (Flink job over Kafka, from the fleet module): ransomtrace fleet --help"})
public final class RansomtraceCommand implements java.util.concurrent.Callable<Integer> {

    /** The headless subcommands, in the order --help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ScanCommand.class, ImportCommand.class,
            AnalyzeCommand.class, FindingsCommand.class, CoverageCommand.class, EvaluateCommand.class,
            ReportCommand.class, RepairCommand.class, RecoverCommand.class);

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on a failure, print the technical details (stack trace) too")
    boolean debug;

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

    /**
     * The command line as {@code ransomtrace} runs it (an entry point may add subcommands of its own): every failure
     * goes through {@link CommandErrorHandler}.
     */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line with the one headless command named {@code name} under the top-level command, or empty when
     * no headless command has that name. What runs a command: picocli builds a command's model by reflection when
     * it is added, a few hundred milliseconds for all of them in a fresh JVM, spent before a command that should
     * take a second can start. {@code --help}, {@code --version} and mistyped commands need them all
     * ({@link #commandLine()}).
     */
    public static Optional<CommandLine> commandLineOnly(String name) {
        for (Class<?> c : SUBCOMMANDS) {
            if (c.getAnnotation(Command.class).name().equals(name)) {
                return Optional.of(commandLine(List.of(c)));
            }
        }
        return Optional.empty();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new RansomtraceCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(instantiate(c));
        }
        // the settings below reach the subcommands added so far (picocli's rule): add them first
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new CommandErrorHandler());
        // Under the POSIX locale Java cannot represent a non-ASCII file name: say so instead of a conversion trace
        cl.registerConverter(java.nio.file.Path.class, s -> {
            try {
                return java.nio.file.Path.of(s);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException(CommandErrorHandler.message(e, null));
            }
        });
        cl.setExecutionStrategy(CommandErrorHandler.catchingErrors(new CommandLine.RunLast()));
        return cl;
    }

    private static Object instantiate(Class<?> command) {
        try {
            return command.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the " + command.getSimpleName() + " command", e);
        }
    }
}
