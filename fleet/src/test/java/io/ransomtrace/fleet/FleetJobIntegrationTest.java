package io.ransomtrace.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.fleet.job.FindingJson;
import io.ransomtrace.fleet.job.FleetJobOptions;
import io.ransomtrace.fleet.job.FleetRunner;
import io.ransomtrace.fleet.kafka.EmbeddedKafka;
import io.ransomtrace.fleet.kafka.TopicReader;
import io.ransomtrace.fleet.ship.LogShipper;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.transcode.EcsTranscoder;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet job on a Flink MiniCluster against a real Kafka broker in this JVM. Every recorded sample case is shipped
 * as its own host (30 hosts in all, with an ECS one and one sending garbage), their lines interleaved in one topic,
 * half of the hosts a line per message, the others runs of lines in one message:
 * per host, the job finds what {@code scan} finds on that host's logs. Run again with a failure injected
 * mid-stream, it restores from its last checkpoint and the findings topic (read_committed) holds each finding
 * exactly once, identical to the uninterrupted run. A host that goes quiet has its findings closed while the job
 * runs on.
 */
class FleetJobIntegrationTest {
    private static final String INPUT = "audit-lines";
    private static final String ECS_HOST = "ecs-attack-openssl-find";
    private static final String GARBAGE_HOST = "broken-shipper";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafka kafka;
    /** host stream → what scan finds on its logs */
    private static final Map<String, List<Finding>> expected = new LinkedHashMap<>();
    private static final Map<String, Boolean> idsComparable = new HashMap<>();
    private static List<String> uninterruptedMessages;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void shipEveryCaseAsItsOwnHostInterleaved() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(Map.of(INPUT, 4, "findings", 1, "status", 1, "findings-fault", 1, "status-fault", 1));
        Map<String, List<byte[]>> linesByHost = new LinkedHashMap<>();
        for (Path c : RecordedCases.all()) {
            String host = c.getFileName().toString();
            linesByHost.put(host, RecordedCases.lines(c));
            expected.put(host, RecordedCases.scan(c));
            idsComparable.put(host, RecordedCases.singleFile(c));
        }
        // the recorded openssl attack as Auditbeat/Elastic would ship it: ECS NDJSON documents
        List<byte[]> ecs = new ArrayList<>();
        for (Event e : RecordedCases.events(RecordedCases.root().resolve("attack-openssl-find"))) {
            for (String line : EcsTranscoder.toLines(e)) {
                ecs.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        Path ecsFile = tmp.resolve("attack.ndjson");
        Files.write(ecsFile, ecs.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        CollectingSink ecsImport = new CollectingSink();
        new EcsImporter().importSource(new SourceFile(2, ecsFile, Format.ECS_NDJSON), ecsImport);
        expected.put(ECS_HOST, Detector.run(ecsImport.events, Profile.defaults(), Allowlist.empty()));
        idsComparable.put(ECS_HOST, true);
        linesByHost.put(ECS_HOST, ecs);
        linesByHost.put(GARBAGE_HOST, List.of("not an audit line".getBytes(StandardCharsets.UTF_8),
                "{\"broken\": json".getBytes(StandardCharsets.UTF_8),
                "type=SYSCALL msg=audit(1764340000.000".getBytes(StandardCharsets.UTF_8)));
        // interleaved a few lines of each host in turn, as many shippers writing into one topic: every second host
        // sends them as one message (as fleet ship does), the others a line per message (as audisp plugins do)
        try (LogShipper shipper = new LogShipper(kafka.bootstrap(), INPUT)) {
            int run = 5;
            boolean more = true;
            for (int i = 0; more; i += run) {
                more = false;
                int k = 0;
                for (Map.Entry<String, List<byte[]>> h : linesByHost.entrySet()) {
                    List<byte[]> lines = h.getValue();
                    boolean packed = k++ % 2 == 0;
                    if (i < lines.size()) {
                        List<byte[]> some = lines.subList(i, Math.min(lines.size(), i + run));
                        if (packed) {
                            shipper.send(h.getKey(), joinLines(some), null);
                        } else {
                            for (byte[] line : some) {
                                shipper.send(h.getKey(), line, null);
                            }
                        }
                        more = true;
                    }
                }
            }
        }
        assertThat(linesByHost).hasSizeGreaterThanOrEqualTo(30);
        uninterruptedMessages = runBounded("findings", "status", -1);
    }

    /** Lines as one message: separated by line breaks, their bytes unchanged. */
    private static byte[] joinLines(List<byte[]> lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] line : lines) {
            if (out.size() > 0) {
                out.write('\n');
            }
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String> runBounded(String findings, String status, long failAfter) throws Exception {
        FleetJobOptions o = new FleetJobOptions(kafka.bootstrap(), INPUT, findings, status, "group-" + findings, true,
                null, null, 64, "tx-" + findings, FleetJobOptions.DEFAULT_QUIET_SECONDS, failAfter);
        Path checkpoints = Files.createTempDirectory(tmp, "checkpoints-");
        new FleetRunner(o, 2, Duration.ofMillis(200), checkpoints.toString(), null).run();
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(kafka.bootstrap(), findings)) {
            out.add(new String(r.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void everyHostGetsTheFindingsScanGivesOnItsLogs() throws IOException {
        Map<String, List<FindingJson.FleetFinding>> byHost = new TreeMap<>();
        for (String m : uninterruptedMessages) {
            FindingJson.FleetFinding f = FindingJson.readMessage(m);
            byHost.computeIfAbsent(f.stream(), k -> new ArrayList<>()).add(f);
        }
        int attacks = 0;
        for (Map.Entry<String, List<Finding>> e : expected.entrySet()) {
            String host = e.getKey();
            List<FindingJson.FleetFinding> got = new ArrayList<>(byHost.getOrDefault(host, List.of()));
            got.sort(java.util.Comparator.comparing(FindingJson.FleetFinding::firstSeen)
                    .thenComparing(FindingJson.FleetFinding::host).thenComparing(FindingJson.FleetFinding::id));
            boolean exact = idsComparable.get(host);
            List<FindingJson.FleetFinding> want = e.getValue().stream()
                    .map(f -> comparable(FindingJson.of(f, host, null), exact)).toList();
            assertThat(got.stream().map(f -> comparable(f, exact)).toList()).as("findings of host %s", host)
                    .isEqualTo(want);
            if (e.getValue().stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH))) {
                attacks++;
                assertThat(got).as("an attack's finding carries the host's lines around its first alert (%s)", host)
                        .anyMatch(f -> f.extract() != null && !f.extract().lines().isEmpty());
            }
        }
        assertThat(attacks).as("attack hosts among the streams").isGreaterThanOrEqualTo(15);
        assertThat(byHost.keySet()).isSubsetOf(expected.keySet());
    }

    /** Ids and evidence compared where scan numbers events as the job does (one file per host); extracts aside. */
    private static FindingJson.FleetFinding comparable(FindingJson.FleetFinding f, boolean exactIds) {
        return new FindingJson.FleetFinding(exactIds ? f.id() : null, f.severity(), f.score(), f.host(), f.title(),
                f.rootProcess(), f.tools(), f.firstSeen(), f.lastSeen(), f.firstAlert(), f.filesAffected(),
                f.directoriesAffected(), f.extensions(), f.overwrite(), f.notes(), f.signals(),
                f.filesBeforeFirstHighAlert(), f.suppressed(), f.suppressedBy(), exactIds ? f.evidence() : null,
                f.files(), f.directories(), f.analyst(), f.stream(), null);
    }

    @Test
    void unreadableLinesAreReportedWithTheirPlaceAndReasonAndTheRestGoesOn() throws IOException {
        List<JsonNode> errors = new ArrayList<>();
        Map<String, JsonNode> ends = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(kafka.bootstrap(), "status")) {
            JsonNode n = JSON.readTree(r.value());
            if (n.path("type").asText().equals("error")) {
                errors.add(n);
            } else if (n.path("type").asText().equals("host-end")) {
                ends.put(n.path("stream").asText(), n);
            }
        }
        assertThat(errors).extracting(n -> n.path("stream").asText()).containsOnly(GARBAGE_HOST);
        assertThat(errors).extracting(n -> n.path("line").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(errors.get(0).path("reason").asText()).contains("not an audit record");
        assertThat(errors.get(1).path("reason").asText()).contains("not valid JSON"); // read as an ECS document
        assertThat(errors.get(2).path("raw").asText()).isEqualTo("type=SYSCALL msg=audit(1764340000.000");
        assertThat(ends.get(GARBAGE_HOST).path("errors").asLong()).isEqualTo(3);
        assertThat(ends.get(GARBAGE_HOST).path("records").asLong()).isEqualTo(3);
        assertThat(ends.keySet()).containsAll(expected.keySet());
        assertThat(ends.get("attack-openssl-find").path("errors").asLong()).isZero();
    }

    @Test
    void afterAnInjectedFailureTheJobRestoresAndEachFindingIsCommittedExactlyOnce() throws Exception {
        List<String> afterFault = runBounded("findings-fault", "status-fault", 2_000);
        List<JsonNode> restarts = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(kafka.bootstrap(), "status-fault")) {
            JsonNode n = JSON.readTree(r.value());
            if (n.path("type").asText().equals("restarted")) {
                restarts.add(n);
            }
        }
        assertThat(restarts).as("the injected failure happened and the job restarted from a checkpoint").isNotEmpty();
        assertThat(afterFault).doesNotHaveDuplicates();
        assertThat(afterFault).containsExactlyInAnyOrderElementsOf(uninterruptedMessages);
    }

    @Test
    void aHostThatGoesQuietHasItsFindingsClosedWhileTheJobRunsOn() throws Exception {
        String input = "quiet-lines";
        kafka.createTopics(Map.of(input, 1, "findings-live", 1));
        List<byte[]> attack = RecordedCases.lines(RecordedCases.root().resolve("attack-openssl-find"));
        Instant last = Instant.ofEpochMilli(io.ransomtrace.fleet.job.EventTimes.of(attack.get(attack.size() - 1)));
        try (LogShipper shipper = new LogShipper(kafka.bootstrap(), input)) {
            for (byte[] line : attack) {
                shipper.send("fs01", line, null);
            }
            // another host still talking 40 minutes later moves the fleet's clock past fs01's idle timeout
            long t = last.plus(Duration.ofMinutes(40)).getEpochSecond();
            for (int i = 0; i < 3; i++) {
                shipper.send("web01", ("type=DAEMON_START msg=audit(" + (t + i) + ".000:" + (100 + i)
                        + "): op=start ver=3.0.9 format=raw res=success").getBytes(StandardCharsets.UTF_8), null);
            }
        }
        FleetJobOptions o = new FleetJobOptions(kafka.bootstrap(), input, "findings-live", null, "group-live", false,
                null, null, 64, "tx-live", 2, -1);
        StreamExecutionEnvironment env = new FleetRunner(o, 1, Duration.ofMillis(200),
                Files.createTempDirectory(tmp, "checkpoints-").toString(), null).environment();
        JobClient job = env.executeAsync();
        try {
            List<String> found = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.stream().noneMatch(m -> m.contains("\"severity\":\"critical\"")) && System.nanoTime() < deadline) {
                found = TopicReader.readAll(kafka.bootstrap(), "findings-live").stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            }
            assertThat(found).as("the quiet host's attack is reported before any end of input").anyMatch(m ->
                    m.contains("\"severity\":\"critical\"") && m.contains("\"stream\":\"fs01\""));
            assertThat(job.getJobStatus().get().isTerminalState()).as("the job is still running").isFalse();
        } finally {
            job.cancel().get();
        }
    }
}
