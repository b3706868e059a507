package io.ransomtrace.engine.snapshot;

import io.ransomtrace.engine.Detector;
import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.profile.Allowlist;
import io.ransomtrace.engine.profile.Profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Saves a running {@link Detector} and restores it, so that a stream processor can checkpoint one detector per
 * host and carry on after a failure with the findings an uninterrupted run gives. Pure Java
 * ({@link DataOutput}/{@link DataInput}), compact (numbers of variable length, repeated strings and shared
 * processes written once, empty slots of the path tables not at all).
 *
 * <p>Layout: magic {@code RTDS}, the format version, a fingerprint of the profile, then the detector's state.
 * A snapshot of another version or taken under another profile is refused with a
 * {@link SnapshotFormatException} saying which: thresholds and table sizes come from the profile, and state
 * measured under one profile means something else under another. Whoever changes what the detector keeps bumps
 * {@link #FORMAT_VERSION}; {@code DetectorSnapshotTest} and {@code SnapshotFieldCensusTest} fail until the
 * codec follows.
 */
public final class DetectorSnapshot {
    /**
     * Version of the layout written; 1 is the first, 2 adds the bounded state and early facts of the detection
     * rework, 3 the script rewrites, the impact directories, whether root acted and the final-scope note of a campaign, 6 the files a campaign deleted before it encrypted anything.
     */
    public static final int FORMAT_VERSION = 9;
    private static final int MAGIC = 0x52544453; // "RTDS"

    private DetectorSnapshot() {
    }

    public static void write(Detector detector, Profile profile, DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeShort(FORMAT_VERSION);
        out.writeLong(profileFingerprint(profile));
        detector.writeState(new SnapshotWriter(out));
    }

    /**
     * @param alerts told of early alerts from here on, as for {@link Detector#Detector(Profile, Allowlist, Consumer)}; may be null
     */
    public static Detector read(DataInput in, Profile profile, Allowlist allowlist, Consumer<Finding> alerts)
            throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new SnapshotFormatException("not a detector snapshot (magic " + Integer.toHexString(magic) + ")");
        }
        int version = in.readUnsignedShort();
        if (version != FORMAT_VERSION) {
            throw new SnapshotFormatException("detector snapshot of format " + version + "; this build reads format "
                    + FORMAT_VERSION + " only (start the detector afresh)");
        }
        long fingerprint = in.readLong();
        if (fingerprint != profileFingerprint(profile)) {
            throw new SnapshotFormatException("detector snapshot taken under another detection profile (fingerprint "
                    + Long.toHexString(fingerprint) + ", this profile " + Long.toHexString(profileFingerprint(profile))
                    + "); state measured under other thresholds cannot be carried over: start the detector afresh");
        }
        Detector d = new Detector(profile, allowlist, alerts);
        d.readState(new SnapshotReader(in));
        return d;
    }

    public static byte[] toBytes(Detector detector, Profile profile) {
        SnapshotBytes.Output bytes = new SnapshotBytes.Output(4096);
        try (DataOutputStream out = bytes.data()) {
            write(detector, profile, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    public static Detector fromBytes(byte[] snapshot, Profile profile, Allowlist allowlist, Consumer<Finding> alerts)
            throws IOException {
        return read(SnapshotBytes.input(snapshot), profile, allowlist, alerts);
    }

    /** A 64-bit hash of every profile value (FNV-1a over the profile's text form, which lists keys in schema order). */
    public static long profileFingerprint(Profile profile) {
        long h = 0xcbf29ce484222325L;
        for (byte b : profile.toString().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
