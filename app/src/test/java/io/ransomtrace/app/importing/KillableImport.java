package io.ransomtrace.app.importing;

import io.ransomtrace.app.cli.ImportCommand;
import io.ransomtrace.app.testing.TestCatalog;
import picocli.CommandLine;

/**
 * The {@code ransomtrace import} command with the test formats, run in a child JVM by {@link KillDuringImportTest}
 * so that it can be killed like a real process.
 */
public final class KillableImport {
    private KillableImport() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCommand(new TestCatalog())).execute(args));
    }
}
