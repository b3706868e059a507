package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signal 1: an encryption tool ran with encrypting arguments (openssl enc, gpg -c/-e, ccrypt, 7z a -p, zip -e,
 * rar -p, age -e, aescrypt -e, mcrypt) or a destruction tool ran over files (shred, dd from /dev/zero or
 * /dev/urandom, truncate). Decrypting, hashing, certificate and key-management runs never count:
 * {@link EncryptionCommandParser} reads each tool's own syntax. One run is context, not impact.
 */
public final class EncryptionToolSignal extends Signal {
    private static final int MAX_LABELS = 16;
    private int runs;
    private Map<String, Integer> labels = Map.of(); // a LinkedHashMap from the first run on

    public EncryptionToolSignal(SignalSettings settings) {
        super(settings);
    }

    public void record(ToolUse use) {
        if (!use.encrypts() && !use.destroys()) {
            return;
        }
        runs++;
        if (labels.isEmpty()) {
            labels = new LinkedHashMap<>();
        }
        if (labels.size() < MAX_LABELS || labels.containsKey(use.label())) {
            labels.merge(use.label(), 1, Integer::sum);
        }
    }

    /** A run recorded under {@code label} turned out to be no destruction (a shred its caller rewrote over). */
    public void retract(String label) {
        Integer n = labels.get(label);
        if (runs == 0 || n == null) {
            return;
        }
        runs--;
        if (n == 1) {
            labels.remove(label);
        } else {
            labels.put(label, n - 1);
        }
    }

    public int runs() {
        return runs;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(runs);
        w.writeInt(labels.size());
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
            w.writeString(e.getKey());
            w.writeInt(e.getValue());
        }
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        runs = r.readInt();
        int n = r.readLength();
        if (n > 0) {
            labels = new LinkedHashMap<>();
        }
        for (int i = 0; i < n; i++) {
            labels.put(r.readString(), r.readInt());
        }
    }

    @Override
    public SignalKind kind() {
        return SignalKind.ENCRYPTION_TOOL;
    }

    @Override
    public int weight() {
        return settings.toolWeight;
    }

    @Override
    public double value() {
        return runs;
    }

    @Override
    public double threshold() {
        return settings.toolThreshold;
    }

    @Override
    public double strength() {
        return SignalSettings.ramp(runs, settings.toolThreshold, settings.toolSaturation);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(plural(runs, "encrypting or destroying run", "encrypting or destroying runs")).append(" (");
        boolean first = true;
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(" ×").append(e.getValue());
            first = false;
        }
        sb.append("); fires at ").append(settings.toolThreshold);
        return sb.toString();
    }
}
