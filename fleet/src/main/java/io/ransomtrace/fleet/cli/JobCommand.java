package io.ransomtrace.fleet.cli;

import io.ransomtrace.fleet.job.FleetJobOptions;
import io.ransomtrace.fleet.job.FleetRunner;
import io.ransomtrace.fleet.kafka.Topics;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code fleet job}: runs the fleet job. From the launcher it runs on a Flink MiniCluster in this process; the
 * same jar and arguments submitted with {@code flink run} run it on a cluster.
 */
@Command(name = "job", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the fleet job: audit lines from --in, one detector per host, findings to --out",
                "(exactly once: Kafka offsets, detector state and findings commit together at each checkpoint).",
                "Runs until stopped (Ctrl+C keeps the last checkpoint; the next run with the same --checkpoint-dir",
                "resumes from it), or with --until-end to the end of what --in holds now."})
public final class JobCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--in", required = true, paramLabel = "T", description = "topic of audit lines (key = host)")
    String in;

    @Option(names = "--out", required = true, paramLabel = "F", description = "topic for findings (created if missing)")
    String out;

    @Option(names = "--status", paramLabel = "S", description = "topic for unreadable lines and end-of-input summaries")
    String status;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "parallel detector tasks (default 1; under flink run, its -p or the cluster's default)")
    Integer parallelism;

    @Option(names = "--checkpoint-dir", paramLabel = "D",
            description = {"where checkpoints go (a path, or a URI such as s3://…); default: run locally, a temporary",
                    "folder lost at exit; under flink run, the cluster's configured checkpoint storage"})
    String checkpointDir;

    @Option(names = "--checkpoint-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "how often findings are committed (default 10)")
    int checkpointSeconds;

    @Option(names = "--group", paramLabel = "ID", defaultValue = "ransomtrace-fleet", description = "consumer group id")
    String group;

    @Option(names = "--profile", paramLabel = "P.yaml", description = "detection profile (default: the shipped one)")
    Path profile;

    @Option(names = "--allowlist", paramLabel = "A.yaml", description = "allowlist of known-legitimate activity")
    Path allowlist;

    @Option(names = "--until-end", description = "stop at the end of what --in holds now (a bounded run)")
    boolean untilEnd;

    @Option(names = "--fresh", description = "do not resume from the newest checkpoint in --checkpoint-dir")
    boolean fresh;

    @Option(names = "--context-lines", paramLabel = "N", defaultValue = "" + FleetJobOptions.DEFAULT_CONTEXT_LINES,
            description = "host lines kept before a finding's first alert for its extract; the lines after it follow, up to 640 KB (default ${DEFAULT-VALUE})")
    int contextLines;

    @Option(names = "--quiet-after", paramLabel = "SECONDS", defaultValue = "" + FleetJobOptions.DEFAULT_QUIET_SECONDS,
            description = {"a host counts as gone quiet (its open campaigns close, as an event then would close them) once",
                    "the fleet's clock passed its newest event by the profile's close times and it sent nothing for this",
                    "long (default ${DEFAULT-VALUE})"})
    int quietSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((parallelism != null && parallelism < 1) || checkpointSeconds < 1 || contextLines < 0 || quietSeconds < 1) {
            err.println("fleet job: --parallelism and --checkpoint-interval must be at least 1, --context-lines at least 0");
            return FleetCommand.USAGE;
        }
        FleetJobOptions options;
        try {
            options = new FleetJobOptions(bootstrap, in, out, status, group, untilEnd, DetectionFiles.profile(profile),
                    DetectionFiles.allowlist(allowlist), contextLines, "ransomtrace-fleet-" + out, quietSeconds, -1);
            Topics.ensure(bootstrap, status == null ? new String[] {out} : new String[] {out, status});
        } catch (IOException e) {
            err.println("fleet job: " + e.getMessage());
            return FleetCommand.INPUT_ERROR;
        }
        // run by `java` (the launcher): a MiniCluster here; run by `flink run`: the cluster's environment
        StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment();
        boolean local = context instanceof LocalStreamEnvironment;
        // `flink run -d`: submit and return (the job runs on without this client)
        boolean detached = !local && !context.getConfiguration().get(DeploymentOptions.ATTACHED);
        Path temporary = null;
        String dir = checkpointDir;
        if (dir == null && local) {
            temporary = Files.createTempDirectory("ransomtrace-fleet-checkpoints-");
            dir = temporary.toString();
        }
        String resume = null;
        if (!fresh && dir != null && !dir.contains("://")) {
            Optional<Path> latest = FleetRunner.latestCheckpoint(Path.of(dir));
            if (latest.isPresent()) {
                resume = latest.get().toAbsolutePath().toUri().toString();
                console.println("Resuming from " + latest.get());
            }
        }
        FleetRunner runner = new FleetRunner(options, effectiveParallelism(parallelism, local),
                Duration.ofSeconds(checkpointSeconds), dir, resume);
        StreamExecutionEnvironment env = runner.environment();
        JobClient job = env.executeAsync();
        console.printf("Job %s running: %s -> %s, parallelism %d, checkpoints in %s%n", job.getJobID(), in, out,
                env.getParallelism(), dir == null ? "the cluster's checkpoint storage" : dir);
        console.flush();
        if (detached) {
            return FleetCommand.OK;
        }
        // On the MiniCluster, Ctrl+C cancels the job (keeping its checkpoints) before this JVM, which runs it, is gone.
        // Under `flink run` the job belongs to the cluster: a client that goes away leaves it running, as Flink's
        // own clients do (execution.shutdown-on-attached-exit decides otherwise).
        Thread cancel = local ? new Thread(() -> {
            try {
                job.cancel().get();
            } catch (Exception e) {
                // the JVM is going down anyway
            }
        }, "fleet-job-cancel") : null;
        if (cancel != null) {
            Runtime.getRuntime().addShutdownHook(cancel);
        }
        try {
            long millis = job.getJobExecutionResult().get().getNetRuntime();
            console.printf(java.util.Locale.ROOT, "Job finished: the end of %s was reached (job ran %.1f s).%n", in,
                    millis / 1000.0);
            return FleetCommand.OK;
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("fleet job: the job failed: " + rootCause(e).getMessage());
            return FleetCommand.FAILED;
        } finally {
            try {
                if (cancel != null) {
                    Runtime.getRuntime().removeShutdownHook(cancel);
                }
            } catch (IllegalStateException shuttingDown) {
                // already running
            }
            if (temporary != null) {
                Topics.deleteQuietly(temporary);
            }
        }
    }

    /**
     * The parallelism the job is given: {@code --parallelism} if set; else 1 on the MiniCluster, and under
     * {@code flink run} 0, the environment's own ({@code flink run -p N}, or the cluster's parallelism.default).
     */
    static int effectiveParallelism(Integer option, boolean local) {
        if (option != null) {
            return option;
        }
        return local ? 1 : 0;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
