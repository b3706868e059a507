package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import io.ransomtrace.engine.model.ContentHint;

/**
 * Signal 8: content facts when the export carries them (EDRs such as Elastic Defend): writes whose entropy
 * looks like ciphertext, and files whose header or extension the EDR saw change. Compression is also
 * high-entropy, so this only adds confidence; it is not an impact signal.
 */
public final class ContentHintSignal extends Signal {
    private int highEntropy;
    private int headerChanges;

    public ContentHintSignal(SignalSettings settings) {
        super(settings);
    }

    public void observe(ContentHint hint, String path) {
        if (hint == null) {
            return;
        }
        if (hint.entropy() != null && hint.entropy() >= settings.contentEntropy) {
            highEntropy++;
        }
        String original = hint.originalExtension();
        if (original != null && !original.isEmpty()) {
            String o = original.startsWith(".") ? original : "." + original;
            if (!path.regionMatches(true, path.length() - o.length(), o, 0, o.length())) {
                headerChanges++;
            }
        }
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(highEntropy);
        w.writeInt(headerChanges);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        highEntropy = r.readInt();
        headerChanges = r.readInt();
    }

    @Override
    public SignalKind kind() {
        return SignalKind.CONTENT_HINT;
    }

    @Override
    public int weight() {
        return settings.contentWeight;
    }

    @Override
    public double value() {
        return highEntropy + headerChanges;
    }

    @Override
    public double threshold() {
        return settings.contentThreshold;
    }

    @Override
    public double strength() {
        return SignalSettings.ramp(value(), settings.contentThreshold, settings.contentThreshold * 10.0);
    }

    @Override
    public String describe() {
        return plural(highEntropy, "write", "writes") + " with entropy ≥ " + settings.contentEntropy + " bits/byte and "
                + plural(headerChanges, "file", "files") + " whose original extension changed; fires at "
                + settings.contentThreshold;
    }
}
