package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

/**
 * Signal 6: X.suffix written and X deleted by the same campaign (in either order, within the pair window):
 * the original is gone and only the encrypted copy is left. Compression suffixes (.gz, .xz...) never pair.
 * Where a host audits execve but not file syscalls, the same shape is read from command lines: an encrypting
 * command naming X as input, then rm/unlink naming X.
 */
public final class DeleteAfterEncryptSignal extends Signal {
    private int pairs;
    private String example;
    private int inferred;
    private String inferredExample;
    private boolean fileTelemetry;

    public DeleteAfterEncryptSignal(SignalSettings settings) {
        super(settings);
    }

    public void paired(String originalPath) {
        pairs++;
        if (example == null) {
            example = originalPath;
        }
    }

    /**
     * From command lines alone: an encrypting command named X as input and a later rm/unlink named X. Used only
     * while the campaign has shown no file events (a host that audits execve but not file syscalls).
     */
    public void pairedByCommands(String originalPath) {
        inferred++;
        if (inferredExample == null) {
            inferredExample = originalPath;
        }
    }

    /** The campaign has file events: pairs come from them, not from command lines. */
    public void fileTelemetry() {
        fileTelemetry = true;
    }

    public boolean fromCommandLines() {
        return !fileTelemetry && inferred > 0;
    }

    public int pairs() {
        return fromCommandLines() ? inferred : pairs;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(pairs);
        w.writeString(example);
        w.writeInt(inferred);
        w.writeString(inferredExample);
        w.writeBoolean(fileTelemetry);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        pairs = r.readInt();
        example = r.readString();
        inferred = r.readInt();
        inferredExample = r.readString();
        fileTelemetry = r.readBoolean();
    }

    @Override
    public SignalKind kind() {
        return SignalKind.DELETE_AFTER_ENCRYPT;
    }

    @Override
    public int weight() {
        return settings.deleteWeight;
    }

    @Override
    public double value() {
        return pairs();
    }

    @Override
    public double threshold() {
        return settings.deleteThreshold;
    }

    @Override
    public double strength() {
        return SignalSettings.ramp(pairs(), settings.deleteThreshold, settings.deleteSaturation);
    }

    @Override
    public String describe() {
        if (fromCommandLines()) {
            return plural(inferred, "original", "originals") + " deleted by rm/unlink after an encrypting command named it as input"
                    + " (first: " + inferredExample + "); from command lines only — this lineage sent no file events; fires at "
                    + settings.deleteThreshold;
        }
        return plural(pairs, "original", "originals") + " deleted after a copy with a new suffix was written"
                + (example != null ? " (first: " + example + ")" : "") + "; fires at " + settings.deleteThreshold;
    }
}
