package io.ransomtrace.importers.csv;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvMappingTest {

    @Test
    void builtInsLoadAndSurviveAYamlRoundTrip() throws Exception {
        assertThat(CsvMappings.builtIns()).extracting(CsvMapping::name)
                .containsExactly("kibana-ecs", "splunk-sysmon-linux", "defender-advanced-hunting",
                        "crowdstrike-falcon", "sentinelone-deep-visibility");
        assertThat(CsvMappings.builtIns().get(2).fileColumns()).containsEntry(CsvField.PID, "InitiatingProcessId");
        for (CsvMapping m : CsvMappings.builtIns()) {
            CsvMapping again = CsvMapping.load(new StringReader(m.toYaml()));
            assertThat(again).isEqualTo(m);
        }
    }

    @Test
    void savedMappingLoadsFromAFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        CsvMapping m = CsvMappings.builtIns().get(0);
        Path file = tmp.resolve("m.yaml");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            m.save(out);
        }
        assertThat(CsvMapping.load(file)).isEqualTo(m);
        assertThat(java.nio.file.Files.readString(file)).contains("command-line: process.command_line")
                .contains("rename: file-rename");
    }

    @Test
    void yamlMistakesAreListedInPlainWords() {
        CsvMappingException e = catchThrowableOfType(CsvMappingException.class, () -> CsvMapping.load(new StringReader("""
                name: broken
                delimiter: ";;"
                timestamp: {format: "yyyy-MM-dd HH:mm:ss", zone: Mars/Olympus}
                colums: {}
                columns: {timestamp: t, action: a, pidd: p}
                actions: {x: explode}
                file-columns: {pid: q, parent: r}
                """)));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "unknown key 'colums' (known: name, description, delimiter, timestamp, columns, actions, "
                        + "unmatched-action, file-columns)",
                "delimiter must be one character (or 'tab'), not ';;'",
                "unknown field 'parent' in file-columns (known: " + fieldKeys() + ")",
                "timestamp zone 'Mars/Olympus' is not a known time zone",
                e.problems().stream().filter(p -> p.startsWith("unknown field 'pidd' in columns (known: timestamp, action,"))
                        .findFirst().orElse("missing unknown-field message"),
                e.problems().stream().filter(p -> p.startsWith("action value 'x' maps to unknown operation 'explode'"))
                        .findFirst().orElse("missing unknown-operation message"));
        assertThat(catchThrowableOfType(CsvMappingException.class, () -> CsvMapping.load(new StringReader(
                "name: x\ncolumns: {timestamp: t}\ntimestamp: {format: \"yyyy-MM-dd {bad\"}\n"))).problems().get(0))
                .startsWith("timestamp format 'yyyy-MM-dd {bad' is not a valid pattern");
        assertThat(catchThrowableOfType(CsvMappingException.class, () -> CsvMapping.load(new StringReader("[1, 2]")))
                .problems()).containsExactly("a mapping must be a YAML map with name, columns and actions");
    }

    @Test
    void checkAgainstAHeaderSuggestsTheColumnMeant() {
        CsvMapping sysmon = CsvMappings.builtIns().get(1);
        CsvMappingCheck check = sysmon.check(List.of("_time", "host", "EventId", "ProcessID", "Imagee", "TargetFilename"));
        assertThat(check.fits()).as("case differences are accepted: %s", check).isTrue();
        assertThat(check.warnings()).contains("column 'Image' (for executable) is not in the header; did you mean 'Imagee'?");

        CsvMappingCheck bad = sysmon.check(List.of("time", "EventCode", "pid"));
        assertThat(bad.fits()).isFalse();
        assertThat(bad.errors()).contains(
                "column '_time' (for timestamp) is not in the header; did you mean 'time'?",
                "neither a pid nor a path column of the mapping is in the header, so no event could be built");
        assertThat(CsvMappings.bestFor(List.of("a;b;c"))).isEmpty();
    }

    @Test
    void anEditedBuiltInFitsAHeaderItDidNotFitBefore() throws Exception {
        List<String> header = List.of("ts", "EventID", "ProcessId", "Image", "TargetFilename");
        CsvMapping sysmon = CsvMappings.builtIns().get(1);
        assertThat(sysmon.check(header).fits()).isFalse();
        CsvMapping edited = sysmon.withColumn(CsvField.TIMESTAMP, "ts").withAction("2", CsvOperation.FILE_WRITE)
                .withColumn(CsvField.HOST, null).withSettings("my-sysmon", ',', "epoch-seconds", java.time.ZoneId.of("UTC"));
        assertThat(edited.check(header).fits()).isTrue();
        assertThat(edited.operationFor("2")).isEqualTo(CsvOperation.FILE_WRITE);
        assertThat(edited.column(CsvField.HOST)).isNull();
        assertThat(CsvMapping.load(new StringReader(edited.toYaml()))).isEqualTo(edited);
        assertThat(sysmon.column(CsvField.TIMESTAMP)).as("built-in unchanged").isEqualTo("_time");
    }

    @Test
    void actionValuesMatchExactlyThenIgnoringCase() {
        CsvMapping kibana = CsvMappings.builtIns().get(0);
        assertThat(kibana.operationFor("rename")).isEqualTo(CsvOperation.FILE_RENAME);
        assertThat(kibana.operationFor("Deletion")).isEqualTo(CsvOperation.FILE_DELETE);
        assertThat(kibana.operationFor("fork")).isEqualTo(CsvOperation.OTHER);
        assertThat(kibana.operationFor(null)).isEqualTo(CsvOperation.OTHER);
    }

    private static String fieldKeys() {
        return String.join(", ", java.util.Arrays.stream(CsvField.values()).map(CsvField::key).toList());
    }
}
