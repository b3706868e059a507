package io.ransomtrace.fleet;

import io.ransomtrace.fleet.cli.FleetCommand;

/**
 * Entry point of {@code ransomtrace fleet} (the root launcher dispatches to it) and of the job jar
 * ({@code flink run ransomtrace-fleet-job.jar job ...}).
 */
public final class FleetMain {
    private FleetMain() {
    }

    public static void main(String[] args) {
        int code = FleetCommand.run(args);
        // `flink run` calls main in the client: leave the JVM to it; from the launcher, exit with the code
        if (System.getProperty("ransomtrace.fleet.launcher") != null) {
            System.exit(code);
        }
        if (code != 0) {
            throw new IllegalStateException("ransomtrace fleet failed with exit code " + code);
        }
    }
}
