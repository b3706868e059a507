package io.ransomtrace.fleet.cli;

import io.ransomtrace.fleet.job.FindingJson;
import io.ransomtrace.fleet.local.LocalRun;
import io.ransomtrace.fleet.ship.LogShipper;
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

/** {@code fleet local}: Kafka and Flink in this process, the inputs shipped, the job run to their end. */
@Command(name = "local", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The fleet path on one machine: starts a Kafka broker in this process, ships the inputs",
                "(each file as its own host unless node= names it), runs the Flink job to the end of them and",
                "prints the findings; --json writes them in the scan JSON schema. Nothing is left behind."})
public final class LocalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "log files or folders (audit logs, ECS NDJSON)")
    List<Path> inputs;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the findings (scan JSON schema, with extracts)")
    Path json;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "parallel detector tasks (default 2)")
    int parallelism;

    @Option(names = "--profile", paramLabel = "P.yaml", description = "detection profile (default: the shipped one)")
    Path profile;

    @Option(names = "--allowlist", paramLabel = "A.yaml", description = "allowlist of known-legitimate activity")
    Path allowlist;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                err.println("fleet local: no such file or directory: " + p);
                return FleetCommand.INPUT_ERROR;
            }
        }
        if (parallelism < 1) {
            err.println("fleet local: --parallelism must be at least 1");
            return FleetCommand.USAGE;
        }
        LocalRun.Result result;
        try {
            result = new LocalRun(parallelism, DetectionFiles.profile(profile), DetectionFiles.allowlist(allowlist), line -> {
                out.println(line);
                out.flush();
            }).run(inputs);
        } catch (IOException e) {
            err.println("fleet local: " + e.getMessage());
            return FleetCommand.INPUT_ERROR;
        } catch (Exception e) {
            err.println("fleet local: the job failed: " + rootCause(e).getMessage());
            return FleetCommand.FAILED;
        }
        FindingJson.Document doc = result.document();
        for (LogShipper.Shipped s : result.shipped()) {
            if (s.problem() != null && s.records() == 0) {
                out.printf(Locale.ROOT, "%s: not read: %s%n", s.path(), s.problem());
            }
        }
        for (FindingJson.Input i : doc.summary().inputs()) {
            out.printf(Locale.ROOT, "%s: %s, %,d records, %,d events, %,d errors%n", i.path(), i.format(), i.records(),
                    i.events(), i.errors());
        }
        result.unreadable().stream().limit(5).forEach(u -> out.printf(Locale.ROOT, "  unreadable: %s line %d: %s%n",
                u.source() == null ? u.stream() : u.source(), u.line(), u.reason()));
        FindingsText.print(out, doc.findings());
        if (json != null) {
            try {
                FindingJson.write(doc, json);
            } catch (IOException e) {
                err.println("fleet local: cannot write " + json + ": " + e.getMessage());
                return FleetCommand.INPUT_ERROR;
            }
        }
        if (doc.summary().inputs().isEmpty()) {
            err.println("fleet local: no input could be read");
            return FleetCommand.INPUT_ERROR;
        }
        return FleetCommand.OK;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
