package io.ransomtrace.fleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds of a running JVM's threads, read from Linux's {@code /proc/PID/task/TID/stat} while it runs, by
 * kind: the JIT compiler threads, the garbage collector's, and all others (the work). On a run of half a minute
 * the one-time JIT compilation of Flink, Kafka and the job is a large share of a process's CPU; this tells it apart
 * from the cost per event, which is what remains on a long-running job.
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** Per thread id: its name and the highest CPU ticks seen. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> ticks = new HashMap<>();

    record Split(double jit, double gc, double other) {
    }

    /** Reads every thread of {@code pid} once (threads that ended since the last look keep their last reading). */
    void sample(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> s = Files.list(tasks)) {
            for (Path t : s.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    String tid = t.getFileName().toString();
                    names.put(tid, name);
                    ticks.merge(tid, cpu, Math::max);
                } catch (IOException | RuntimeException e) {
                    // the thread ended as we looked
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    Split split() {
        double jit = 0, gc = 0, other = 0;
        for (Map.Entry<String, Long> e : ticks.entrySet()) {
            String name = names.get(e.getKey());
            double s = e.getValue() / TICKS_PER_SECOND;
            if (name.contains("CompilerThre")) {
                jit += s;
            } else if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("G1 ")
                    || name.startsWith("ParGC")) {
                gc += s;
            } else {
                other += s;
            }
        }
        return new Split(jit, gc, other);
    }
}
