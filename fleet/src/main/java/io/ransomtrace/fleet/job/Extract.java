package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw lines kept for one alerted campaign: the host's lines before its first alert (copied from
 * {@link ContextLines}) and every line after it until the extract holds {@link #MAX_BYTES} of text, so the finding
 * carries the events around it: enough that a case built from the extract alone shows the attack going on.
 */
final class Extract {
    /**
     * Keeps a finding record under Kafka's default 1 MB message size, with room for JSON escaping (audit lines are
     * full of quotes) and the finding's own fields.
     */
    static final int MAX_BYTES = 640 * 1024;

    private final List<ContextLines.Line> lines;
    private int bytes;
    private boolean full;

    Extract(List<ContextLines.Line> before) {
        this.lines = new ArrayList<>(before);
        for (ContextLines.Line l : before) {
            bytes += l.bytes().length;
        }
    }

    private Extract(List<ContextLines.Line> lines, int bytes, boolean full) {
        this.lines = lines;
        this.bytes = bytes;
        this.full = full;
    }

    void follow(ContextLines.Line line) {
        if (!full && bytes + line.bytes().length <= MAX_BYTES) {
            lines.add(line);
            bytes += line.bytes().length;
        } else {
            full = true;
        }
    }

    FindingJson.Extract json(int partition) {
        return new FindingJson.Extract(partition, lines.stream().map(ContextLines.Line::json).toList());
    }

    void writeState(SnapshotWriter w) throws IOException {
        w.writeBoolean(full);
        ContextLines.writeLines(w, lines);
    }

    static Extract readState(SnapshotReader r) throws IOException {
        boolean full = r.readBoolean();
        List<ContextLines.Line> lines = ContextLines.readLines(r);
        int bytes = 0;
        for (ContextLines.Line l : lines) {
            bytes += l.bytes().length;
        }
        return new Extract(lines, bytes, full);
    }
}
