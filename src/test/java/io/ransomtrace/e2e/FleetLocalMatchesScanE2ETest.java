package io.ransomtrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.fleet.cli.FleetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ransomtrace fleet local} (Kafka and Flink in-process) and {@code ransomtrace scan} on the same recorded logs:
 * the same findings in the same JSON contract, field for field, and the fleet's findings carry the host lines
 * around them.
 */
class FleetLocalMatchesScanE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fleetLocalGivesScansFindingsInScansJsonContract(@TempDir Path tmp) throws IOException {
        // one log, a rotated set, a gzip file, two hosts sharing node fs01, benign and attack
        List<String> inputs = List.of(SampleCases.of("attack-openssl-find").toString(),
                SampleCases.of("attack-throttled").toString(), SampleCases.of("benign-git-clone").toString(),
                SampleCases.of("mixed-workday").toString(), SampleCases.of("attack-age").toString());
        Path scanJson = tmp.resolve("scan.json");
        Path fleetJson = tmp.resolve("fleet.json");
        List<String> scanArgs = new ArrayList<>(List.of("scan", "-q"));
        scanArgs.addAll(inputs);
        scanArgs.addAll(List.of("--json", scanJson.toString()));
        CliRun scan = CliRun.of(scanArgs.toArray(String[]::new));
        assertThat(scan.exitCode()).as(scan.err()).isZero();

        List<String> fleetArgs = new ArrayList<>(List.of("local"));
        fleetArgs.addAll(inputs);
        fleetArgs.addAll(List.of("--json", fleetJson.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine fleet = new CommandLine(new FleetCommand());
        fleet.setOut(new PrintWriter(out, true));
        fleet.setErr(new PrintWriter(err, true));
        assertThat(fleet.execute(fleetArgs.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Kafka broker started in this process", "Flink job ran to the end of the input",
                "CRITICAL");

        JsonNode s = JSON.readTree(scanJson.toFile());
        JsonNode f = JSON.readTree(fleetJson.toFile());
        assertThat(f.get("schemaVersion")).isEqualTo(s.get("schemaVersion"));
        assertThat(fieldNames(f.get("summary"))).isEqualTo(fieldNames(s.get("summary")));
        assertThat(f.at("/summary/inputs")).isEqualTo(s.at("/summary/inputs"));
        assertThat(f.at("/summary/events")).isEqualTo(s.at("/summary/events"));
        assertThat(f.at("/summary/hosts")).isEqualTo(s.at("/summary/hosts"));

        JsonNode sf = s.get("findings");
        JsonNode ff = f.get("findings");
        assertThat(ff.size()).isEqualTo(sf.size()).isGreaterThan(10);
        int attacks = 0;
        for (int i = 0; i < sf.size(); i++) {
            ObjectNode want = (ObjectNode) sf.get(i).deepCopy();
            ObjectNode got = (ObjectNode) ff.get(i).deepCopy();
            // the fleet adds two fields; the contract's fields come first, in the same order
            assertThat(fieldNames(got)).startsWith(fieldNames(want).toArray(String[]::new)).contains("stream", "extract");
            if (got.get("severity").asText().matches("high|critical")) {
                attacks++;
                assertThat(got.at("/extract/lines")).as("lines around %s", got.get("title")).isNotEmpty();
            }
            // event ids (hence finding ids and evidence) number the events per file in scan, per host stream in fleet
            for (ObjectNode n : List.of(want, got)) {
                n.remove(List.of("id", "evidence", "stream", "extract"));
            }
            assertThat(got).as("finding %d: %s", i, want.get("title")).isEqualTo(want);
        }
        assertThat(attacks).isEqualTo(4);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
