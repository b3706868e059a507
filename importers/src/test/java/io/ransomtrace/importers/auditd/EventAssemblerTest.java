package io.ransomtrace.importers.auditd;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounded memory: events that never complete are handed on, never held forever, and nothing is dropped. */
class EventAssemblerTest {

    private final AuditLineParser parser = new AuditLineParser(ZoneOffset.UTC);
    private final List<List<AuditRecord>> out = new ArrayList<>();
    private long line;

    private AuditRecord rec(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, 0, b.length, ++line, 0);
    }

    @Test
    void eventsWithoutEoeAreFlushedAfterABoundedNumberOfRecordsInLogOrder() {
        EventAssembler a = new EventAssembler(out::add, 100, 1L << 30, 1000, 50);
        int maxPending = 0;
        for (int serial = 1; serial <= 10_000; serial++) {
            a.add(rec("type=SYSCALL msg=audit(1700000000.000:" + serial + "): syscall=2 pid=1"));
            maxPending = Math.max(maxPending, a.pendingEvents());
        }
        assertThat(maxPending).isLessThanOrEqualTo(51);
        assertThat(out.size()).isGreaterThanOrEqualTo(10_000 - 51);
        a.flushAll();
        assertThat(out).hasSize(10_000);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).get(0).serial).isEqualTo(i + 1);
        }
    }

    @Test
    void tooManyWaitingEventsOrTooManyBytesForceTheOldestOut() {
        EventAssembler byCount = new EventAssembler(out::add, 10, 1L << 30, 1000, 1_000_000);
        for (int serial = 1; serial <= 100; serial++) {
            byCount.add(rec("type=SYSCALL msg=audit(1700000000.000:" + serial + "): syscall=2"));
            assertThat(byCount.pendingEvents()).isLessThanOrEqualTo(10);
        }
        out.clear();
        EventAssembler byBytes = new EventAssembler(out::add, 1_000_000, 64 * 1024, 1000, 1_000_000);
        String big = "x".repeat(4000);
        for (int serial = 1; serial <= 200; serial++) {
            byBytes.add(rec("type=SYSCALL msg=audit(1700000000.000:" + serial + "): a=" + big));
        }
        assertThat(byBytes.pendingEvents()).isLessThan(20);
    }

    @Test
    void aRunawayEventIsCutAtTheRecordLimitAndTheRestIsReportedAsBeyondIt() {
        List<AuditRecord> beyond = new java.util.ArrayList<>();
        EventAssembler a = new EventAssembler(new EventAssembler.Listener() {
            @Override
            public void completed(List<AuditRecord> records) {
                out.add(records);
            }

            @Override
            public void beyondCap(AuditRecord record, int maxRecordsPerEvent) {
                beyond.add(record);
            }
        }, 100, 1L << 30, 500, 1_000_000);
        for (int i = 0; i < 1200; i++) {
            a.add(rec("type=PATH msg=audit(1700000000.000:7): item=" + i + " name=\"/x\""));
        }
        a.add(rec("type=SYSCALL msg=audit(1700000000.000:8): syscall=2"));
        a.flushAll();
        assertThat(out).extracting(List::size).containsExactly(500, 1);
        assertThat(beyond).hasSize(700).allSatisfy(r -> assertThat(r.serial).isEqualTo(7));
    }

    @Test
    void eoeCompletesAndAUserMessageEndsWhenAnotherEventBegins() {
        EventAssembler a = EventAssembler.withDefaults(out::add);
        a.add(rec("type=SYSCALL msg=audit(1700000000.000:1): syscall=2"));
        a.add(rec("type=EOE msg=audit(1700000000.000:1): "));
        assertThat(out).hasSize(1);
        a.add(rec("type=USER_LOGIN msg=audit(1700000000.000:2): pid=1 msg='op=login res=success'"));
        assertThat(out).hasSize(1);
        a.add(rec("type=SYSCALL msg=audit(1700000000.000:3): syscall=2"));
        assertThat(out).hasSize(2);
        assertThat(out.get(1).get(0).type).isEqualTo("USER_LOGIN");
        assertThat(a.pendingEvents()).isEqualTo(1);
    }
}
