package io.ransomtrace.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded detector state, measured the only way that proves it: a child JVM with a 64 MB heap streams 200,000
 * jobs (600,000 distinct pids, none of which ever exits in the log) and a locker through the detector, and must
 * finish, find the locker and report what the caps evicted. Without the caps every pid stays remembered and
 * every process that wrote a file keeps a campaign open, and the child dies with OutOfMemoryError.
 */
class BoundedStateTest {

    @Test
    void twoHundredThousandJobsWithoutExitRecordsFitIn64Megabytes() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ManyPidsWithoutExits.class.getName(), "200000"))
                .redirectErrorStream(true).start();
        boolean done = child.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            child.destroyForcibly();
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("child finished: " + out).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("critical=1 root=/home/alice/.cache/fontd");
        assertThat(out).containsPattern("events=8\\d{5} ");
        // the caps did their work, and what they let go is counted (the summary of `scan` prints it)
        assertThat(out).containsPattern("Evictions\\[processes=[1-9]\\d{5},");
        assertThat(out).containsPattern("quietCampaigns=[1-9]\\d{4,}");
        assertThat(out).contains("closedEarly=0");
    }
}
