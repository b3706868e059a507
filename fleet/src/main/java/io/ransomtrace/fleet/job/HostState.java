package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;
import io.ransomtrace.engine.snapshot.DetectorSnapshot;
import io.ransomtrace.engine.snapshot.SnapshotBytes;
import io.ransomtrace.engine.snapshot.SnapshotFormatException;
import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;
import io.ransomtrace.importers.QuarantinedRecord;
import io.ransomtrace.importers.auditd.AuditdLineFeed;
import io.ransomtrace.importers.ecs.EcsLineFeed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the job keeps for one host stream: the event assembly of its audit lines (or ECS documents), its
 * detector, its recent lines and the extracts of alerted campaigns, and counters. Lives in Flink managed state
 * in a {@link HostCell}, live (objects in use) or frozen ({@link #toBytes()}: the bytes of a checkpoint).
 */
final class HostState implements AuditdLineFeed.Output {
    /** Version of the frozen layout (the detector's own part carries its own format version). */
    static final int LAYOUT_VERSION = 1;
    /** An event source id per input shape of a host: events of both kinds never share ids. */
    static final int AUDITD_SOURCE = 1;
    static final int ECS_SOURCE = 2;
    /** Extracts open at once per host (each alerted campaign has one until its finding is out). */
    static final int MAX_EXTRACTS = 8;
    /** Files a host's lines are attributed to in the summary (beyond, the last one takes the rest). */
    static final int MAX_SEGMENTS = 256;
    static final long NO_TIMER = Long.MIN_VALUE;

    /** Where a host's findings and unreadable lines go while a message or timer is processed. */
    interface Emitter {
        void finding(FindingJson.FleetFinding finding);

        void unreadable(String source, QuarantinedRecord record);
    }

    /** Per file the shipper named (header {@link FleetHeaders#SOURCE}): from which line on, and what it gave. */
    static final class Segment {
        final String source;
        final long firstLine;
        long records;
        long events;
        long errors;

        Segment(String source, long firstLine) {
            this.source = source;
            this.firstLine = firstLine;
        }
    }

    String key;
    long lines;
    long clock = EventTimes.UNKNOWN;
    long lastIngest;
    int partition;
    long timerAt = NO_TIMER;
    int timerStage;
    long linesAtTimer;
    /** The stage time an event-time timer found the host quiet at, waiting for the wall-clock check; or NO_TIMER. */
    long quietCandidate = NO_TIMER;
    /** Wall-clock time of the host's last line (or of the restore that brought its state back). */
    long lastArrivalWall;
    boolean endTimerSet;
    long events;
    long errors;
    final List<Segment> segments = new ArrayList<>();
    ContextLines context;
    final Map<String, Extract> extracts = new LinkedHashMap<>();
    Detector detector;
    AuditdLineFeed auditd;
    EcsLineFeed ecs;

    private transient Emitter emitter;
    private transient Profile profile;
    private transient Allowlist allowlist;

    static HostState fresh(String key, int contextLines, Profile profile, Allowlist allowlist) {
        HostState h = new HostState();
        h.key = key;
        h.context = new ContextLines(contextLines);
        h.profile = profile;
        h.allowlist = allowlist;
        return h;
    }

    /** A host's state from its frozen form ({@link #toBytes()}), with the job's profile and allowlist. */
    static HostState fromBytes(byte[] bytes, Profile profile, Allowlist allowlist) {
        HostState h = new HostState();
        h.profile = profile;
        h.allowlist = allowlist;
        try {
            h.read(new SnapshotReader(SnapshotBytes.input(bytes)));
        } catch (IOException e) {
            throw new IllegalStateException("the saved state of host stream '" + h.key + "' cannot be restored: "
                    + e.getMessage(), e);
        }
        return h;
    }

    /** The frozen form (bytes) of this state: what a checkpoint holds of the host. */
    byte[] toBytes() {
        SnapshotBytes.Output bytes = new SnapshotBytes.Output(64 * 1024);
        try (DataOutputStream out = bytes.data()) {
            write(new SnapshotWriter(out));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    void attach(Emitter emitter) {
        this.emitter = emitter;
    }

    /**
     * One shipped line of this host: kept for context, assembled into events, fed to the detector.
     *
     * @param bytes       the line as shipped, UTF-8, without line break
     * @param eventMillis its event time ({@link EventTimes#of}), or {@link EventTimes#UNKNOWN}
     * @param ingestMillis when Kafka took it
     * @param offset      its offset in {@code partition}
     * @param source      the file the shipper read it and the host's following lines from, or null: the same as before
     */
    void line(byte[] bytes, long eventMillis, long ingestMillis, int partition, long offset, String source) {
        lines++;
        this.partition = partition;
        lastIngest = ingestMillis;
        if (eventMillis != EventTimes.UNKNOWN && eventMillis > clock) {
            clock = eventMillis;
        }
        Segment segment = segment(source);
        segment.records++;
        ContextLines.Line line = new ContextLines.Line(lines, offset, bytes);
        context.add(line);
        for (Extract x : extracts.values()) {
            x.follow(line);
        }
        if (detector == null) {
            detector = new Detector(profile, allowlist, this::alerted);
        }
        if (isJson(bytes)) {
            if (ecs == null) {
                ecs = new EcsLineFeed(ECS_SOURCE, this);
            }
            ecs.line(new String(bytes, StandardCharsets.UTF_8), lines, offset);
        } else {
            if (auditd == null) {
                auditd = new AuditdLineFeed(AUDITD_SOURCE, this);
            }
            auditd.line(bytes, lines, offset);
        }
        emitClosed();
    }

    /**
     * The host has been quiet up to {@code millis} of its own time: events still waiting for records are handed
     * on and the detector's clock is advanced, which closes idle campaigns.
     */
    void quietUntil(long millis) {
        if (auditd != null) {
            auditd.flush();
        }
        if (detector != null) {
            detector.advanceTo(millis);
        }
        emitClosed();
    }

    /** End of the input (a bounded run, or a drained job): every finding is handed out. */
    /** @return what the detector's memory caps let go on this host (all zero when no detector ran) */
    io.ransomtrace.engine.Evictions endOfInput() {
        if (auditd != null) {
            auditd.flush();
        }
        io.ransomtrace.engine.Evictions evictions = new io.ransomtrace.engine.Evictions(0, 0, 0, 0, 0);
        if (detector != null) {
            List<Finding> rest = new ArrayList<>(detector.takeClosedFindings());
            rest.addAll(detector.finish());
            evictions = detector.evictions();
            detector = null; // a new one starts if the stream ever goes on
            for (Finding f : rest) {
                emit(f);
            }
        }
        return evictions;
    }

    @Override
    public void event(Event event) {
        events++;
        segmentOfLine(event.provenance() == null ? lines : event.provenance().line()).events++;
        detector.accept(event);
    }

    @Override
    public void quarantined(QuarantinedRecord record) {
        errors++;
        Segment s = segmentOfLine(record.line());
        s.errors++;
        emitter.unreadable(s.source, record);
    }

    /** A campaign reached the alert severity (or climbed higher): its extract starts with the lines so far. */
    private void alerted(Finding f) {
        if (f.suppressed() || extracts.containsKey(f.id())) {
            return;
        }
        if (extracts.size() >= MAX_EXTRACTS) {
            Iterator<Extract> it = extracts.values().iterator();
            it.next();
            it.remove(); // the oldest alerted campaign keeps its finding, without lines
        }
        extracts.put(f.id(), new Extract(context.lines()));
    }

    private void emitClosed() {
        if (detector == null) {
            return;
        }
        for (Finding f : detector.takeClosedFindings()) {
            emit(f);
        }
    }

    private void emit(Finding f) {
        Extract x = extracts.remove(f.id());
        emitter.finding(FindingJson.of(f, key, x == null ? null : x.json(partition)));
    }

    /** The file a line belongs to: a line without a source continues the file named last ({@link FleetHeaders#SOURCE}). */
    private Segment segment(String source) {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && (source == null || source.equals(last.source))) {
            return last;
        }
        if (last != null && segments.size() >= MAX_SEGMENTS) {
            return last;
        }
        Segment s = new Segment(source, lines);
        segments.add(s);
        return s;
    }

    private Segment segmentOfLine(long line) {
        for (int i = segments.size() - 1; i > 0; i--) {
            if (segments.get(i).firstLine <= line) {
                return segments.get(i);
            }
        }
        return segments.get(0);
    }

    static boolean isJson(byte[] line) {
        for (byte b : line) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    // ---- frozen layout ----

    private void write(SnapshotWriter w) throws IOException {
        w.writeInt(LAYOUT_VERSION);
        w.writeString(key);
        w.writeLong(lines);
        w.writeLong(clock);
        w.writeLong(lastIngest);
        w.writeInt(partition);
        w.writeLong(timerAt);
        w.writeInt(timerStage);
        w.writeLong(linesAtTimer);
        w.writeLong(quietCandidate);
        w.writeLong(lastArrivalWall);
        w.writeBoolean(endTimerSet);
        w.writeLong(events);
        w.writeLong(errors);
        w.writeInt(segments.size());
        for (Segment s : segments) {
            w.writeString(s.source);
            w.writeLong(s.firstLine);
            w.writeLong(s.records);
            w.writeLong(s.events);
            w.writeLong(s.errors);
        }
        context.writeState(w);
        w.writeInt(extracts.size());
        for (Map.Entry<String, Extract> e : extracts.entrySet()) {
            w.writeString(e.getKey());
            e.getValue().writeState(w);
        }
        w.writeBoolean(detector != null);
        if (detector != null) {
            w.writeBytes(DetectorSnapshot.toBytes(detector, profile));
        }
        w.writeBoolean(auditd != null);
        if (auditd != null) {
            auditd.writeState(w);
        }
        w.writeBoolean(ecs != null);
        if (ecs != null) {
            w.writeLong(ecs.events());
            w.writeLong(ecs.recordsRead());
            w.writeLong(ecs.quarantined());
        }
    }

    private void read(SnapshotReader r) throws IOException {
        int version = r.readInt();
        if (version != LAYOUT_VERSION) {
            throw new SnapshotFormatException("host state of layout " + version + "; this build reads " + LAYOUT_VERSION);
        }
        key = r.readString();
        lines = r.readLong();
        clock = r.readLong();
        lastIngest = r.readLong();
        partition = r.readInt();
        timerAt = r.readLong();
        timerStage = r.readInt();
        linesAtTimer = r.readLong();
        quietCandidate = r.readLong();
        lastArrivalWall = r.readLong();
        endTimerSet = r.readBoolean();
        events = r.readLong();
        errors = r.readLong();
        int n = r.readLength();
        segments.clear();
        for (int i = 0; i < n; i++) {
            Segment s = new Segment(r.readString(), r.readLong());
            s.records = r.readLong();
            s.events = r.readLong();
            s.errors = r.readLong();
            segments.add(s);
        }
        context = ContextLines.readState(r);
        n = r.readLength();
        extracts.clear();
        for (int i = 0; i < n; i++) {
            extracts.put(r.readString(), Extract.readState(r));
        }
        detector = r.readBoolean()
                ? DetectorSnapshot.fromBytes(r.readBytes(), profile, allowlist, this::alerted) : null;
        if (r.readBoolean()) {
            auditd = new AuditdLineFeed(AUDITD_SOURCE, this);
            auditd.readState(r);
        }
        if (r.readBoolean()) {
            ecs = new EcsLineFeed(ECS_SOURCE, this);
            ecs.restore(r.readLong(), r.readLong(), r.readLong());
        }
    }
}
