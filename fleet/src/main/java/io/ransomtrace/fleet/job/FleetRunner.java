package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.profile.Profile;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Configures and runs the fleet job: heap state backend (the detectors live as objects; a checkpoint writes
 * their snapshots), checkpoints to a directory every interval, kept when the job is cancelled so the next run
 * resumes from the newest one, restarts after a failure from the last checkpoint. Run with {@code java}, the
 * environment is a local Flink MiniCluster in this process; submitted with {@code flink run}, the cluster's.
 *
 * @param parallelism        subtasks of the source and the detectors; 0: the environment's own (under
 *                           {@code flink run}, its {@code -p} or the cluster's {@code parallelism.default})
 * @param checkpointInterval how often state, offsets and findings are committed (findings become visible then)
 * @param checkpointDir      where checkpoints go (a local path or a URI such as {@code s3://bucket/x}); null: the
 *                           cluster's configured directory
 * @param resumeFrom         a checkpoint (or savepoint) to restore, or null
 */
public record FleetRunner(FleetJobOptions options, int parallelism, Duration checkpointInterval, String checkpointDir,
                          String resumeFrom) {

    public Configuration configuration() {
        Configuration c = new Configuration();
        if (parallelism > 0) {
            c.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        c.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        // detector state is many small campaigns of similar shape: compressed, a checkpoint is a fraction of it
        c.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        c.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, checkpointInterval.dividedBy(2));
        c.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (checkpointDir != null) {
            c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(checkpointDir));
        }
        if (resumeFrom != null) {
            c.set(StateRecoveryOptions.SAVEPOINT_PATH, resumeFrom);
        }
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        c.set(PipelineOptions.GENERIC_TYPES, false); // every type has an explicit serializer: no Kryo fallback
        // records handed between chained operators are never changed after they are emitted: no defensive copies
        c.set(PipelineOptions.OBJECT_REUSE, true);
        c.set(PipelineOptions.NAME, "ransomtrace fleet: " + options.inputTopic() + " -> " + options.findingsTopic());
        return c;
    }

    public StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration());
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        }
        FleetJob.build(env, options, reorderWindowMillis(options));
        return env;
    }

    /** Runs the job to its end (a bounded input) or until it is cancelled. */
    public JobExecutionResult run() throws Exception {
        return environment().execute();
    }

    static long reorderWindowMillis(FleetJobOptions o) {
        Profile p = o.profileYaml() == null ? Profile.defaults()
                : Profile.load(new ByteArrayInputStream(o.profileYaml().getBytes(StandardCharsets.UTF_8)));
        return p.longValue("reorder.windowSeconds") * 1000;
    }

    private static String uri(String dir) {
        return dir.contains("://") ? dir : Path.of(dir).toAbsolutePath().toUri().toString();
    }

    /**
     * The newest completed checkpoint under a local checkpoint directory ({@code <job id>/chk-<n>/_metadata}),
     * if any: what a restarted {@code fleet job} resumes from.
     */
    public static Optional<Path> latestCheckpoint(Path checkpointDir) throws IOException {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(checkpointDir, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata")
                            && p.getParent().getFileName().toString().startsWith("chk-"))
                    .max(Comparator.comparing(FleetRunner::modified))
                    .map(Path::getParent);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
