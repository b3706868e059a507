package io.ransomtrace.app.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.app.importing.Cancellation;
import io.ransomtrace.app.importing.ImportPipeline;
import io.ransomtrace.app.importing.ImportProgressListener;
import io.ransomtrace.app.importing.ImportSummary;
import io.ransomtrace.app.store.CaseStore;
import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.Sniffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet job's findings as the workbench reads them: a findings document written by {@code fleet local} (see
 * SOURCES.md beside it) or the topic's records one per line; a finding's extract becomes a log the importers read
 * into a case.
 */
class FleetFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture() throws URISyntaxException {
        return Path.of(FleetFindingsTest.class.getResource("fleet-findings.json").toURI());
    }

    @Test
    void aFindingsDocumentListsEveryHostsFindingsMostSevereFirst() throws Exception {
        List<FleetFindings.FleetFinding> list = FleetFindings.readFile(fixture());
        assertThat(list).extracting(FleetFindings.FleetFinding::stream)
                .containsExactly("app02.corp.example", "backup01.corp.example");
        FleetFindings.FleetFinding attack = list.get(0);
        assertThat(attack.severity()).isEqualTo(Severity.HIGH);
        assertThat(attack.title()).startsWith("Mass encryption by bash (root) on app02.corp.example: 71 files");
        assertThat(attack.rootCommand()).isEqualTo("bash /var/tmp/.font-cache/crypt.sh");
        assertThat(attack.firedSignals()).isNotEmpty();
        assertThat(attack.extract()).hasSize(256);
        assertThat(attack.extract().get(0).text()).startsWith("node=app02.corp.example type=");
        assertThat(attack.extractIsEcs()).isFalse();
        assertThat(list.get(1).extract()).isEmpty();
    }

    @Test
    void theTopicsRecordsOnePerLineReadTheSame(@TempDir Path tmp) throws Exception {
        List<String> lines = new ArrayList<>();
        for (var f : JSON.readTree(fixture().toFile()).get("findings")) {
            ObjectNode message = JSON.createObjectNode().put("schemaVersion", 1);
            message.setAll((ObjectNode) f);
            lines.add(JSON.writeValueAsString(message));
        }
        Path ndjson = tmp.resolve("findings.ndjson");
        Files.write(ndjson, lines);
        assertThat(FleetFindings.readFile(ndjson)).extracting(FleetFindings.FleetFinding::id)
                .isEqualTo(FleetFindings.readFile(fixture()).stream().map(FleetFindings.FleetFinding::id).toList());
    }

    @Test
    void aFileThatHoldsNoFindingsIsRefusedSayingWhere(@TempDir Path tmp) throws IOException {
        Path notFindings = tmp.resolve("x.ndjson");
        Files.writeString(notFindings, "{\"severity\":\"high\",\"title\":\"ok\"}\n{broken\n");
        assertThatThrownBy(() -> FleetFindings.readFile(notFindings)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
        Path doc = tmp.resolve("y.json");
        Files.writeString(doc, "{\n \"something\": []\n}\n");
        assertThatThrownBy(() -> FleetFindings.readFile(doc)).isInstanceOf(IOException.class)
                .hasMessageContaining("no \"findings\" list");
    }

    @Test
    void theExtractBecomesALogTheImportersReadIntoACase(@TempDir Path tmp) throws Exception {
        FleetFindings.FleetFinding attack = FleetFindings.readFile(fixture()).get(0);
        Path extract = FleetFindings.writeCaseInputs(attack, tmp.resolve("logs"));
        assertThat(extract.getFileName().toString()).endsWith("-extract.log");
        assertThat(Files.readAllLines(extract)).hasSize(256);
        assertThat(tmp.resolve("logs").resolve(extract.getFileName().toString().replace("-extract.log", "-fleet-finding.json")))
                .exists();
        assertThat(Sniffer.sniff(extract)).isEqualTo(Format.AUDITD_RAW);
        try (CaseStore store = CaseStore.create(tmp.resolve("c.rtcase"))) {
            ImportSummary s = new ImportPipeline().run(store, List.of(extract), ImportProgressListener.NONE, new Cancellation());
            assertThat(s.sources()).singleElement().satisfies(r -> assertThat(r.toString()).contains("events"));
            assertThat(store.queries().sources()).singleElement().satisfies(src -> assertThat(src.events()).isPositive());
        }
        assertThat(FleetFindings.caseFile(attack, tmp, ".rtcase").getFileName().toString())
                .isEqualTo("app02.corp.example-" + attack.id() + ".rtcase");
    }
}
