package io.ransomtrace.fleet.ship;

import io.ransomtrace.fleet.job.FleetHeaders;
import io.ransomtrace.fleet.kafka.EmbeddedKafka;
import io.ransomtrace.fleet.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet ship} sends a file's consecutive lines of one host together, a message of at most 64 KB: each
 * host's messages, split at their line breaks, are that host's lines of the file in order, unchanged; the file's
 * name goes with each host's first message only.
 */
class LogShipperTest {
    @TempDir
    Path tmp;

    @Test
    void aFilesConsecutiveLinesOfAHostGoOutTogetherAndSplitBackIntoTheSameLines() throws Exception {
        // two hosts writing into one file (a forwarded log), in runs of a few lines, plus one run longer than a message
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        long serial = 1;
        for (int run = 0; run < 40; run++) {
            String node = run % 2 == 0 ? "fs01" : "web01";
            int length = run == 10 ? 1200 : 3 + run % 5;
            for (int i = 0; i < length; i++) {
                String line = "node=" + node + " type=SYSCALL msg=audit(1764340000." + String.format("%03d", i % 1000)
                        + ":" + serial++ + "): arch=c000003e syscall=257 success=yes exit=3 pid=" + (1000 + i)
                        + " comm=\"cp\" exe=\"/usr/bin/cp\"";
                lines.add(line);
                byHost.computeIfAbsent(node, k -> new ArrayList<>()).add(line);
            }
        }
        Path log = tmp.resolve("audit.log");
        Files.write(log, lines);

        List<ConsumerRecord<byte[], byte[]>> records;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(Map.of("lines", 2));
            try (LogShipper shipper = new LogShipper(kafka.bootstrap(), "lines")) {
                List<LogShipper.Shipped> shipped = shipper.ship(List.of(log), null);
                assertThat(shipped).singleElement().satisfies(s -> {
                    assertThat(s.records()).isEqualTo(lines.size());
                    assertThat(s.hosts()).containsExactly("fs01", "web01");
                });
            }
            records = TopicReader.readAll(kafka.bootstrap(), "lines");
        }

        assertThat(records.size()).isLessThan(lines.size() / 5);
        for (Map.Entry<String, List<String>> host : byHost.entrySet()) {
            List<ConsumerRecord<byte[], byte[]>> mine = records.stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(host.getKey()))
                    .sorted(Comparator.comparingLong(ConsumerRecord::offset)).toList();
            List<String> received = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : mine) {
                assertThat(r.value().length).isLessThanOrEqualTo(LogShipper.MAX_PACKED_BYTES);
                received.addAll(Arrays.asList(new String(r.value(), StandardCharsets.UTF_8).split("\n")));
            }
            assertThat(received).as(host.getKey()).isEqualTo(host.getValue());
            assertThat(mine).extracting(r -> source(r.headers().lastHeader(FleetHeaders.SOURCE)))
                    .as("the file's name on the host's first message only")
                    .containsExactlyElementsOf(named(mine.size(), log.toString()));
        }
    }

    private static String source(Header h) {
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<String> named(int messages, String file) {
        List<String> out = new ArrayList<>();
        out.add(file);
        for (int i = 1; i < messages; i++) {
            out.add(null);
        }
        return out;
    }
}
