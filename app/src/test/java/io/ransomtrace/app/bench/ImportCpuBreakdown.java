package io.ransomtrace.app.bench;

import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportOptions;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgress;
import io.ransomtrace.app.importing.ImporterCatalog;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.store.CaseStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where an import's CPU goes, per thread (parser, writer, digest) and per phase (loading, indexing): the
 * numbers to look at when the machine is shared and wall-clock times are noisy. Not a unit test.
 * Run: {@code java -Xmx256m -cp <importers jar>:<test classpath> io.ransomtrace.app.bench.ImportCpuBreakdown LOG}.
 */
public final class ImportCpuBreakdown {
    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        Path casePath = Files.createTempDirectory("rt-cpu").resolve("bench.rtcase");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpuByThread = new ConcurrentHashMap<>();
        long[] indexingStartCpu = {-1};
        long[] indexingStartWall = {-1};
        // A thread's CPU time can no longer be read once it has ended: sample every live thread's often.
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cpu-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            for (long id : mx.getAllThreadIds()) {
                var info = mx.getThreadInfo(id);
                long cpu = mx.getThreadCpuTime(id);
                if (info != null && cpu > 0) {
                    cpuByThread.merge(info.getThreadName(), cpu, Math::max);
                }
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        long wall = System.nanoTime();
        ImportSummary s;
        try (CaseStore store = CaseStore.create(casePath)) {
            s = new ImportPipeline(ImporterCatalog.builtIn(), ImportOptions.defaults()).run(store, List.of(log), p -> {
                if (p.phase() == ImportProgress.Phase.INDEXING && indexingStartCpu[0] < 0) {
                    indexingStartCpu[0] = mx.getCurrentThreadCpuTime();
                    indexingStartWall[0] = System.nanoTime();
                }
            }, new Cancellation());
        }
        long indexingCpu = mx.getCurrentThreadCpuTime() - indexingStartCpu[0];
        long indexingWall = System.nanoTime() - indexingStartWall[0];
        cpuByThread.merge("main", mx.getCurrentThreadCpuTime(), Math::max);
        sampler.shutdownNow();
        double secs = (System.nanoTime() - wall) / 1e9;
        System.out.printf(Locale.ROOT, "%,d events from %.0f MB in %.1f s wall; case %.1f MB%n", s.events(),
                Files.size(log) / 1e6, secs, Files.size(casePath) / 1e6);
        Map<String, Long> sorted = new TreeMap<>(cpuByThread);
        sorted.forEach((name, cpu) -> {
            if (cpu > 50_000_000L) {
                System.out.printf(Locale.ROOT, "  %-32s %6.2f s cpu%n", name, cpu / 1e9);
            }
        });
        System.out.printf(Locale.ROOT, "  of which writer indexing+ANALYZE  %6.2f s cpu, %.2f s wall (with the final "
                + "durable commit)%n", indexingCpu / 1e9, indexingWall / 1e9);
        Files.delete(casePath);
        Files.delete(casePath.getParent());
    }
}
