package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Chained to the Kafka source, before the exchange by host: gathers each host's consecutive lines into a
 * {@link LineBatch}, so what crosses to the detectors is a batch per host rather than a record per audit line.
 *
 * <p>It holds lines only briefly and never across a checkpoint, a watermark or the end of the input: every open
 * batch goes out before the checkpoint barrier (so the checkpointed source offsets never cover a line the
 * detectors have not been sent), before a watermark (a line is never held behind the time it belongs to), at the
 * end of the input, when it is full, and at the latest {@link #MAX_HOLD_MILLIS} after its first line. A host's
 * lines keep their order: a batch holds one host, one partition, one shipped file, and a host's batches go out in
 * the order they were started.
 */
final class LineBatcher extends AbstractStreamOperator<LineBatch>
        implements OneInputStreamOperator<AuditMessage, LineBatch>, BoundedOneInput, ProcessingTimeCallback {
    private static final long serialVersionUID = 1L;
    /** A batch goes out once it holds this many lines... */
    static final int MAX_LINES = 1024;
    /** ...or this much text (well under Flink's default 32 KB network buffers times a few). */
    static final int MAX_BYTES = 256 * 1024;
    /** Lines held over all hosts; beyond, every batch goes out. */
    static final int MAX_HELD_LINES = 8192;
    /** The longest a line waits in a batch: well below the checkpoint interval that commits its findings. */
    static final long MAX_HOLD_MILLIS = 50;

    /** Hosts held at once; beyond, every batch goes out. */
    static final int MAX_OPEN_BATCHES = 64;

    /** The batches being filled, in the order they were started (at most one per host). */
    private transient List<LineBatch> open;
    private transient int held;
    private transient boolean timerSet;

    @Override
    public void open() throws Exception {
        super.open();
        open = new ArrayList<>();
    }

    @Override
    public void processElement(StreamRecord<AuditMessage> record) {
        AuditMessage m = record.getValue();
        int i = indexOf(m.host);
        if (i >= 0 && !open.get(i).continues(m.partition, m.source)) {
            emit(open.remove(i));
            i = -1;
        }
        if (i < 0) {
            if (open.size() >= MAX_OPEN_BATCHES) {
                flush();
            }
            open.add(new LineBatch(m.host, m.partition, m.source, 64));
            i = open.size() - 1;
        }
        LineBatch b = open.get(i);
        b.add(m.line, m.eventMillis, m.ingestMillis, m.offset);
        held++;
        if (b.size() >= MAX_LINES || b.bytes() >= MAX_BYTES) {
            emit(open.remove(i));
        }
        if (held >= MAX_HELD_LINES) {
            flush();
        } else if (!timerSet && held > 0) {
            timerSet = true;
            getProcessingTimeService().registerTimer(
                    getProcessingTimeService().getCurrentProcessingTime() + MAX_HOLD_MILLIS, this);
        }
    }

    /** The open batch of a host: a partition's records come in runs of one host, so the newest is tried first. */
    private int indexOf(String host) {
        for (int i = open.size() - 1; i >= 0; i--) {
            String h = open.get(i).host;
            if (h == host || h.equals(host)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void onProcessingTime(long time) {
        timerSet = false;
        flush();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        flush();
        super.processWatermarkStatus(status);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput() {
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void flush() {
        for (LineBatch b : open) {
            emit(b);
        }
        open.clear();
        held = 0;
    }

    private void emit(LineBatch b) {
        held -= b.size();
        output.collect(new StreamRecord<>(b));
    }
}
