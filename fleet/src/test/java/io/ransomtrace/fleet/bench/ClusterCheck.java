package io.ransomtrace.fleet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.fleet.kafka.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What bench/fleet-cluster.sh reads back from Kafka after the job ran on a real Flink cluster (committed records
 * only, as any consumer of the findings would):
 * <ul>
 *   <li>{@code topics BOOTSTRAP}: succeeds once the broker answers;</li>
 *   <li>{@code compare BOOTSTRAP FINDINGS STATUS SCAN_DIR}: the findings topic, host by host (record key), against
 *       {@code ransomtrace scan --json} of that host's logs ({@code SCAN_DIR/<host>.json}): every field of every
 *       finding but those that number events ({@code id}, {@code evidence}: per file in scan, per host stream in
 *       the fleet) and the fleet's own two ({@code stream}, {@code extract}); a table of root, login user,
 *       severity and files affected; and the events the job read (the status topic's end-of-input summaries);</li>
 *   <li>{@code same BOOTSTRAP EXPECTED ACTUAL}: two findings topics hold the same findings, each once;</li>
 *   <li>{@code count BOOTSTRAP TOPIC}: how many committed records the topic holds;</li>
 *   <li>{@code events BOOTSTRAP STATUS}: the events the job read, from the status topic.</li>
 * </ul>
 * Exit code 0 when they match, 1 when they do not.
 */
public final class ClusterCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterCheck() {
    }

    public static void main(String[] args) throws Exception {
        int code = switch (args[0]) {
            case "topics" -> topics(args[1]);
            case "compare" -> compare(args[1], args[2], args[3], Path.of(args[4]));
            case "same" -> same(args[1], args[2], args[3]);
            case "count" -> {
                System.out.println(TopicReader.readAll(args[1], args[2]).size());
                yield 0;
            }
            case "events" -> {
                System.out.println(events(args[1], args[2]));
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(code);
    }

    private static int topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"))) {
            admin.listTopics().names().get(3, TimeUnit.SECONDS);
            return 0;
        }
    }

    private static long events(String bootstrap, String statusTopic) throws IOException {
        long events = 0;
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, statusTopic)) {
            JsonNode n = JSON.readTree(r.value());
            if (n.path("type").asText().equals("host-end")) {
                events += n.path("events").asLong();
            }
        }
        return events;
    }

    private static int compare(String bootstrap, String findingsTopic, String statusTopic, Path scanDir) throws IOException {
        Map<String, List<JsonNode>> fleet = new TreeMap<>();
        int mismatches = 0;
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, findingsTopic)) {
            ObjectNode message = (ObjectNode) JSON.readTree(r.value());
            // each message is one finding of the scan JSON schema, which it names
            if (message.path("schemaVersion").asInt() != 1) {
                System.out.println("a message in " + findingsTopic + " is not of the scan JSON schema version 1: "
                        + message.path("schemaVersion"));
                mismatches++;
            }
            message.remove("schemaVersion");
            fleet.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(message);
        }
        Map<String, List<JsonNode>> scan = new TreeMap<>();
        try (Stream<Path> files = Files.list(scanDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                List<JsonNode> findings = new ArrayList<>();
                JSON.readTree(f.toFile()).path("findings").forEach(findings::add);
                scan.put(f.getFileName().toString().replaceFirst("\\.json$", ""), findings);
            }
        }
        TreeSet<String> hosts = new TreeSet<>(scan.keySet());
        hosts.addAll(fleet.keySet());
        System.out.printf(Locale.ROOT, "%-28s %-9s %-8s %-10s %-10s %6s  %s%n", "host", "severity", "user", "login",
                "root", "files", "cluster = scan");
        int total = 0;
        for (String host : hosts) {
            List<JsonNode> want = sorted(scan.getOrDefault(host, List.of()));
            List<JsonNode> got = sorted(fleet.getOrDefault(host, List.of()));
            total += got.size();
            boolean same = comparable(want).equals(comparable(got));
            if (!same) {
                mismatches++;
            }
            if (want.isEmpty() && got.isEmpty()) {
                System.out.printf(Locale.ROOT, "%-28s %-9s %-8s %-10s %-10s %6s  %s%n", host, "-", "", "", "", "",
                        same ? "yes (no finding in either)" : "NO");
            }
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                JsonNode g = i < got.size() ? got.get(i) : null;
                JsonNode w = i < want.size() ? want.get(i) : null;
                JsonNode row = g != null ? g : w;
                String mark = same ? "yes" : "NO: cluster " + describe(g) + ", scan " + describe(w) + differences(g, w);
                System.out.printf(Locale.ROOT, "%-28s %-9s %-8s %-10s %-10s %6d  %s%n", host,
                        row.path("severity").asText(), row.at("/rootProcess/user").asText(),
                        row.at("/rootProcess/loginUser").asText(), row.at("/rootProcess/exe").asText()
                                .replaceFirst(".*/", ""), row.path("filesAffected").asInt(), mark);
            }
        }
        long events = events(bootstrap, statusTopic);
        System.out.printf(Locale.ROOT, "%d hosts, %d findings in %s, %,d events read by the job; %s%n", hosts.size(),
                total, findingsTopic, events, mismatches == 0 ? "every host's findings equal scan's"
                        : mismatches + " host(s) differ from scan");
        return mismatches == 0 ? 0 : 1;
    }

    private static int same(String bootstrap, String expectedTopic, String actualTopic) throws IOException {
        Map<String, Integer> expected = counts(bootstrap, expectedTopic);
        Map<String, Integer> actual = counts(bootstrap, actualTopic);
        long duplicated = actual.values().stream().filter(n -> n > 1).count();
        long missing = expected.keySet().stream().filter(k -> !actual.containsKey(k)).count();
        long extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).count();
        System.out.printf(Locale.ROOT, "%s: %d findings; %s: %d findings, %d duplicated, %d missing, %d not in %s%n",
                expectedTopic, expected.values().stream().mapToInt(Integer::intValue).sum(), actualTopic,
                actual.values().stream().mapToInt(Integer::intValue).sum(), duplicated, missing, extra, expectedTopic);
        return duplicated == 0 && expected.equals(actual) ? 0 : 1;
    }

    /** Each finding (its whole JSON, extract and all) and how often the topic holds it. */
    private static Map<String, Integer> counts(String bootstrap, String topic) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, topic)) {
            counts.merge(new String(r.key(), StandardCharsets.UTF_8) + " " + new String(r.value(), StandardCharsets.UTF_8),
                    1, Integer::sum);
        }
        return counts;
    }

    private static List<JsonNode> sorted(List<JsonNode> findings) {
        List<JsonNode> s = new ArrayList<>(findings);
        s.sort((a, b) -> (a.path("firstSeen").asText() + a.path("title").asText())
                .compareTo(b.path("firstSeen").asText() + b.path("title").asText()));
        return s;
    }

    private static List<JsonNode> comparable(List<JsonNode> findings) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : findings) {
            ObjectNode c = f.deepCopy();
            c.remove(List.of("id", "evidence", "stream", "extract"));
            out.add(c);
        }
        return out;
    }

    /** The fields in which two findings differ (beyond those that number events). */
    private static String differences(JsonNode got, JsonNode want) {
        if (got == null || want == null) {
            return "";
        }
        JsonNode g = comparable(List.of(got)).get(0);
        JsonNode w = comparable(List.of(want)).get(0);
        TreeSet<String> fields = new TreeSet<>();
        g.fieldNames().forEachRemaining(fields::add);
        w.fieldNames().forEachRemaining(fields::add);
        fields.removeIf(f -> g.path(f).equals(w.path(f)));
        return fields.isEmpty() ? "" : ", differ in " + String.join(", ", fields);
    }

    private static String describe(JsonNode f) {
        return f == null ? "none" : f.path("severity").asText() + "/" + f.path("filesAffected").asInt() + " files";
    }
}
