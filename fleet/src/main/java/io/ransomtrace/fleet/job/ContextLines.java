package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's most recent lines as shipped (a ring of fixed size): when a campaign first reaches the alert severity,
 * the lines that led to it are copied into its {@link Extract}.
 */
final class ContextLines {
    /** One shipped line: its number in the host's stream, its offset in the topic, its bytes. */
    record Line(long number, long offset, byte[] bytes) {
        FindingJson.ExtractLine json() {
            return new FindingJson.ExtractLine(number, offset, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private final Line[] ring;
    private int next;
    private int size;

    ContextLines(int capacity) {
        ring = new Line[Math.max(1, capacity)];
    }

    int capacity() {
        return ring.length;
    }

    void add(Line line) {
        ring[next] = line;
        next = (next + 1) % ring.length;
        if (size < ring.length) {
            size++;
        }
    }

    /** The lines held, oldest first. */
    List<Line> lines() {
        List<Line> out = new ArrayList<>(size);
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % ring.length]);
        }
        return out;
    }

    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(ring.length);
        writeLines(w, lines());
    }

    static ContextLines readState(SnapshotReader r) throws IOException {
        ContextLines c = new ContextLines(r.readLength());
        for (Line l : readLines(r)) {
            c.add(l);
        }
        return c;
    }

    static void writeLines(SnapshotWriter w, List<Line> lines) throws IOException {
        w.writeInt(lines.size());
        for (Line l : lines) {
            w.writeLong(l.number());
            w.writeLong(l.offset());
            w.writeBytes(l.bytes());
        }
    }

    static List<Line> readLines(SnapshotReader r) throws IOException {
        int n = r.readLength();
        List<Line> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Line(r.readLong(), r.readLong(), r.readBytes()));
        }
        return out;
    }
}
