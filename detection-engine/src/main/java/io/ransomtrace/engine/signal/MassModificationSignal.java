package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

/**
 * Signal 3: distinct files created, written, renamed, deleted or truncated by one lineage in a sliding
 * window, plus a slow-burn window so a throttled encryptor (one file every few seconds) still counts.
 * Only the first change of each file is counted, so rewriting one file many times is not mass modification.
 */
public final class MassModificationSignal extends Signal {
    private final SlidingCounter burst;
    private final SlidingCounter slow;

    public MassModificationSignal(SignalSettings settings) {
        super(settings);
        burst = new SlidingCounter(settings.massWindowMillis);
        slow = new SlidingCounter(settings.massSlowWindowMillis);
    }

    /** A file this campaign had not changed before was changed at {@code millis}. */
    public void newFile(long millis) {
        burst.add(millis);
        slow.add(millis);
    }

    private boolean burstFired() {
        return burst.peak() >= settings.massThreshold;
    }

    private boolean slowFired() {
        return slow.peak() >= settings.massSlowThreshold;
    }

    private boolean reportSlow() {
        if (burstFired()) {
            return false;
        }
        return slowFired() || (double) slow.peak() / settings.massSlowThreshold > (double) burst.peak() / settings.massThreshold;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        burst.writeState(w);
        slow.writeState(w);
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        burst.readState(r);
        slow.readState(r);
    }

    @Override
    public SignalKind kind() {
        return SignalKind.MASS_MODIFICATION;
    }

    @Override
    public int weight() {
        return settings.massWeight;
    }

    @Override
    public double value() {
        return reportSlow() ? slow.peak() : burst.peak();
    }

    @Override
    public double threshold() {
        return reportSlow() ? settings.massSlowThreshold : settings.massThreshold;
    }

    @Override
    public boolean fired() {
        return burstFired() || slowFired();
    }

    @Override
    public double strength() {
        double slowSaturation = (double) settings.massSlowThreshold * settings.massSaturation / settings.massThreshold;
        return Math.max(SignalSettings.ramp(burst.peak(), settings.massThreshold, settings.massSaturation),
                SignalSettings.ramp(slow.peak(), settings.massSlowThreshold, slowSaturation));
    }

    @Override
    public String describe() {
        return "up to " + plural(burst.peak(), "distinct file", "distinct files") + " changed within "
                + seconds(settings.massWindowMillis) + " (fires at " + settings.massThreshold + "); slow burn: "
                + slow.peak() + " within " + seconds(settings.massSlowWindowMillis) + " (fires at "
                + settings.massSlowThreshold + ")";
    }
}
