package io.ransomtrace.engine.signal;

/**
 * Signal 6: X.suffix written and X deleted by the same campaign (in either order, within the pair window):
 * the original is gone and only the encrypted copy is left. Compression suffixes (.gz, .xz...) never pair.
 */
public final class DeleteAfterEncryptSignal extends Signal {
    private int pairs;
    private String example;

    public DeleteAfterEncryptSignal(SignalSettings settings) {
        super(settings);
    }

    public void paired(String originalPath) {
        pairs++;
        if (example == null) {
            example = originalPath;
        }
    }

    public int pairs() {
        return pairs;
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
        return pairs;
    }

    @Override
    public double threshold() {
        return settings.deleteThreshold;
    }

    @Override
    public double strength() {
        return SignalSettings.ramp(pairs, settings.deleteThreshold, settings.deleteSaturation);
    }

    @Override
    public String describe() {
        return plural(pairs, "original", "originals") + " deleted after a copy with a new suffix was written"
                + (example != null ? " (first: " + example + ")" : "") + "; fires at " + settings.deleteThreshold;
    }
}
