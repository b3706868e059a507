package io.ransomtrace.fleet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.fleet.job.FleetHeaders;
import io.ransomtrace.fleet.kafka.EmbeddedKafka;
import io.ransomtrace.fleet.kafka.TopicReader;
import io.ransomtrace.fleet.ship.LogShipper;
import io.ransomtrace.importers.LineReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fleet scale benchmark (README "Fleet", bench/fleet-bench.sh), side by side in one run on one machine:
 * <ol>
 *   <li>a Kafka broker in this process; the synthetic fleet's logs shipped into a topic (8 partitions);</li>
 *   <li>{@code ransomtrace fleet job --until-end} as its own process at parallelism 1, then 2: events/s over the
 *       job's run time and per CPU second of the process, checkpoint size per host. The job's CPU is its process's
 *       alone: the broker and the shipping run in this one, as they would on other machines in production. It is
 *       also split by thread role ({@link ThreadCpu}): the one-time JIT compilation and Flink's start weigh heavily
 *       on a run this short, the detector and source tasks and the GC are what each event costs;</li>
 *   <li>{@code ransomtrace scan} on the same files: events/s and per CPU second;</li>
 *   <li>latency: the job running (parallelism 2, checkpoints every second) while the first LIVE_HOSTS hosts' lines
 *       are shipped live, one event of each host in turn, at a set rate well below the job's capacity: for each
 *       attack finding, from the moment the input line that closed it was written to Kafka to the moment a
 *       read_committed consumer got the finding.</li>
 * </ol>
 * Usage: {@code FleetBenchmark REPO_DIR LOG_DIR WORK_DIR LIVE_LINES_PER_SECOND LIVE_HOSTS [latency-only|throughput-only]};
 * environment {@code FLEET_BENCH_MESSAGES=line} ships a line per message (as other shippers do) instead of
 * {@code fleet ship}'s runs of lines.
 */
public final class FleetBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The job processes' heap: every host's detector lives in it (the engine's 8 MB path tables and the campaigns
     * of its short-lived processes, kept until they close: about 18 MB per host, 3.5 GB for 200), and a checkpoint
     * briefly copies what it touches. 6 GB is enough for 200 hosts; more leaves the GC less to do.
     */
    private static final String JOB_JAVA_OPTS = System.getenv().getOrDefault("FLEET_BENCH_JOB_OPTS",
            "-Xmx10g -XX:+UseParallelGC");

    /** @param threads CPU of the JVM's threads by role (read from /proc while it ran) */
    private record Timed(double wall, double cpu, long maxRssKb, String out, ThreadCpu.Split threads) {
        /** CPU seconds without the JIT compiler's: what a long-running process spends per event. */
        double cpuWithoutJit() {
            return cpu - threads.jit();
        }

        String breakdown() {
            return String.format(Locale.ROOT, "JIT compiler %.1f s, GC %.1f s, other threads %.1f s",
                    threads.jit(), threads.gc(), threads.detectorTotal() + threads.source() + threads.other());
        }

        /** The job's threads by role, each detector subtask on its own. */
        String jobBreakdown() {
            return String.format(Locale.ROOT, "JIT compiler %.1f s, GC %.1f s, detector tasks %s s, source tasks and"
                            + " their Kafka fetchers %.1f s, Flink's start and runtime and the rest %.1f s",
                    threads.jit(), threads.gc(), threads.detectors().stream()
                            .map(d -> String.format(Locale.ROOT, "%.1f", d)).toList(), threads.source(), threads.other());
        }
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path logs = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        int liveRate = Integer.parseInt(args[3]);
        int liveHosts = Integer.parseInt(args[4]);
        boolean latencyOnly = args.length > 5 && args[5].equals("latency-only");
        boolean throughputOnly = args.length > 5 && args[5].equals("throughput-only");
        Files.createDirectories(work);
        List<Path> files;
        try (Stream<Path> s = Files.list(logs)) {
            files = s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        System.out.printf(Locale.ROOT, "load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(Map.of("lines", 8, "live", 8));
            if (latencyOnly) {
                latency(repo, work, kafka.bootstrap(), files.subList(0, Math.min(liveHosts, files.size())), liveRate);
                return;
            }
            long t = System.nanoTime();
            long lines;
            boolean linePerMessage = "line".equals(System.getenv("FLEET_BENCH_MESSAGES"));
            try (LogShipper shipper = new LogShipper(kafka.bootstrap(), "lines")) {
                lines = linePerMessage ? shipLinePerMessage(shipper, files)
                        : shipper.ship(files, null).stream().mapToLong(LogShipper.Shipped::records).sum();
            }
            System.out.printf(Locale.ROOT, "shipped %,d lines of %d hosts in %.1f s, %s%n", lines, files.size(), secs(t),
                    linePerMessage ? "a line per message (as audisp plugins, laurel and Auditbeat send them)"
                            : "a host's consecutive lines together, up to 64 KB a message (as fleet ship sends them)");

            double[] p1 = job(repo, work, kafka.bootstrap(), 1, files.size());
            double[] p2 = job(repo, work, kafka.bootstrap(), 2, files.size());
            Timed scan = run(work, repo, Map.of("RANSOMTRACE_JAVA_OPTS", "-Xmx256m -XX:+UseParallelGC"),
                    List.of("./ransomtrace", "scan", "-q", "--force", "--json", work.resolve("scan.json").toString(), logs.toString()));
            long scanEvents = JSON.readTree(work.resolve("scan.json").toFile()).at("/summary/events").asLong();
            double scanRate = scanEvents / scan.wall;
            double scanPerCpu = scanEvents / scan.cpu;
            double scanPerCpuNoJit = scanEvents / scan.cpuWithoutJit();
            System.out.printf(Locale.ROOT, "scan: %,d events in %.1f s wall, %.1f s CPU (%s): %,.0f events/s, %,.0f events per CPU second,"
                            + " %,.0f per CPU second without JIT compilation%n",
                    scanEvents, scan.wall, scan.cpu, scan.breakdown(), scanRate, scanPerCpu, scanPerCpuNoJit);
            System.out.printf(Locale.ROOT, "SUMMARY p1 %,.0f ev/s (%,.0f per CPU s) | p2 %,.0f ev/s (%,.0f per CPU s) | p2/p1 %.2f"
                            + " | scan %,.0f ev/s (%,.0f per CPU s) | p1 per CPU s / scan per CPU s %.2f"
                            + " | without JIT compilation: p1 %,.0f per CPU s, scan %,.0f, ratio %.2f"
                            + " | stream work (job: detector and source tasks and GC; scan: all but JIT): p1 %,.0f per CPU s,"
                            + " ratio %.2f | checkpoint per host %,.0f bytes (p1)%n",
                    p1[0], p1[1], p2[0], p2[1], p2[0] / p1[0], scanRate, scanPerCpu, p1[1] / scanPerCpu,
                    p1[3], scanPerCpuNoJit, p1[3] / scanPerCpuNoJit, p1[4], p1[4] / scanPerCpuNoJit, p1[2]);
            if (throughputOnly) {
                return;
            }
            latency(repo, work, kafka.bootstrap(), files.subList(0, Math.min(liveHosts, files.size())), liveRate);
        }
    }

    /**
     * Runs the bounded job as its own process; returns events/s, events per CPU second, checkpoint bytes per host,
     * events per CPU second without the JIT compiler's.
     */
    private static double[] job(Path repo, Path work, String bootstrap, int parallelism, int hosts) throws Exception {
        Path checkpoints = work.resolve("checkpoints-p" + parallelism);
        deleteTree(checkpoints);
        AtomicLong largest = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sizer = new Thread(() -> {
            while (running.get()) {
                largest.accumulateAndGet(largestCompletedCheckpoint(checkpoints), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sizer.setDaemon(true);
        sizer.start();
        Timed t = run(work, repo, Map.of("RANSOMTRACE_JAVA_OPTS", JOB_JAVA_OPTS), List.of("./ransomtrace",
                "fleet", "job", "--bootstrap", bootstrap, "--in", "lines", "--out", "findings-p" + parallelism,
                "--status", "status-p" + parallelism, "--group", "bench-p" + parallelism, "--until-end", "--fresh",
                "--parallelism", String.valueOf(parallelism), "--checkpoint-dir", checkpoints.toString(),
                "--checkpoint-interval", "10"));
        running.set(false);
        sizer.join();
        Matcher m = Pattern.compile("job ran ([0-9.]+) s").matcher(t.out);
        double jobSeconds = m.find() ? Double.parseDouble(m.group(1)) : t.wall;
        long events = 0;
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, "status-p" + parallelism)) {
            JsonNode n = JSON.readTree(r.value());
            if (n.path("type").asText().equals("host-end")) {
                events += n.path("events").asLong();
            }
        }
        int findings = TopicReader.readAll(bootstrap, "findings-p" + parallelism).size();
        double rate = events / jobSeconds;
        double perCpu = events / t.cpu;
        double perHost = largest.get() / (double) hosts;
        double perCpuNoJit = events / t.cpuWithoutJit();
        double perStreamWork = events / t.threads.streamWork();
        System.out.printf(Locale.ROOT, "fleet job p%d: %,d events, %d findings; job ran %.1f s (process %.1f s wall, %.1f s CPU: %s;"
                        + " max RSS %,d MB): %,.0f events/s, %,.0f events per CPU second, %,.0f without JIT compilation,"
                        + " %,.0f per CPU second of stream work (detector and source tasks and GC);"
                        + " largest checkpoint %,d bytes = %,.0f per host%n",
                parallelism, events, findings, jobSeconds, t.wall, t.cpu, t.jobBreakdown(), t.maxRssKb / 1024, rate, perCpu,
                perCpuNoJit, perStreamWork, largest.get(), perHost);
        return new double[] {rate, perCpu, perHost, perCpuNoJit, perStreamWork};
    }

    private static void latency(Path repo, Path work, String bootstrap, List<Path> files, int linesPerSecond) throws Exception {
        Path checkpoints = work.resolve("checkpoints-live");
        deleteTree(checkpoints);
        ProcessBuilder pb = new ProcessBuilder("./ransomtrace", "fleet", "job", "--bootstrap", bootstrap, "--in", "live",
                "--out", "findings-live", "--group", "bench-live", "--parallelism", "2", "--checkpoint-dir",
                checkpoints.toString(), "--checkpoint-interval", "1", "--fresh").directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("live-job.out").toFile());
        pb.environment().put("RANSOMTRACE_JAVA_OPTS", JOB_JAVA_OPTS);
        Process job = pb.start();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(bootstrap, latencies, consuming));
        consumer.start();
        try {
            waitForLine(work.resolve("live-job.out"), "running");
            long t = System.nanoTime();
            long sent = shipInterleaved(bootstrap, files, linesPerSecond);
            double shipSeconds = secs(t);
            System.out.printf(Locale.ROOT, "live: shipped %,d lines in time order at %,.0f lines/s (target %,d)%n", sent,
                    sent / shipSeconds, linesPerSecond);
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            int expected = (int) files.stream().filter(f -> f.getFileName().toString().matches("host-\\d+\\.log")
                    && Integer.parseInt(f.getFileName().toString().replaceAll("\\D", "")) % 4 == 0).count();
            while (latencies.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            consuming.set(false);
            consumer.join();
            job.destroy();
            job.waitFor();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("live: no finding arrived");
            return;
        }
        System.out.printf(Locale.ROOT, "latency from the closing line's arrival in Kafka to the committed finding, %d findings of %d"
                        + " hosts: p50 %d ms, p99 %d ms, max %d ms (checkpoints every 1 s)%n", sorted.size(), files.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** Ships each file as its own host, one line per message, the file's name on its first line. */
    private static long shipLinePerMessage(LogShipper shipper, List<Path> files) throws IOException {
        long sent = 0;
        for (Path f : files) {
            String host = f.getFileName().toString().replace(".log", "");
            byte[] source = f.toString().getBytes(StandardCharsets.UTF_8);
            try (LineReader r = LineReader.open(f, 1 << 20)) {
                while (r.next()) {
                    if (!r.isBlank()) {
                        shipper.send(host, Arrays.copyOfRange(r.buffer(), r.start(), r.start() + r.length()), source);
                        source = null; // the file's following lines continue it
                        sent++;
                    }
                }
            }
        }
        shipper.flush();
        return sent;
    }

    /** Ships every host's lines interleaved in event-time order (all hosts share one timeline), paced. */
    private static long shipInterleaved(String bootstrap, List<Path> files, int linesPerSecond) throws IOException {
        List<LineReader> readers = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        try (LogShipper shipper = new LogShipper(bootstrap, "live")) {
            for (Path f : files) {
                readers.add(LineReader.open(f, 1 << 20));
                keys.add(f.getFileName().toString().replace(".log", "").getBytes(StandardCharsets.UTF_8));
            }
            long sent = 0;
            long start = System.nanoTime();
            boolean more = true;
            while (more) {
                more = false;
                for (int i = 0; i < readers.size(); i++) {
                    LineReader r = readers.get(i);
                    // one event of each host in turn: its lines up to the EOE record
                    while (r.next()) {
                        more = true;
                        byte[] line = Arrays.copyOfRange(r.buffer(), r.start(), r.start() + r.length());
                        shipper.send(new String(keys.get(i), StandardCharsets.UTF_8), line, null);
                        sent++;
                        if (line.length > 20 && new String(line, 0, Math.min(line.length, 40), StandardCharsets.US_ASCII).contains("type=EOE")) {
                            break;
                        }
                    }
                }
                long due = start + sent * 1_000_000_000L / linesPerSecond;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    try {
                        Thread.sleep(wait / 1_000_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            return sent;
        } finally {
            for (LineReader r : readers) {
                r.close();
            }
        }
    }

    private static void consume(String bootstrap, List<Long> latencies, AtomicBoolean running) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = List.of();
            while (running.get() && parts.isEmpty()) {
                parts = c.partitionsFor("findings-live", Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition("findings-live", p.partition())).toList();
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    Header h = r.headers().lastHeader(FleetHeaders.TRIGGER_INGEST);
                    if (h != null && new String(r.value(), StandardCharsets.UTF_8).contains("\"severity\":\"critical\"")) {
                        latencies.add(now - ByteBuffer.wrap(h.value()).getLong());
                    }
                }
            }
        } catch (RuntimeException e) {
            System.out.println("live consumer stopped: " + e);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static void waitForLine(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the live job did not start: " + Files.readString(file));
    }

    /**
     * Runs a command under GNU time: wall seconds, CPU seconds (user + system), max RSS, output; and, read from /proc
     * while it runs, the CPU of the JVM's JIT compiler and GC threads.
     */
    private static Timed run(Path work, Path dir, Map<String, String> env, List<String> command) throws Exception {
        Path timeFile = work.resolve("time.txt");
        Path outFile = work.resolve("command.out");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(outFile.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        ThreadCpu threads = new ThreadCpu();
        while (!p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            // time runs the launcher, which execs java: the JVM is time's child
            p.toHandle().children().forEach(c -> threads.sample(c.pid()));
        }
        int code = p.exitValue();
        String out = Files.readString(outFile);
        if (code != 0 && !command.contains("scan")) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + out);
        }
        String[] t = Files.readString(timeFile).trim().split("\\s+");
        return new Timed(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Long.parseLong(t[3]), out, threads.split());
    }

    private static long largestCompletedCheckpoint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long best = 0;
        try (Stream<Path> jobs = Files.list(dir)) {
            for (Path job : jobs.toList()) {
                try (Stream<Path> chks = Files.list(job)) {
                    for (Path chk : chks.filter(p -> p.getFileName().toString().startsWith("chk-")).toList()) {
                        if (Files.exists(chk.resolve("_metadata"))) {
                            best = Math.max(best, size(chk) + size(job.resolve("shared")));
                        }
                    }
                } catch (IOException e) {
                    // a checkpoint being deleted as we look
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }

    private static long size(Path p) {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.map(Path::toFile).filter(File::isFile).mapToLong(File::length).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
