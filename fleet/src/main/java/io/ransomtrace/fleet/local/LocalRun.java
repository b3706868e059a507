package io.ransomtrace.fleet.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.fleet.job.FindingJson;
import io.ransomtrace.fleet.job.FleetJobOptions;
import io.ransomtrace.fleet.job.FleetRunner;
import io.ransomtrace.fleet.kafka.EmbeddedKafka;
import io.ransomtrace.fleet.kafka.TopicReader;
import io.ransomtrace.fleet.ship.LogShipper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fleet local}: the whole fleet path on one machine. Starts a Kafka broker in this process, ships the
 * inputs into a topic (each file as its own host unless its lines name one), runs the Flink job on a local
 * MiniCluster to the end of that input, and reads the committed findings back. The broker, its files and the
 * checkpoints are gone afterwards.
 */
public final class LocalRun {
    static final String INPUT_TOPIC = "audit-lines";
    static final String FINDINGS_TOPIC = "findings";
    static final String STATUS_TOPIC = "status";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A quarantined line as the job reported it. */
    public record Unreadable(String stream, String source, long line, String reason) {
    }

    /** What a local run gave: the findings document (scan schema) and what could not be read. */
    public record Result(FindingJson.Document document, List<LogShipper.Shipped> shipped, List<Unreadable> unreadable) {
    }

    private final int parallelism;
    private final String profileYaml;
    private final String allowlistYaml;
    private final java.util.function.Consumer<String> progress;

    /** @param progress told of each step as it ends (one line of text) */
    public LocalRun(int parallelism, String profileYaml, String allowlistYaml, java.util.function.Consumer<String> progress) {
        this.parallelism = parallelism;
        this.profileYaml = profileYaml;
        this.allowlistYaml = allowlistYaml;
        this.progress = progress;
    }

    public Result run(List<Path> inputs) throws Exception {
        Path checkpoints = Files.createTempDirectory("ransomtrace-fleet-checkpoints-");
        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(Map.of(INPUT_TOPIC, 4, FINDINGS_TOPIC, 1, STATUS_TOPIC, 1));
            progress.accept(String.format(java.util.Locale.ROOT, "Kafka broker started in this process at %s (%.1f s)",
                    kafka.bootstrap(), seconds(t0)));
            List<LogShipper.Shipped> shipped;
            try (LogShipper shipper = new LogShipper(kafka.bootstrap(), INPUT_TOPIC)) {
                shipped = shipper.ship(inputs, null);
            }
            long lines = shipped.stream().mapToLong(LogShipper.Shipped::records).sum();
            if (lines == 0) {
                return new Result(new FindingJson.Document(FindingJson.SCHEMA_VERSION,
                        new FindingJson.Summary(List.of(), 0, 0, List.of(), new FindingJson.Evictions(0, 0, 0, 0, 0)),
                        List.of()), shipped, List.of());
            }
            progress.accept(String.format(java.util.Locale.ROOT, "Shipped %,d lines to topic %s (%.1f s)", lines,
                    INPUT_TOPIC, seconds(t0)));
            FleetJobOptions options = new FleetJobOptions(kafka.bootstrap(), INPUT_TOPIC, FINDINGS_TOPIC, STATUS_TOPIC,
                    "ransomtrace-fleet-local", true, profileYaml, allowlistYaml, FleetJobOptions.DEFAULT_CONTEXT_LINES,
                    "ransomtrace-fleet-local", FleetJobOptions.DEFAULT_QUIET_SECONDS, -1);
            new FleetRunner(options, parallelism, Duration.ofMillis(500), checkpoints.toString(), null).run();
            progress.accept(String.format(java.util.Locale.ROOT, "Flink job ran to the end of the input, parallelism %d (%.1f s)",
                    parallelism, seconds(t0)));
            return collect(kafka.bootstrap(), shipped);
        } finally {
            deleteTree(checkpoints);
        }
    }

    /** Reads the findings and status topics of a finished bounded run into the scan-schema document. */
    static Result collect(String bootstrap, List<LogShipper.Shipped> shipped) throws IOException {
        List<FindingJson.FleetFinding> findings = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, FINDINGS_TOPIC)) {
            findings.add(FindingJson.readMessage(new String(r.value(), StandardCharsets.UTF_8)));
        }
        // the order scan gives: first seen, then host, then id
        findings.sort(Comparator.comparing(FindingJson.FleetFinding::firstSeen)
                .thenComparing(FindingJson.FleetFinding::host).thenComparing(FindingJson.FleetFinding::id));
        Map<String, long[]> bySource = new HashMap<>(); // source file name -> events, errors
        List<Unreadable> unreadable = new ArrayList<>();
        Set<String> streams = new LinkedHashSet<>();
        long events = 0;
        long errors = 0;
        long[] evicted = new long[5];
        String[] evictionFields = {"processes", "keptProcesses", "quietCampaigns", "closedEarly", "cappedCampaigns"};
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, STATUS_TOPIC)) {
            JsonNode n = JSON.readTree(r.value());
            if (n.path("type").asText().equals("host-end")) {
                streams.add(n.path("stream").asText());
                events += n.path("events").asLong();
                errors += n.path("errors").asLong();
                for (int i = 0; i < evicted.length; i++) {
                    evicted[i] += n.path("evictions").path(evictionFields[i]).asLong();
                }
                for (JsonNode s : n.path("sources")) {
                    long[] c = bySource.computeIfAbsent(s.path("source").asText(""), k -> new long[2]);
                    c[0] += s.path("events").asLong();
                    c[1] += s.path("errors").asLong();
                }
            } else if (n.path("type").asText().equals("error") && unreadable.size() < 1000) {
                unreadable.add(new Unreadable(n.path("stream").asText(), n.path("source").asText(null),
                        n.path("line").asLong(), n.path("reason").asText()));
            }
        }
        List<FindingJson.Input> inputs = new ArrayList<>();
        for (LogShipper.Shipped s : shipped) {
            long[] c = bySource.getOrDefault(s.path().toString(), new long[2]);
            // as scan names formats in its JSON (the enum name in lower case)
            inputs.add(new FindingJson.Input(s.path().toString(), s.format().name().toLowerCase(java.util.Locale.ROOT),
                    s.records(), c[0], c[1]));
        }
        // hosts in the order the inputs first named them, as scan lists them
        Set<String> hosts = new LinkedHashSet<>();
        for (LogShipper.Shipped s : shipped) {
            for (String h : s.hosts()) {
                if (streams.contains(h)) {
                    hosts.add(h);
                }
            }
        }
        hosts.addAll(streams);
        FindingJson.Document doc = new FindingJson.Document(FindingJson.SCHEMA_VERSION,
                new FindingJson.Summary(inputs, events, errors, List.copyOf(hosts),
                        new FindingJson.Evictions(evicted[0], evicted[1], evicted[2], evicted[3], evicted[4])), findings);
        return new Result(doc, shipped, unreadable);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // temp files left behind are not worth failing the run for
        }
    }
}
