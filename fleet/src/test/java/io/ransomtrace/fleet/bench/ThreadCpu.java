package io.ransomtrace.fleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds of a running JVM's threads, read from Linux's {@code /proc/PID/task/TID/stat} while it runs, by
 * role. On a run of half a minute the one-time JIT compilation of Flink, Kafka and the job is a large share of a
 * process's CPU, and Flink's start (class loading, the MiniCluster) another; the roles tell those apart from the
 * cost per event, which is what a long-running job pays: its detector tasks, its source tasks (with their Kafka
 * fetcher threads) and the garbage collection their objects cause. Linux keeps the first 15 characters of a
 * thread's name, which is enough to tell Flink's task threads apart ("detector per ho", "Source: audit l",
 * "Source Data Fet"); the detector subtasks are told apart by thread id.
 */
final class ThreadCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** Per thread id: its name and the highest CPU ticks seen. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> ticks = new HashMap<>();

    /**
     * @param jit       the JIT compiler threads
     * @param gc        the garbage collector's threads (and the VM thread, which runs its pauses)
     * @param detectors each detector subtask's thread (the sink writers are chained into it), most CPU first
     * @param source    the Kafka source: its task threads (decode, batch, send to the detectors) and fetchers
     * @param other     everything else: Flink's start and runtime, the main thread, Kafka clients' I/O threads
     */
    record Split(double jit, double gc, List<Double> detectors, double source, double other) {
        double detectorTotal() {
            return detectors.stream().mapToDouble(Double::doubleValue).sum();
        }

        /** What each event costs a job that runs on: its tasks' threads and the GC their objects cause. */
        double streamWork() {
            return detectorTotal() + source + gc;
        }
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
        double jit = 0, gc = 0, source = 0, other = 0;
        List<Double> detectors = new ArrayList<>();
        for (Map.Entry<String, Long> e : ticks.entrySet()) {
            String name = names.get(e.getKey());
            double s = e.getValue() / TICKS_PER_SECOND;
            if (name.contains("CompilerThre")) {
                jit += s;
            } else if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("G1 ")
                    || name.startsWith("ParGC")) {
                gc += s;
            } else if (name.startsWith("detector per")) {
                if (s > 0) { // a thread of that name that did no work is not a subtask's
                    detectors.add(s);
                }
            } else if (name.startsWith("Source: ") || name.startsWith("Source Data Fet")) {
                source += s;
            } else {
                other += s;
            }
        }
        detectors.sort(Comparator.reverseOrder());
        return new Split(jit, gc, detectors, source, other);
    }
}
