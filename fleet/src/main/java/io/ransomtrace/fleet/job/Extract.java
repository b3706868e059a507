package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw lines kept for one alerted campaign: the host's lines before its first alert (copied from
 * {@link ContextLines}) and the same number after it, so the finding carries the events around it.
 */
final class Extract {
    private final List<ContextLines.Line> lines;
    private int stillToTake;

    Extract(List<ContextLines.Line> before, int after) {
        this.lines = new ArrayList<>(before);
        this.stillToTake = after;
    }

    boolean following() {
        return stillToTake > 0;
    }

    void follow(ContextLines.Line line) {
        if (stillToTake > 0) {
            lines.add(line);
            stillToTake--;
        }
    }

    FindingJson.Extract json(int partition) {
        return new FindingJson.Extract(partition, lines.stream().map(ContextLines.Line::json).toList());
    }

    void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(stillToTake);
        ContextLines.writeLines(w, lines);
    }

    static Extract readState(SnapshotReader r) throws IOException {
        int still = r.readLength();
        return new Extract(ContextLines.readLines(r), still);
    }
}
