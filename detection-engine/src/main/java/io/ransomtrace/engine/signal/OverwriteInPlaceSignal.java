package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Signal 5: existing files overwritten where they lie — opened for writing without being created (never
 * O_APPEND) and not deleted afterwards — or destroyed by shred, dd from /dev/zero or /dev/urandom, or
 * truncate. A truncating rewrite (O_TRUNC, truncate(2)) is what builds do to stale outputs, so it counts only
 * when the same file is then renamed to a new suffix or its written content looks encrypted. Writes by copy tools (cp, rsync, package managers) replace content with other
 * legitimate content and are not counted. Also keeps the tallies that decide the finding's overwrite kind.
 */
public final class OverwriteInPlaceSignal extends Signal {
    private static final int MAX_LABELS = 8;
    private int inPlace;
    private int byTools;
    private int renameOnly;
    private Set<String> toolLabels = Set.of(); // a LinkedHashSet from the first tool on

    public OverwriteInPlaceSignal(SignalSettings settings) {
        super(settings);
    }

    /** An existing file was opened for writing in place. */
    public void overwritten() {
        inPlace++;
    }

    /** A file written in place was deleted afterwards: it was a temporary, not an overwritten original. */
    public void retracted() {
        if (inPlace > 0) {
            inPlace--;
        }
    }

    /** A destruction tool (shred, dd, truncate) was pointed at a file. */
    public void destroyedByTool(String label) {
        inPlace++;
        byTools++;
        if (toolLabels.isEmpty()) {
            toolLabels = new LinkedHashSet<>();
        }
        if (toolLabels.size() < MAX_LABELS) {
            toolLabels.add(label);
        }
    }

    /**
     * A file a destruction tool was pointed at was written again by the process that ran the tool: still a file
     * rewritten where it lies, no longer one a tool destroyed.
     */
    public void rewrittenByCaller() {
        if (byTools > 0) {
            byTools--;
        }
    }

    /** A file was renamed to a new suffix without being written in place (so far). */
    public void renamedOnly() {
        renameOnly++;
    }

    /** A renamed file was then written in place: it no longer counts as rename-only. */
    public void renamedThenWritten() {
        if (renameOnly > 0) {
            renameOnly--;
        }
    }

    public int inPlace() {
        return inPlace;
    }

    public int renameOnly() {
        return renameOnly;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(inPlace);
        w.writeInt(byTools);
        w.writeInt(renameOnly);
        w.writeStrings(toolLabels);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        inPlace = r.readInt();
        byTools = r.readInt();
        renameOnly = r.readInt();
        Set<String> read = r.readStrings(new LinkedHashSet<>());
        toolLabels = read.isEmpty() ? Set.of() : read;
    }

    @Override
    public SignalKind kind() {
        return SignalKind.OVERWRITE_IN_PLACE;
    }

    @Override
    public int weight() {
        return settings.overwriteWeight;
    }

    @Override
    public double value() {
        return inPlace;
    }

    @Override
    public double threshold() {
        return settings.overwriteThreshold;
    }

    @Override
    public double strength() {
        return SignalSettings.ramp(inPlace, settings.overwriteThreshold, settings.overwriteSaturation);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(plural(inPlace, "existing file", "existing files")).append(" overwritten in place and not deleted afterwards");
        if (byTools > 0) {
            sb.append(" (").append(byTools).append(" by ").append(String.join(", ", toolLabels)).append(")");
        }
        sb.append("; fires at ").append(settings.overwriteThreshold);
        return sb.toString();
    }
}
