package io.ransomtrace.fleet.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet job}'s arguments as {@code flink run -p N ransomtrace-fleet-job.jar job ...} hands them over: the job
 * runs at the CLI's {@code -p} (or the cluster's default) unless {@code --parallelism} says otherwise; on the
 * launcher's MiniCluster the default stays 1.
 */
class JobCommandTest {

    private static JobCommand parse(String... args) {
        JobCommand job = new JobCommand();
        new CommandLine(job).parseArgs(args);
        return job;
    }

    @Test
    void withoutParallelismTheJobTakesFlinkRunsOwnUnderACluster() {
        JobCommand job = parse("--bootstrap", "kafka:9092", "--in", "audit", "--out", "findings");
        assertThat(job.parallelism).isNull();
        assertThat(JobCommand.effectiveParallelism(job.parallelism, false)).as("under flink run: the environment's").isZero();
        assertThat(JobCommand.effectiveParallelism(job.parallelism, true)).as("on the MiniCluster").isEqualTo(1);
    }

    @Test
    void explicitParallelismWinsEverywhere() {
        JobCommand job = parse("--bootstrap", "kafka:9092", "--in", "audit", "--out", "findings", "--parallelism", "4");
        assertThat(JobCommand.effectiveParallelism(job.parallelism, false)).isEqualTo(4);
        assertThat(JobCommand.effectiveParallelism(job.parallelism, true)).isEqualTo(4);
    }

    @Test
    void parallelismBelowOneIsAUsageErrorBeforeKafkaIsTouched() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FleetCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("job", "--bootstrap", "127.0.0.1:1", "--in", "audit", "--out", "findings", "--parallelism", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--parallelism");
    }
}
