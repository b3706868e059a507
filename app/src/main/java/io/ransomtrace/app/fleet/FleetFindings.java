package io.ransomtrace.app.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ransomtrace.engine.finding.Severity;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Findings of the fleet job (README "Fleet"), for the workbench: read from the findings topic or from an exported
 * file, listed across hosts, and turned into the inputs of a case. UI-free. A finding is the scan JSON finding
 * schema plus {@code stream} (the host key) and {@code extract} (the host's raw lines around it).
 */
public final class FleetFindings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** No finding record comes near this; a bigger line is not one of ours. */
    private static final int MAX_LINE_CHARS = 16 << 20;

    private FleetFindings() {
    }

    /** One line of a finding's extract: its number in the host's stream and its text as shipped. */
    public record ExtractLine(long line, String text) {
    }

    /** One finding of one host stream, with what the list shows and the whole JSON kept for the case. */
    public record FleetFinding(String stream, String host, String id, Severity severity, int score, String title,
                               String firstSeen, String lastSeen, int filesAffected, String rootCommand, String user,
                               String loginUser, List<String> firedSignals, List<ExtractLine> extract, JsonNode json) {
        /** True when the extract holds ECS documents rather than audit lines. */
        public boolean extractIsEcs() {
            return !extract.isEmpty() && extract.get(0).text().stripLeading().startsWith("{");
        }
    }

    /** Most severe first, then the earliest. */
    public static final Comparator<FleetFinding> ORDER = Comparator
            .comparing((FleetFinding f) -> f.severity() == null ? -1 : f.severity().ordinal()).reversed()
            .thenComparing(FleetFinding::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FleetFinding::stream, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * Reads an exported file: a scan-schema document ({@code fleet local --json}, {@code {"findings":[…]}}) or the
     * topic's records one per line (as a console consumer writes them).
     */
    public static List<FleetFinding> readFile(Path file) throws IOException {
        String head;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            int n = r.read(buf);
            head = n < 0 ? "" : new String(buf, 0, n);
        }
        List<FleetFinding> out = new ArrayList<>();
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{") && !firstLineIsWholeObject(file)) {
            JsonNode doc = JSON.readTree(file.toFile());
            JsonNode findings = doc.path("findings");
            if (!findings.isArray()) {
                throw new IOException(file.getFileName() + " is JSON but holds no \"findings\" list");
            }
            for (JsonNode f : findings) {
                out.add(parse(f));
            }
        } else {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    if (line.length() > MAX_LINE_CHARS) {
                        throw new IOException(file.getFileName() + " line " + n + " is too long to be a finding");
                    }
                    try {
                        out.add(parse(JSON.readTree(line)));
                    } catch (JsonProcessingException e) {
                        throw new IOException(file.getFileName() + " line " + n + " is not a finding: "
                                + e.getOriginalMessage(), e);
                    }
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static boolean firstLineIsWholeObject(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null || first.length() > MAX_LINE_CHARS) {
                return false;
            }
            try {
                JsonNode n = JSON.readTree(first);
                return n != null && n.isObject() && n.has("severity") && !n.has("findings");
            } catch (JsonProcessingException e) {
                return false;
            }
        }
    }

    /**
     * Reads the findings topic as it stands, committed records only (read_committed), without joining a consumer
     * group.
     *
     * @param cancelled polled between fetches; the read stops early when it says true
     */
    public static List<FleetFinding> readTopic(String bootstrap, String topic, Duration timeout, BooleanSupplier cancelled)
            throws IOException {
        List<FleetFinding> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 << 20)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IOException("no topic " + topic + " at " + bootstrap);
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, end) && !cancelled.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("topic " + topic + " could not be read to its end within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        out.add(parse(JSON.readTree(r.value())));
                    } catch (JsonProcessingException e) {
                        throw new IOException("record " + r.partition() + ":" + r.offset() + " of " + topic
                                + " is not a finding: " + e.getOriginalMessage(), e);
                    }
                }
            }
        } catch (KafkaException e) {
            throw new IOException("Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
        out.sort(ORDER);
        return out;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static FleetFinding parse(JsonNode f) throws IOException {
        if (f == null || !f.isObject() || !f.has("severity") || !f.has("title")) {
            throw new IOException("not a finding of the scan JSON schema (no severity or title)");
        }
        List<String> fired = new ArrayList<>();
        for (JsonNode s : f.path("signals")) {
            if (s.path("fired").asBoolean()) {
                fired.add(s.path("description").asText());
            }
        }
        List<ExtractLine> extract = new ArrayList<>();
        for (JsonNode l : f.path("extract").path("lines")) {
            extract.add(new ExtractLine(l.path("line").asLong(), l.path("text").asText()));
        }
        JsonNode root = f.path("rootProcess");
        String host = text(f, "host");
        String stream = f.hasNonNull("stream") ? f.get("stream").asText() : host;
        return new FleetFinding(stream, host, text(f, "id"), Severity.parse(text(f, "severity")), f.path("score").asInt(),
                text(f, "title"), text(f, "firstSeen"), text(f, "lastSeen"), f.path("filesAffected").asInt(),
                text(root, "commandLine"), text(root, "user"), text(root, "loginUser"), List.copyOf(fired),
                List.copyOf(extract), f);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Where a case opened from the finding goes: {@code <stream>-<id>.rtcase} in {@code folder}. */
    public static Path caseFile(FleetFinding f, Path folder, String extension) {
        return folder.resolve(safe(f.stream()) + "-" + safe(f.id()) + extension);
    }

    /**
     * Writes what a case is built from into {@code dir}: the extract as a log the importers read (audit lines or ECS
     * NDJSON, in stream order) and the fleet's finding itself as JSON beside it (its verdict on the whole stream).
     *
     * @return the extract file, or null when the finding has no extract
     */
    public static Path writeCaseInputs(FleetFinding f, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = safe(f.stream()) + "-" + safe(f.id());
        Files.writeString(dir.resolve(base + "-fleet-finding.json"), PRETTY.writeValueAsString(f.json()),
                StandardCharsets.UTF_8);
        if (f.extract().isEmpty()) {
            return null;
        }
        Path extract = dir.resolve(base + (f.extractIsEcs() ? "-extract.ndjson" : "-extract.log"));
        try (var w = Files.newBufferedWriter(extract, StandardCharsets.UTF_8)) {
            for (ExtractLine l : f.extract()) {
                w.write(l.text());
                w.write('\n');
            }
        }
        return extract;
    }

    private static String safe(String s) {
        String v = s == null ? "unknown" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        return v.length() > 60 ? v.substring(0, 60) : v;
    }
}
