package io.ransomtrace.importers.transcode;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.auditd.AuditdImporter;
import io.ransomtrace.importers.auditd.AuditdLineFeed;
import io.ransomtrace.importers.ecs.EcsImporter;
import io.ransomtrace.importers.ecs.EcsLineFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ECS lines fed one at a time (as Auditbeat writes them to Kafka) give the events the NDJSON file importer gives. */
class EcsLineFeedTest {

    @TempDir
    Path tmp;

    @Test
    void theRecordedAttackAsEcsLinesGivesTheFileImportersEvents() throws IOException {
        CollectingSink audit = new CollectingSink();
        Path log = RecordedAttackInEveryFormatTestSupport.recordedLog();
        new AuditdImporter(Format.AUDITD_RAW).importSource(new SourceFile(1, log, Format.AUDITD_RAW), audit);
        List<String> lines = new ArrayList<>();
        for (Event e : audit.events) {
            lines.addAll(EcsTranscoder.toLines(e));
        }
        lines.add("{\"broken\": ");
        lines.add("[1, 2]");
        Path ndjson = tmp.resolve("attack.ndjson");
        Files.write(ndjson, lines, StandardCharsets.UTF_8);

        CollectingSink file = new CollectingSink();
        new EcsImporter().importSource(new SourceFile(4, ndjson, Format.ECS_NDJSON), file);

        List<Event> events = new ArrayList<>();
        List<QuarantinedRecord> quarantined = new ArrayList<>();
        EcsLineFeed feed = new EcsLineFeed(4, new AuditdLineFeed.Output() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void quarantined(QuarantinedRecord record) {
                quarantined.add(record);
            }
        });
        long offset = 0;
        for (int i = 0; i < lines.size(); i++) {
            feed.line(lines.get(i), i + 1, offset);
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        assertThat(events).hasSizeGreaterThan(1000).isEqualTo(file.events);
        assertThat(quarantined).hasSize(2).isEqualTo(file.quarantined);
        assertThat(feed.events()).isEqualTo(events.size());
    }
}
