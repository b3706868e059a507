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
    /**
     * Most campaigns change one or two files (a daemon's log, a job's cache file): their first times are kept in
     * a small array, and the two bucketed window counters are built only when a campaign changes more.
     */
    private static final int FIRST = 8;
    private long[] first = new long[2];
    private int firstCount;
    private SlidingCounter burst;
    private SlidingCounter slow;
    /** File operations taken from command lines because the host's log shows none of their kind (CommandFileOps). */
    private int fromCommandLines;

    public MassModificationSignal(SignalSettings settings) {
        super(settings);
    }

    /** A file this campaign had not changed before was changed at {@code millis}. */
    public void newFile(long millis) {
        if (burst == null) {
            if (firstCount < FIRST) {
                if (firstCount == first.length) {
                    first = java.util.Arrays.copyOf(first, FIRST);
                }
                first[firstCount++] = millis;
                return;
            }
            burst = new SlidingCounter(settings.massWindowMillis);
            slow = new SlidingCounter(settings.massSlowWindowMillis);
            for (int i = 0; i < firstCount; i++) {
                burst.add(first[i]);
                slow.add(first[i]);
            }
            first = null;
        }
        burst.add(millis);
        slow.add(millis);
    }

    /** One file operation was read from a command line, not from a file event (the analyst must know which). */
    public void fromCommandLine() {
        fromCommandLines++;
    }

    /** The highest count in the burst window so far (at most {@value #FIRST} before the counters exist). */
    private int burstPeak() {
        return burst != null ? burst.peak() : peakOfFirst(settings.massWindowMillis);
    }

    private int slowPeak() {
        return slow != null ? slow.peak() : peakOfFirst(settings.massSlowWindowMillis);
    }

    private int peakOfFirst(long window) {
        int best = 0;
        for (int i = 0; i < firstCount; i++) {
            int n = 0;
            for (int j = 0; j < firstCount; j++) {
                if (first[j] >= first[i] && first[j] - first[i] < window) {
                    n++;
                }
            }
            best = Math.max(best, n);
        }
        return best;
    }

    private boolean burstFired() {
        return burstPeak() >= settings.massThreshold;
    }

    private boolean slowFired() {
        return slowPeak() >= settings.massSlowThreshold;
    }

    private boolean reportSlow() {
        if (burstFired()) {
            return false;
        }
        return slowFired() || (double) slowPeak() / settings.massSlowThreshold > (double) burstPeak() / settings.massThreshold;
    }

    @Override
    public void writeState(SnapshotWriter w) throws IOException {
        w.writeInt(fromCommandLines);
        w.writeBoolean(burst != null);
        if (burst == null) {
            w.writeLongs(first, firstCount);
        } else {
            burst.writeState(w);
            slow.writeState(w);
        }
    }

    @Override
    public void readState(SnapshotReader r) throws IOException {
        fromCommandLines = r.readInt();
        if (!r.readBoolean()) {
            int n = r.readLength();
            if (n > FIRST) {
                throw new io.ransomtrace.engine.snapshot.SnapshotFormatException("corrupt snapshot: " + n
                        + " first file times, at most " + FIRST + " are kept");
            }
            first = new long[n <= 2 ? 2 : FIRST];
            for (int i = 0; i < n; i++) {
                first[i] = r.readLong();
            }
            firstCount = n;
            return;
        }
        first = null;
        firstCount = FIRST;
        burst = new SlidingCounter(settings.massWindowMillis);
        slow = new SlidingCounter(settings.massSlowWindowMillis);
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
        return reportSlow() ? slowPeak() : burstPeak();
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
        return Math.max(SignalSettings.ramp(burstPeak(), settings.massThreshold, settings.massSaturation),
                SignalSettings.ramp(slowPeak(), settings.massSlowThreshold, slowSaturation));
    }

    @Override
    public String describe() {
        return "up to " + plural(burstPeak(), "distinct file", "distinct files") + " changed within "
                + seconds(settings.massWindowMillis) + " (fires at " + settings.massThreshold + "); slow burn: "
                + slowPeak() + " within " + seconds(settings.massSlowWindowMillis) + " (fires at "
                + settings.massSlowThreshold + ")"
                + (fromCommandLines == 0 ? "" : "; " + plural(fromCommandLines, "file operation", "file operations")
                + " read from command lines (mv, cp, ccrypt, zip -m, find -delete…): the host's log shows no file events"
                + " of that kind");
    }
}
