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
    private int archived;
    private String archivedExample;
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
     * An original the campaign had put into an encrypted archive (7z/zip/rar with a password, gpgtar, tar piped
     * into openssl or gpg) was deleted: only the encrypted archive holds it now.
     */
    public void archivedThenDeleted(String originalPath) {
        archived++;
        if (archivedExample == null) {
            archivedExample = originalPath;
        }
    }

    /** Originals deleted after going into an encrypted archive (from file events only). */
    public int archived() {
        return fromCommandLines() ? 0 : archived;
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
        w.writeInt(archived);
        w.writeString(archivedExample);
        w.writeInt(inferred);
        w.writeString(inferredExample);
        w.writeBoolean(fileTelemetry);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        pairs = r.readInt();
        example = r.readString();
        archived = r.readInt();
        archivedExample = r.readString();
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
        return pairs() + archived();
    }

    @Override
    public double threshold() {
        return settings.deleteThreshold;
    }

    @Override
    public double strength() {
        return SignalSettings.ramp(value(), settings.deleteThreshold, settings.deleteSaturation);
    }

    @Override
    public String describe() {
        if (fromCommandLines()) {
            return plural(inferred, "original", "originals") + " deleted by rm/unlink after an encrypting command named it as input"
                    + " (first: " + inferredExample + "); from command lines only — this lineage sent no file events; fires at "
                    + settings.deleteThreshold;
        }
        StringBuilder sb = new StringBuilder();
        if (pairs > 0 || archived == 0) {
            sb.append(plural(pairs, "original", "originals")).append(" deleted after a copy with a new suffix was written")
                    .append(example != null ? " (first: " + example + ")" : "");
        }
        if (archived > 0) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(plural(archived, "original", "originals"))
                    .append(" deleted after an encrypting archiver had read them (archived, then deleted; first: ")
                    .append(archivedExample).append(")");
        }
        return sb.append("; fires at ").append(settings.deleteThreshold).toString();
    }
}
