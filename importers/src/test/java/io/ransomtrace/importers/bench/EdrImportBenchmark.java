package io.ransomtrace.importers.bench;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.osquery.OsqueryImporter;
import io.ransomtrace.importers.sysmon.SysmonImporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Throughput and memory of the EDR importers on large inputs (not a unit test: run by hand).
 * Each format's test file is repeated until the input reaches the requested size, then imported into a sink
 * that only counts; the peak heap after import (from the JVM's memory pools) shows memory stays bounded.
 *
 * <pre>
 * mvn -q -B -o -pl importers test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx96m -cp importers/target/test-classes:importers/target/classes:$(cat importers/target/cp.txt) \
 *     io.ransomtrace.importers.bench.EdrImportBenchmark 300
 * </pre>
 * The first argument is the input size per format in MB (default 200); an optional second one runs only the
 * formats whose label starts with it ({@code ecs}, {@code sysmon}, {@code osquery}, {@code csv}). Files go to the system temp directory and are
 * deleted afterwards.
 */
public final class EdrImportBenchmark {

    private EdrImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = (args.length > 0 ? Long.parseLong(args[0]) : 200) << 20;
        only = args.length > 1 ? args[1].toLowerCase() : null;
        System.out.printf("max heap %d MB, input %d MB per format%n", Runtime.getRuntime().maxMemory() >> 20,
                targetBytes >> 20);
        run("ECS NDJSON", "ecs/elastic-defend-attack.ndjson", new EcsImporter(), Format.ECS_NDJSON, targetBytes, false);
        run("ECS array", "ecs/elastic-defend-array.json", new EcsImporter(), Format.ECS_NDJSON, targetBytes, true);
        run("Sysmon syslog", "sysmon/syslog-sysmon.log", new SysmonImporter(), Format.SYSMON_XML, targetBytes, false);
        run("osquery", "osquery/osqueryd.results.log", new OsqueryImporter(), Format.OSQUERY, targetBytes, false);
        run("CSV (Kibana)", "csv/kibana-defend-export.csv", new CsvImporter(), Format.CSV, targetBytes, false);
    }

    private static String only;

    private static void run(String label, String resource, Importer importer, Format format, long targetBytes,
                            boolean jsonArray) throws IOException, URISyntaxException {
        if (only != null && !label.toLowerCase().startsWith(only)) {
            return;
        }
        Path sample = Path.of(EdrImportBenchmark.class.getResource("/edr/" + resource).toURI());
        Path big = Files.createTempFile("edr-bench", ".in");
        try {
            build(sample, big, targetBytes, jsonArray, format == Format.CSV);
            long size = Files.size(big);
            System.gc();
            resetPeaks();
            Counting sink = new Counting();
            long t0 = System.nanoTime();
            ImportStats stats = importer.importSource(new SourceFile(1, big, format), sink);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-14s %6d MB  %9d records  %9d events  %5d quarantined  %6.1f s  %7.0f records/s"
                            + "  %6.1f MB/s  peak heap %4d MB  invariant %s%n",
                    label, size >> 20, stats.recordsRead(), stats.events(), stats.recordsQuarantined(), secs,
                    stats.recordsRead() / secs, (size >> 20) / secs, peakHeap() >> 20, stats.invariantHolds());
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static void build(Path sample, Path out, long target, boolean jsonArray, boolean csv) throws IOException {
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (jsonArray) {
                String body = String.join("\n", lines).strip();
                body = body.substring(1, body.length() - 1).strip(); // elements without the brackets
                w.write("[\n");
                boolean first = true;
                while (written < target) {
                    w.write(first ? "" : ",\n");
                    w.write(body);
                    written += body.length() + 2;
                    first = false;
                }
                w.write("\n]\n");
                return;
            }
            int start = 0;
            if (csv) {
                w.write(lines.get(0));
                w.write('\n');
                start = 1;
            }
            while (written < target) {
                for (int i = start; i < lines.size(); i++) {
                    w.write(lines.get(i));
                    w.write('\n');
                    written += lines.get(i).length() + 1;
                }
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Counts only, like a bounded hand-off that never holds events. */
    private static final class Counting implements ImportSink {
        long events;
        long quarantined;

        @Override
        public void event(Event event) {
            events++;
        }

        @Override
        public void quarantined(QuarantinedRecord record) {
            quarantined++;
        }
    }
}
