package io.ransomtrace.app.cli;

import io.ransomtrace.app.store.StoreFailures;
import io.ransomtrace.engine.text.Inert;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.util.Locale;

/**
 * What every command does with a failure it did not handle itself: one line on stderr naming the command, what
 * failed and where (the case or file), and exit code 3. A stack trace only with {@code --debug} (or
 * {@code RANSOMTRACE_DEBUG=1}): an analyst needs the reason, a developer the trace.
 *
 * <p>Also installed as the execution strategy's safety net, so an {@link Error} (out of memory, a stack overflow
 * on hostile input) becomes the same kind of message instead of a JVM crash report with exit code 1, which
 * automation would read as "findings".
 */
public final class CommandErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable failure = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
        report(failure, commandLine, parseResult);
        return ExitCodes.INPUT_ERROR;
    }

    /** Runs the parsed command, turning an {@link Error} into an execution exception for the handler. */
    static CommandLine.IExecutionStrategy catchingErrors(CommandLine.IExecutionStrategy inner) {
        return parseResult -> {
            try {
                return inner.execute(parseResult);
            } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                CommandLine cl = parseResult.subcommand() != null ? lastCommand(parseResult) : parseResult.commandSpec().commandLine();
                throw new CommandLine.ExecutionException(cl, String.valueOf(e.getMessage()), e);
            }
        };
    }

    private static CommandLine lastCommand(CommandLine.ParseResult r) {
        CommandLine.ParseResult p = r;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        return p.commandSpec().commandLine();
    }

    static void report(Throwable failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandName();
        err.println("ransomtrace " + command + ": " + Inert.visible(message(failure, where(commandLine))));
        if (debug(parseResult)) {
            failure.printStackTrace(err);
        } else {
            err.println("(run with --debug for the technical details)");
        }
        err.flush();
    }

    /** The message for a failure; {@code where} is the case or file the command worked on, or null. */
    static String message(Throwable failure, String where) {
        if (failure instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() >> 20;
            return "out of memory (the Java heap is limited to " + max + " MB). Give it more with "
                    + "RANSOMTRACE_JAVA_OPTS=-Xmx4g" + (where == null ? "" : "; working on " + where);
        }
        if (failure instanceof StackOverflowError) {
            return "an input is nested too deeply to be read" + (where == null ? "" : " (" + where + ")");
        }
        if (failure instanceof InvalidPathException e) {
            return "the path '" + e.getInput() + "' cannot be used: " + e.getReason() + ". The system's character "
                    + "encoding is " + Charset.defaultCharset() + " (sun.jnu.encoding "
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
        }
        String what = StoreFailures.describe(failure);
        boolean unexpected = !(failure instanceof java.io.IOException || failure instanceof java.io.UncheckedIOException
                || failure instanceof java.sql.SQLException || failure instanceof io.ransomtrace.app.store.CaseStoreException
                || StoreFailures.isDiskFull(failure) || StoreFailures.isCorrupt(failure));
        String prefix = where == null ? "" : where + ": ";
        if (unexpected) {
            return prefix + "unexpected " + failure.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    .replace("exception", " error") + ": " + what;
        }
        return prefix + what;
    }

    /** The case a command works on (its {@code --case}), which is where most failures happen. */
    private static String where(CommandLine commandLine) {
        CommandLine.ParseResult r = commandLine.getParseResult();
        if (r != null && r.hasMatchedOption("--case")) {
            Object v = r.matchedOptionValue("--case", null);
            return v == null ? null : "case " + v;
        }
        return null;
    }

    private static boolean debug(CommandLine.ParseResult parseResult) {
        if ("1".equals(System.getenv("RANSOMTRACE_DEBUG"))) {
            return true;
        }
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
