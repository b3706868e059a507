package io.ransomtrace.e2e;

import io.ransomtrace.app.fleet.FleetFindings;
import io.ransomtrace.fleet.job.FindingJson;
import io.ransomtrace.fleet.job.FleetJobOptions;
import io.ransomtrace.fleet.job.FleetRunner;
import io.ransomtrace.fleet.kafka.EmbeddedKafka;
import io.ransomtrace.fleet.kafka.TopicReader;
import io.ransomtrace.fleet.ship.LogShipper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench reads the fleet job's findings topic: the job writes findings of two hosts into a real Kafka
 * topic (read_committed), and File → Open fleet findings…'s reader lists the same findings, most severe first.
 */
class FleetFindingsTopicE2ETest {

    @Test
    void theWorkbenchListsTheFindingsTheJobCommitted(@TempDir Path tmp) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(Map.of("audit", 2, "findings", 1));
            try (LogShipper shipper = new LogShipper(kafka.bootstrap(), "audit")) {
                shipper.ship(List.of(SampleCases.of("attack-xargs-openssl"), SampleCases.of("benign-rsync")), null);
            }
            FleetJobOptions o = new FleetJobOptions(kafka.bootstrap(), "audit", "findings", null, "e2e", true, null, null,
                    FleetJobOptions.DEFAULT_CONTEXT_LINES, "e2e", FleetJobOptions.DEFAULT_QUIET_SECONDS, -1);
            new FleetRunner(o, 1, Duration.ofMillis(300), tmp.toString(), null).run();

            List<FindingJson.FleetFinding> committed = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(kafka.bootstrap(), "findings")) {
                committed.add(FindingJson.readMessage(new String(r.value(), StandardCharsets.UTF_8)));
            }
            List<FleetFindings.FleetFinding> listed = FleetFindings.readTopic(kafka.bootstrap(), "findings",
                    Duration.ofSeconds(30), () -> false);

            assertThat(listed).hasSize(committed.size()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(listed).extracting(FleetFindings.FleetFinding::id)
                    .containsExactlyInAnyOrderElementsOf(committed.stream().map(FindingJson.FleetFinding::id).toList());
            FleetFindings.FleetFinding first = listed.get(0);
            assertThat(first.severity().label()).isEqualTo("high");
            assertThat(first.stream()).isEqualTo("app02.corp.example");
            assertThat(first.extract()).isNotEmpty();
            FindingJson.FleetFinding same = committed.stream().filter(c -> c.id().equals(first.id())).findFirst().orElseThrow();
            assertThat(first.title()).isEqualTo(same.title());
            assertThat(first.extract()).hasSize(same.extract().lines().size());
        }
    }
}
