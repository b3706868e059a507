package io.ransomtrace.importers.auditd;

import io.ransomtrace.importers.Sniffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our event count for every log recorded for the sample cases (real kernel audit output of this project's own
 * recordings, RAW and ENRICHED, plain, gzip-compressed and rotated) equals the number of events
 * {@code ausearch --raw -if FILE} reports, recorded by importers/scripts/record-ausearch-counts-recorded.sh.
 */
class RecordedCasesAusearchCountTest {

    @TestFactory
    Stream<DynamicTest> eventCountsMatchAusearch() throws IOException {
        Path root = repositoryRoot();
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RecordedCasesAusearchCountTest.class.getResourceAsStream("recorded-ausearch-counts.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] cols = line.split("\t");
                String file = cols[0];
                int ausearch = Integer.parseInt(cols[1].trim());
                tests.add(DynamicTest.dynamicTest(file, () -> {
                    Path log = root.resolve(file);
                    Imports imp = Imports.of(log, Sniffer.sniff(log));
                    assertThat(imp.stats.events()).as("events of %s (quarantined: %s)", file, imp.sink.quarantined)
                            .isEqualTo(ausearch);
                    assertThat(imp.stats.recordsQuarantined()).as("quarantined records of %s", file).isZero();
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(25);
        return tests.stream();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-cases/cases"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with sample-cases/cases above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
