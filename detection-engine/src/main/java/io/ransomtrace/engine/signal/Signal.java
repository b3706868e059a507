package io.ransomtrace.engine.signal;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

/**
 * One measured signal of one campaign. Each subclass owns its counters, knows its threshold and writes the
 * sentence that explains its measurement. Reading a signal is cheap and allocation-free except
 * {@link #describe()}, which only runs when a finding is built.
 */
public abstract class Signal {
    protected final SignalSettings settings;

    protected Signal(SignalSettings settings) {
        this.settings = settings;
    }

    public abstract SignalKind kind();

    /** Points this signal is worth at full strength. */
    public abstract int weight();

    /** The measured value (files, runs, directories...). */
    public abstract double value();

    /** The value at which the signal fires. */
    public abstract double threshold();

    public boolean fired() {
        return value() >= threshold();
    }

    /** 0 when not fired, else 0.5..1 growing with volume (see {@link SignalSettings#ramp}). */
    public abstract double strength();

    public double contribution() {
        return fired() ? weight() * strength() : 0;
    }

    /** True when there is anything to report. */
    public boolean measured() {
        return value() > 0;
    }

    /** A sentence stating what was measured against which threshold. */
    public abstract String describe();

    /** Writes the measured state (not the settings) for a detector snapshot. */
    public abstract void writeState(SnapshotWriter w) throws IOException;

    /** Restores what {@link #writeState} wrote into this freshly made signal. */
    public abstract void readState(SnapshotReader r) throws IOException;

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String seconds(long millis) {
        long s = millis / 1000;
        if (s >= 3600 && s % 3600 == 0) {
            return (s / 3600) + " h";
        }
        if (s >= 60 && s % 60 == 0) {
            return (s / 60) + " min";
        }
        return s + " s";
    }
}
