package io.ransomtrace.fleet.job;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batcher between the Kafka source and the detectors: a host's lines come out in their order, nothing is held
 * past a checkpoint barrier, a watermark, the end of the input or a short wait, and a batch never mixes hosts,
 * partitions or files. A batch crosses the exchange unchanged.
 */
class LineBatcherTest {
    private long offset;

    private AuditMessage line(String host, int partition, String source, String text) {
        return new AuditMessage(host, text.getBytes(StandardCharsets.UTF_8), offset * 1000, 5_000 + offset, partition,
                offset++, source);
    }

    private static OneInputStreamOperatorTestHarness<AuditMessage, LineBatch> harness() throws Exception {
        OneInputStreamOperatorTestHarness<AuditMessage, LineBatch> h =
                new OneInputStreamOperatorTestHarness<>(new LineBatcher());
        h.open();
        return h;
    }

    private static List<LineBatch> batches(OneInputStreamOperatorTestHarness<AuditMessage, LineBatch> h) {
        List<LineBatch> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                out.add((LineBatch) r.getValue());
            }
        }
        return out;
    }

    /** Each host's lines as the batches hand them on, in order. */
    private static Map<String, List<String>> linesByHost(List<LineBatch> batches) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (LineBatch b : batches) {
            for (int i = 0; i < b.size(); i++) {
                out.computeIfAbsent(b.host, k -> new ArrayList<>()).add(new String(b.line(i), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void interleavedHostsComeOutEachInItsOrderAtTheCheckpointBarrier() throws Exception {
        var h = harness();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            a.add("a" + i);
            h.processElement(new StreamRecord<>(line("fs01", 3, "/var/log/audit/audit.log", "a" + i)));
            if (i % 3 == 0) {
                b.add("b" + i);
                h.processElement(new StreamRecord<>(line("web02", 5, null, "b" + i)));
            }
        }
        assertThat(batches(h)).as("nothing goes out before a barrier, watermark or timeout").isEmpty();

        h.prepareSnapshotPreBarrier(1);

        assertThat(linesByHost(batches(h))).containsExactly(Map.entry("fs01", a), Map.entry("web02", b));
        assertThat(batches(h)).allSatisfy(x -> assertThat(x.size()).isLessThanOrEqualTo(LineBatcher.MAX_LINES));
        h.close();
    }

    @Test
    void heldLinesGoOutBeforeTheWatermarkThatFollowsThem() throws Exception {
        var h = harness();
        h.processElement(new StreamRecord<>(line("fs01", 0, null, "one")));
        h.processElement(new StreamRecord<>(line("fs01", 0, null, "two")));
        h.processWatermark(new Watermark(1_000));

        List<Object> out = new ArrayList<>(h.getOutput());
        assertThat(out).hasSize(2);
        assertThat(((StreamRecord<?>) out.get(0)).getValue()).isInstanceOf(LineBatch.class);
        assertThat(out.get(1)).isEqualTo(new Watermark(1_000));
        assertThat(linesByHost(batches(h))).containsExactly(Map.entry("fs01", List.of("one", "two")));
        h.close();
    }

    @Test
    void aQuietStreamsLinesGoOutAfterAShortWait() throws Exception {
        var h = harness();
        h.setProcessingTime(0);
        h.processElement(new StreamRecord<>(line("fs01", 0, null, "only line")));
        h.setProcessingTime(LineBatcher.MAX_HOLD_MILLIS - 1);
        assertThat(batches(h)).isEmpty();
        h.setProcessingTime(LineBatcher.MAX_HOLD_MILLIS);
        assertThat(linesByHost(batches(h))).containsExactly(Map.entry("fs01", List.of("only line")));
        h.close();
    }

    @Test
    void aFullBatchGoesOutAtOnceAndTheEndOfInputFlushesTheRest() throws Exception {
        var h = harness();
        for (int i = 0; i < LineBatcher.MAX_LINES + 10; i++) {
            h.processElement(new StreamRecord<>(line("fs01", 0, null, "l" + i)));
        }
        assertThat(batches(h)).hasSize(1);
        assertThat(batches(h).get(0).size()).isEqualTo(LineBatcher.MAX_LINES);
        h.endInput();
        assertThat(batches(h)).hasSize(2);
        assertThat(batches(h).get(1).size()).isEqualTo(10);
        h.close();
    }

    @Test
    void aNewFileOrPartitionStartsANewBatchAndALineWithoutSourceContinuesTheFile() throws Exception {
        var h = harness();
        h.processElement(new StreamRecord<>(line("fs01", 0, "audit.log.1", "old 1")));
        h.processElement(new StreamRecord<>(line("fs01", 0, null, "old 2")));
        h.processElement(new StreamRecord<>(line("fs01", 0, "audit.log", "new 1")));
        h.processElement(new StreamRecord<>(line("fs01", 0, null, "new 2")));
        h.processElement(new StreamRecord<>(line("fs01", 1, null, "moved")));
        h.prepareSnapshotPreBarrier(1);

        List<LineBatch> out = batches(h);
        assertThat(out).extracting(x -> x.source).containsExactly("audit.log.1", "audit.log", null);
        assertThat(out).extracting(x -> x.partition).containsExactly(0, 0, 1);
        assertThat(out).extracting(LineBatch::size).containsExactly(2, 2, 1);
        h.close();
    }

    @Test
    void aBatchCrossesTheExchangeUnchanged() throws Exception {
        LineBatch b = new LineBatch("höst-ü", 7, "/var/log/audit/audit.log", 1);
        b.add("type=SYSCALL msg=audit(1700000000.123:42): syscall=2".getBytes(StandardCharsets.UTF_8), 1_700_000_000_123L,
                1_700_000_001_000L, 991);
        b.add(new byte[0], EventTimes.UNKNOWN, 1_700_000_001_001L, 992);
        DataOutputSerializer out = new DataOutputSerializer(64);
        new LineBatchSerializer().serialize(b, out);
        LineBatch back = new LineBatchSerializer().deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.host).isEqualTo(b.host);
        assertThat(back.partition).isEqualTo(7);
        assertThat(back.source).isEqualTo(b.source);
        assertThat(back.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(back.line(i)).isEqualTo(b.line(i));
            assertThat(back.eventMillis(i)).isEqualTo(b.eventMillis(i));
            assertThat(back.ingestMillis(i)).isEqualTo(b.ingestMillis(i));
            assertThat(back.offset(i)).isEqualTo(b.offset(i));
        }
    }
}
