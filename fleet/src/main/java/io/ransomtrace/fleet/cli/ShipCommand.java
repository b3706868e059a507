package io.ransomtrace.fleet.cli;

import io.ransomtrace.fleet.ship.LogShipper;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fleet ship}: sends log files into a Kafka topic, keyed by host, a host's consecutive lines together ({@link LogShipper}). */
@Command(name = "ship", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send audit logs (raw, enriched, ausearch output) or ECS NDJSON into a Kafka topic, keyed by",
                "host: --host, else the line's node= (ECS host.name), else the file's name. A host's consecutive lines",
                "go together, up to 64 KB a message. Files are sent one after the other; folders and rotated sets",
                "oldest first."})
public final class ShipCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "log files or folders")
    List<Path> logs;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "T", description = "topic of audit lines")
    String topic;

    @Option(names = "--host", paramLabel = "NAME", description = "the host of every line (default: from node= or the file)")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : logs) {
            if (!Files.exists(p)) {
                err.println("fleet ship: no such file or directory: " + p);
                return FleetCommand.INPUT_ERROR;
            }
        }
        long start = System.nanoTime();
        List<LogShipper.Shipped> shipped;
        try (LogShipper shipper = new LogShipper(bootstrap, topic)) {
            shipped = shipper.ship(logs, host);
        } catch (IOException | KafkaException e) {
            err.println("fleet ship: " + e.getMessage());
            return FleetCommand.INPUT_ERROR;
        }
        long records = 0;
        for (LogShipper.Shipped s : shipped) {
            records += s.records();
            if (s.problem() != null && s.records() == 0) {
                out.printf(Locale.ROOT, "%s: not sent: %s%n", s.path(), s.problem());
            } else {
                out.printf(Locale.ROOT, "%s: %s, %,d lines as %s%s%n", s.path(), s.format().label(), s.records(),
                        String.join(", ", s.hosts()), s.problem() == null ? "" : " (then: " + s.problem() + ")");
            }
        }
        out.printf(Locale.ROOT, "Sent %,d lines to %s in %.1f s%n", records, topic, (System.nanoTime() - start) / 1e9);
        return records == 0 ? FleetCommand.INPUT_ERROR : FleetCommand.OK;
    }
}
