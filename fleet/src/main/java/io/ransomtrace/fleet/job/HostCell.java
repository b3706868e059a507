package io.ransomtrace.fleet.job;

import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;

/**
 * The value Flink keeps for one host (written by {@link HostStateSerializer}): the host's live {@link HostState},
 * its frozen bytes, or both.
 *
 * <ul>
 *   <li>Read back from a checkpoint, a cell holds bytes only; the job thaws them on first use.</li>
 *   <li>A live cell remembers the bytes it was last written as until the job opens it again to change it. A
 *       checkpoint writes a host that did nothing since the previous one from those bytes instead of serialising
 *       its detector again: with many hosts, most say nothing between two checkpoints.</li>
 *   <li>The heap state backend snapshots asynchronously: when the job touches a host whose cell a running
 *       checkpoint still has to write, it asks for a {@link #copy()} and works on that. The copy takes over the
 *       live objects; this cell keeps only their bytes as of that moment, which the checkpoint then writes. So
 *       the job never changes objects a checkpoint may be reading, and no host is thawed for a copy.</li>
 *   <li>A host that did nothing through {@value #PARK_AFTER_UNCHANGED} checkpoints in a row is parked: it keeps
 *       its bytes only and drops its live objects (a detector with thousands of open campaigns weighs several
 *       times its bytes, and every full garbage collection walks it). It is thawed when it next speaks, as after
 *       a restore but without counting as activity.</li>
 * </ul>
 *
 * <p>Threads: the job's task thread opens and copies cells, Flink's snapshot thread asks a cell of a running
 * checkpoint for its bytes. The backend never lets the task open a cell such a checkpoint holds (it copies it
 * first), so the only overlap is a copy and the snapshot on the same cell: both take this cell's lock.
 */
final class HostCell {
    /** Checkpoints in a row that found the host unchanged before it is parked (it was idle that long at least). */
    static final int PARK_AFTER_UNCHANGED = 2;

    /** The host's objects in use, or null while it is frozen. */
    private HostState live;
    /** The frozen form: when {@code live} is null, the host; else {@code live} as it is now, or null once it may have changed. */
    private byte[] bytes;
    /** The bytes came from a checkpoint: thawing them counts as activity of the host (see {@link #open}). */
    private boolean restored;
    /** Checkpoints that wrote this live host from its remembered bytes since it last changed. */
    private int unchangedCheckpoints;

    private HostCell() {
    }

    /** A cell for a host the job just started. */
    static HostCell of(HostState live) {
        HostCell c = new HostCell();
        c.live = live;
        return c;
    }

    /** A cell read back from a checkpoint. */
    static HostCell restored(byte[] bytes) {
        HostCell c = new HostCell();
        c.bytes = bytes;
        c.restored = true;
        return c;
    }

    /**
     * The host's live state, thawed (once) with the job's profile and allowlist, for the job to change: its
     * remembered bytes are dropped. State read back from a checkpoint counts as activity now: a host that sent
     * lines before a failure is not quiet because the job was down.
     */
    synchronized HostState open(Profile profile, Allowlist allowlist, long nowWall) {
        if (live == null) {
            live = HostState.fromBytes(bytes, profile, allowlist);
            if (restored) {
                live.lastArrivalWall = nowWall;
            }
        }
        restored = false;
        bytes = null;
        unchangedCheckpoints = 0;
        return live;
    }

    /** The host's frozen form now: the remembered bytes, or its live state serialised (and remembered). */
    synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = live.toBytes();
            unchangedCheckpoints = 0;
        }
        return bytes;
    }

    /**
     * What a checkpoint writes of the host: {@link #bytes()}; a live host that this finds unchanged
     * {@value #PARK_AFTER_UNCHANGED} times in a row is parked (its live objects dropped).
     */
    synchronized byte[] checkpointBytes() {
        boolean unchanged = bytes != null;
        byte[] b = bytes();
        if (unchanged && live != null && ++unchangedCheckpoints >= PARK_AFTER_UNCHANGED) {
            live = null;
        }
        return b;
    }

    /** Whether the host is held as live objects (not frozen or parked). */
    synchronized boolean isLive() {
        return live != null;
    }

    /** Whether {@link #bytes()} is answered without serialising. */
    synchronized boolean hasBytes() {
        return bytes != null;
    }

    /**
     * A copy for the heap backend's copy-on-write: the copy goes on with the live objects (or shares the frozen
     * bytes, which nobody changes), and this cell keeps the host's bytes as of now for the checkpoint to write.
     */
    synchronized HostCell copy() {
        HostCell c = new HostCell();
        c.bytes = bytes();
        c.restored = restored;
        c.live = live;
        live = null;
        return c;
    }
}
