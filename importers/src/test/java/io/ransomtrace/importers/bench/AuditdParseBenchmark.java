package io.ransomtrace.importers.bench;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.auditd.AuditdImporter;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Side-by-side benchmark: parses a raw audit log to model events with {@link AuditdImporter}, then runs
 * {@code ausearch --raw -if FILE} on the same file, and prints both wall times and the ratio. Not a unit test;
 * run it through bench/auditd-parse.sh (which builds the log and sets -Xmx256m).
 *
 * <p>Usage: {@code AuditdParseBenchmark FILE [--no-ausearch]}
 */
public final class AuditdParseBenchmark {

    /** Counts what arrives, the way a fast sink would, without keeping it. */
    static final class CountingSink implements ImportSink {
        long events;
        long execs;
        long fileOps;
        long others;
        long quarantined;
        long checksum;

        @Override
        public void event(Event e) {
            events++;
            if (e instanceof ProcessExec x) {
                execs++;
                checksum += x.argv().size();
            } else if (e instanceof FileOp f) {
                fileOps++;
                checksum += f.path() == null ? 0 : f.path().length();
            } else if (e instanceof OtherRecord) {
                others++;
            }
        }

        @Override
        public void quarantined(QuarantinedRecord record) {
            quarantined++;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AuditdParseBenchmark FILE [--no-ausearch]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        boolean runAusearch = !(args.length > 1 && args[1].equals("--no-ausearch"));
        long size = Files.size(file);
        System.out.printf("input: %s (%.1f MB), JVM max heap %d MB, %d CPUs%n", file, size / 1e6,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        CountingSink sink = new CountingSink();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ImportStats stats = new AuditdImporter(Format.AUDITD_RAW).importSource(new SourceFile(1, file, Format.AUDITD_RAW), sink);
        double ours = (System.nanoTime() - t0) / 1e9;
        double oursCpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf("ransomtrace: %.2f s wall, %.2f s CPU (all JVM threads) (%.0f MB/s wall): %d records -> %d events"
                        + " (%d exec, %d file ops, %d other), %d quarantined, invariant %s%n", ours, oursCpu,
                size / 1e6 / ours, stats.recordsRead(), sink.events,
                sink.execs, sink.fileOps, sink.others, sink.quarantined, stats.invariantHolds() ? "holds" : "BROKEN");

        if (!runAusearch) {
            return;
        }
        long t1 = System.nanoTime();
        // sh reports the CPU time of the ausearch it waited for (cutime + cstime of /proc/<sh>/stat)
        Process p = new ProcessBuilder("sh", "-c", "ausearch --raw -if \"$0\" > /dev/null; rc=$?; "
                + "cut -d' ' -f16,17 /proc/$$/stat; exit $rc", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String ticks = new String(p.getInputStream().readAllBytes()).trim();
        int rc = p.waitFor();
        double theirs = (System.nanoTime() - t1) / 1e9;
        double theirsCpu = -1;
        String[] t = ticks.split(" ");
        if (t.length == 2) {
            theirsCpu = (Long.parseLong(t[0]) + Long.parseLong(t[1])) / 100.0; // USER_HZ = 100 on Linux
        }
        System.out.printf("ausearch --raw -if: %.2f s wall, %.2f s CPU (%.0f MB/s wall), exit code %d%n", theirs,
                theirsCpu, size / 1e6 / theirs, rc);
        System.out.printf("ratio (wall): ransomtrace is %.2fx as fast as ausearch --raw%n", theirs / ours);
        if (theirsCpu > 0) {
            System.out.printf("ratio (CPU):  ransomtrace needs %.2fx less CPU than ausearch --raw%n", theirsCpu / oursCpu);
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private AuditdParseBenchmark() {
    }

}
