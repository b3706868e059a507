package io.ransomtrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ransomtrace.app.cli.RansomtraceCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan} of several hosts' logs and {@code import} + {@code analyze} of the same logs as one case run a detector
 * per host both ways: the analyst sees in the window (and its exports) exactly the findings the headless scan gave.
 */
class ScanMatchesAnalyzeE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCaseOfSeveralHostsGivesScansFindings(@TempDir Path tmp) throws IOException {
        // five hosts' logs, two of them sharing node fs01, benign and attack: more hosts than detector threads
        List<String> inputs = List.of(SampleCases.of("attack-openssl-find").toString(),
                SampleCases.of("attack-throttled").toString(), SampleCases.of("benign-git-clone").toString(),
                SampleCases.of("mixed-workday").toString(), SampleCases.of("attack-age").toString(),
                SampleCases.of("benign-make-build").toString(), SampleCases.of("attack-xargs-gpg-ssh").toString());
        Path scanJson = tmp.resolve("scan.json");
        List<String> scan = new ArrayList<>(List.of("scan", "-q", "--json", scanJson.toString()));
        scan.addAll(inputs);
        assertThat(RansomtraceCommand.run(scan.toArray(String[]::new))).isZero();

        Path caseFile = tmp.resolve("all.rtcase");
        List<String> importArgs = new ArrayList<>(List.of("import", "--quiet", "--case", caseFile.toString()));
        importArgs.addAll(inputs);
        assertThat(RansomtraceCommand.run(importArgs.toArray(String[]::new))).isZero();
        assertThat(RansomtraceCommand.run("analyze", "--case", caseFile.toString())).isZero();
        Path reportJson = tmp.resolve("report.json");
        assertThat(RansomtraceCommand.run("report", "--case", caseFile.toString(), "--format", "json",
                "--min-severity", "info", "--out", reportJson.toString())).isZero();

        JsonNode scanned = JSON.readTree(scanJson.toFile());
        assertThat(scanned.at("/summary/hosts").size()).isGreaterThan(4);
        List<String> want = comparable(scanned.get("findings"));
        List<String> got = comparable(JSON.readTree(reportJson.toFile()).get("findings"));
        assertThat(want).hasSizeGreaterThan(10);
        assertThat(want).filteredOn(f -> f.contains("\"severity\":\"critical\"")).hasSizeGreaterThan(3);
        assertThat(got).isEqualTo(want);
    }

    /**
     * Each finding's fields but those that number events (ids per input file in scan, per case in a case) or the
     * analyst's, in one order (scan lists findings as the detector closed them, a report most severe first).
     */
    private static List<String> comparable(JsonNode findings) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings) {
            ObjectNode copy = f.deepCopy();
            copy.remove(List.of("id", "evidence", "analyst"));
            out.add(copy.toString());
        }
        out.sort(null);
        return out;
    }
}
