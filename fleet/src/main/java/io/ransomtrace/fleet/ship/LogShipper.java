package io.ransomtrace.fleet.ship;

import io.ransomtrace.fleet.job.FleetHeaders;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.InputExpander;
import io.ransomtrace.importers.LineReader;
import io.ransomtrace.importers.Sniffer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends log lines into a Kafka topic, key = the host (given, or named by the line's {@code node=} /
 * {@code host.name}, or after the file), in file order (a host's lines keep their order: one key, one partition).
 * A file's consecutive lines of one host go out together, up to {@link #MAX_PACKED_BYTES} a message, one line
 * after the other with a line break between them; {@link #send} sends one line as its own message, as an audisp
 * plugin, laurel or Auditbeat would. The job reads both. Idempotent producer, all replicas acknowledge;
 * {@link #close()} waits until everything is written.
 */
public final class LogShipper implements AutoCloseable {
    /** Formats the fleet job reads: the lines of audit.log (raw or enriched, ausearch output) and ECS NDJSON. */
    public static final Set<Format> SHIPPABLE = Set.of(Format.AUDITD_RAW, Format.AUDITD_ENRICHED,
            Format.AUDITD_INTERPRETED, Format.ECS_NDJSON);
    private static final int MAX_LINE_BYTES = 1 << 20;
    /**
     * A message of a shipped file holds a host's consecutive lines up to this much text (a line longer than that
     * goes alone). An audit line is 100-300 bytes, and what a Kafka consumer pays per record (its framing,
     * headers, a record object, the job's source emitting it) was 40 % of the job's CPU with a line per message.
     */
    static final int MAX_PACKED_BYTES = 64 * 1024;

    /** What was sent from one file. {@code problem} says why a file was not sent (then nothing of it was). */
    public record Shipped(Path path, Format format, long records, Set<String> hosts, String problem) {
    }

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public LogShipper(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Ships files and folders (a folder's logs, rotated sets oldest first, companion files such as README
     * skipped), one file after the other.
     *
     * @param host the host of every line, or null: each line's own host name, else the file's
     */
    public List<Shipped> ship(List<Path> inputs, String host) throws IOException {
        List<Shipped> out = new ArrayList<>();
        for (InputExpander.Input input : InputExpander.expandInputs(inputs)) {
            Format format;
            try {
                format = Sniffer.sniff(input.file());
            } catch (IOException e) {
                out.add(new Shipped(input.file(), Format.UNKNOWN, 0, Set.of(), "cannot read: " + e.getMessage()));
                continue;
            }
            if (!SHIPPABLE.contains(format)) {
                if (!(input.fromFolder() && InputExpander.isCompanionFile(input.file()))) {
                    out.add(new Shipped(input.file(), format, 0, Set.of(), format == Format.UNKNOWN
                            ? "not a format Ransomtrace recognises"
                            : format.label() + " is read by scan and import; the fleet job reads audit lines and ECS NDJSON"));
                }
                continue;
            }
            out.add(shipFile(input.file(), format, host));
        }
        producer.flush();
        rethrow();
        return out;
    }

    private Shipped shipFile(Path file, Format format, String host) throws IOException {
        String fileHost = HostNames.fromFile(file);
        byte[] source = file.toString().getBytes(StandardCharsets.UTF_8);
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> named = new HashSet<>(); // hosts whose lines of this file have been sent with its name
        Packed packed = new Packed();
        long records = 0;
        try (LineReader reader = LineReader.open(file, MAX_LINE_BYTES)) {
            while (reader.next()) {
                if (reader.isBlank()) {
                    continue;
                }
                byte[] buffer = reader.buffer();
                String key = host;
                if (key == null) {
                    key = HostNames.fromLine(Arrays.copyOfRange(buffer, reader.start(), reader.start() + reader.length()));
                }
                if (key == null) {
                    key = fileHost;
                }
                if (hosts.size() < 1000) {
                    hosts.add(key);
                }
                if (!packed.continues(key, reader.length())) {
                    sendPacked(packed);
                    packed.start(key, named.add(key) ? source : null);
                }
                packed.add(buffer, reader.start(), reader.length());
                records++;
            }
            sendPacked(packed);
            if (reader.inputError() != null) {
                return new Shipped(file, format, records, hosts, reader.inputError());
            }
        }
        return new Shipped(file, format, records, hosts, null);
    }

    private void sendPacked(Packed packed) {
        if (packed.key != null) {
            send(packed.key, packed.text.toByteArray(), packed.source);
            packed.key = null;
        }
    }

    /** The message being filled: consecutive lines of one host, separated by line breaks. */
    private static final class Packed {
        final ByteArrayOutputStream text = new ByteArrayOutputStream(MAX_PACKED_BYTES + 1024);
        String key;
        byte[] source;

        boolean continues(String host, int length) {
            return key != null && key.equals(host) && text.size() + 1 + length <= MAX_PACKED_BYTES;
        }

        void start(String host, byte[] source) {
            key = host;
            this.source = source;
            text.reset();
        }

        void add(byte[] buffer, int start, int length) {
            if (text.size() > 0) {
                text.write('\n');
            }
            text.write(buffer, start, length);
        }
    }

    /**
     * Sends one line of a host as one message, or several separated by line breaks (asynchronously; errors surface
     * at the next {@link #flush()}).
     *
     * @param source the file the line and the host's following lines come from, sent as header {@link
     *               FleetHeaders#SOURCE}; null on the lines after the first of a file
     */
    public void send(String host, byte[] line, byte[] source) {
        RecordHeaders headers = new RecordHeaders();
        if (source != null) {
            headers.add(FleetHeaders.SOURCE, source);
        }
        producer.send(new ProducerRecord<>(topic, null, null, host.getBytes(StandardCharsets.UTF_8), line, headers),
                (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    /** Waits until every line sent so far is written; fails if any was refused. */
    public void flush() throws IOException {
        producer.flush();
        rethrow();
    }

    private void rethrow() throws IOException {
        Exception e = failure.get();
        if (e != null) {
            throw new IOException("Kafka refused a line: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            producer.close();
        }
    }
}
