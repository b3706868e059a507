package io.ransomtrace.importers.edr;

import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.Importer;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.csv.CsvImporter;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.osquery.OsqueryImporter;
import io.ransomtrace.importers.sysmon.SysmonImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Importers stop when the sink asks, with partial stats that still add up. */
class CancellationTest {

    @ParameterizedTest
    @CsvSource({"ecs/elastic-defend-attack.ndjson,ECS_NDJSON", "ecs/elastic-defend-array.json,ECS_NDJSON",
            "sysmon/syslog-sysmon.log,SYSMON_XML", "osquery/osqueryd.results.log,OSQUERY",
            "csv/kibana-defend-export.csv,CSV"})
    void stopsEarlyWhenCancelled(String resource, Format format) throws IOException {
        CollectingSink sink = new CollectingSink() {
            @Override
            public boolean cancelled() {
                return events.size() >= 5;
            }
        };
        Importer importer = switch (format) {
            case ECS_NDJSON -> new EcsImporter();
            case SYSMON_XML -> new SysmonImporter();
            case OSQUERY -> new OsqueryImporter();
            default -> new CsvImporter();
        };
        ImportStats stats = importer.importSource(new SourceFile(1, TestFiles.resource(resource), format), sink);

        assertThat(stats.cancelled()).isTrue();
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(sink.events).hasSizeBetween(5, 7);
        assertThat(stats.format()).isEqualTo(format);
    }
}
