package io.ransomtrace.importers.rules;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.ImportSink;
import io.ransomtrace.importers.ImportStats;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRulesImporterTest {

    private final List<Event> events = new ArrayList<>();
    private final List<QuarantinedRecord> quarantined = new ArrayList<>();
    private final ImportSink sink = new ImportSink() {
        @Override
        public void event(Event event) {
            events.add(event);
        }

        @Override
        public void quarantined(QuarantinedRecord record) {
            quarantined.add(record);
        }
    };

    @Test
    void auditctlListingBecomesOneRuleRecordPerRule(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fs01.rules");
        Files.writeString(file, """
                # host: fs01.corp.example
                -a always,exit -F arch=b64 -S execve -F key=exec
                -w /etc/ -p wa -k etc
                -b 8192
                this is not a rule
                """);
        ImportStats stats = new AuditRulesImporter().importSource(new SourceFile(4, file, Format.AUDIT_RULES), sink);
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e).isInstanceOf(OtherRecord.class);
            assertThat(((OtherRecord) e).type()).isEqualTo("AUDIT_RULE");
            assertThat(e.host()).isEqualTo("fs01.corp.example");
        });
        assertThat(((OtherRecord) events.get(1)).summary()).isEqualTo("-w /etc/ -p wa -k etc");
        assertThat(events.get(1).provenance().line()).isEqualTo(3);
        assertThat(quarantined).singleElement().satisfies(q -> {
            assertThat(q.line()).isEqualTo(5);
            assertThat(q.reason()).contains("not an audit rule");
        });
        assertThat(stats.recordsRead()).isEqualTo(5);
        assertThat(stats.invariantHolds()).isTrue();
        assertThat(stats.host()).isEqualTo("fs01.corp.example");
    }

    @Test
    void withoutAHostCommentTheRulesApplyToEveryHost(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("audit.rules");
        Files.writeString(file, "-D\n-a always,exit -F arch=b64 -S rename -k r\n");
        new AuditRulesImporter().importSource(new SourceFile(1, file, Format.AUDIT_RULES), sink);
        assertThat(events).singleElement().extracting(Event::host).isEqualTo(AuditRulesImporter.UNKNOWN_HOST);
    }

    @Test
    void sniffsRuleFilesButNotAuditLogs() {
        assertThat(AuditRulesImporter.looksLike("-D\n-b 8192\n-a always,exit -F arch=b64 -S execve\n")).isTrue();
        assertThat(AuditRulesImporter.looksLike("No rules\n")).isTrue();
        assertThat(AuditRulesImporter.looksLike("type=SYSCALL msg=audit(1.0:1): arch=c000003e\n")).isFalse();
    }
}
