package io.ransomtrace.fleet.job;

import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record of the input topic holds one line (audisp plugins, laurel, Auditbeat) or a run of a host's lines
 * separated by line breaks ({@code fleet ship}): either way the job gets each line on its own, with its own event
 * time, the record's host, offset and time, and the file's name on the first line only.
 */
class AuditMessageDeserializerTest {
    private static final String SYSCALL = "type=SYSCALL msg=audit(1764340000.125:7): arch=c000003e syscall=59 success=yes";
    private static final String EXECVE = "type=EXECVE msg=audit(1764340000.125:7): argc=1 a0=\"ls\"";
    private static final String EOE = "type=EOE msg=audit(1764340001.500:7): ";

    @Test
    void aRecordOfOneLineIsOneMessage() {
        List<AuditMessage> out = deserialize(record("fs01", SYSCALL, 41, "/var/log/audit/audit.log"));

        assertThat(out).hasSize(1);
        AuditMessage m = out.get(0);
        assertThat(text(m)).isEqualTo(SYSCALL);
        assertThat(m.host).isEqualTo("fs01");
        assertThat(m.offset).isEqualTo(41);
        assertThat(m.partition).isEqualTo(3);
        assertThat(m.ingestMillis).isEqualTo(1_764_340_002_000L);
        assertThat(m.eventMillis).isEqualTo(1_764_340_000_125L);
        assertThat(m.source).isEqualTo("/var/log/audit/audit.log");
    }

    @Test
    void aRecordOfSeveralLinesIsOneMessagePerLineInOrderWithTheFileNamedOnTheFirst() {
        List<AuditMessage> out = deserialize(record("fs01", SYSCALL + "\n" + EXECVE + "\n" + EOE, 42,
                "/var/log/audit/audit.log.1"));

        assertThat(out).extracting(AuditMessageDeserializerTest::text).containsExactly(SYSCALL, EXECVE, EOE);
        assertThat(out).extracting(m -> m.eventMillis)
                .containsExactly(1_764_340_000_125L, 1_764_340_000_125L, 1_764_340_001_500L);
        assertThat(out).extracting(m -> m.offset).containsOnly(42L);
        assertThat(out).extracting(m -> m.host).containsOnly("fs01");
        assertThat(out).extracting(m -> m.source).containsExactly("/var/log/audit/audit.log.1", null, null);
    }

    @Test
    void emptyLinesAndATrailingLineBreakGiveNoMessage() {
        List<AuditMessage> out = deserialize(record("fs01", "\n" + SYSCALL + "\n\n" + EOE + "\n", 7, null));

        assertThat(out).extracting(AuditMessageDeserializerTest::text).containsExactly(SYSCALL, EOE);
        assertThat(out).extracting(m -> m.source).containsOnlyNulls();
    }

    @Test
    void aLineKeepsItsBytesExactlyCarriageReturnAndAllAsALineOfItsOwnWould() {
        String crlf = SYSCALL + "\r";
        List<AuditMessage> packed = deserialize(record("fs01", crlf + "\n" + EOE, 1, null));
        List<AuditMessage> alone = deserialize(record("fs01", crlf, 1, null));

        assertThat(packed.get(0).line).isEqualTo(alone.get(0).line);
        assertThat(text(packed.get(0))).endsWith("\r");
    }

    private static List<AuditMessage> deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<AuditMessage> out = new ArrayList<>();
        new AuditMessageDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(AuditMessage m) {
                out.add(m);
            }

            @Override
            public void close() {
            }
        });
        return out;
    }

    private static ConsumerRecord<byte[], byte[]> record(String host, String value, long offset, String source) {
        RecordHeaders headers = new RecordHeaders();
        if (source != null) {
            headers.add(FleetHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        }
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>("audit", 3, offset, 1_764_340_002_000L, TimestampType.CREATE_TIME, -1, v.length,
                host.getBytes(StandardCharsets.UTF_8), v, headers, Optional.empty());
    }

    private static String text(AuditMessage m) {
        return new String(m.line, StandardCharsets.UTF_8);
    }
}
