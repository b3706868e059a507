package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.snapshot.SnapshotReader;
import io.ransomtrace.engine.snapshot.SnapshotWriter;

import java.io.IOException;

/**
 * The recent-path tables every campaign shares (keys carry the campaign): about 8 MB in all, whatever the
 * input size. Pairs form within milliseconds in practice, so tens of thousands of slots are plenty.
 */
final class PathMemory {
    /** Files a campaign created (or renamed its own file to): writes to them are not in-place overwrites. */
    final RecentPathTable created = new RecentPathTable(16);
    /** X for every X.suffix a campaign created: a later delete of X pairs. Aux: the suffix's hash. */
    final RecentPathTable createdWithSuffix = new RecentPathTable(15);
    /** Files a campaign deleted: a later X.suffix creation pairs. */
    final RecentPathTable deleted = new RecentPathTable(15);
    /** Existing files a campaign wrote in place (or destroyed with a tool). */
    final RecentPathTable inPlace = new RecentPathTable(16);
    /** New names of files a campaign renamed to a new suffix. */
    final RecentPathTable renamedTo = new RecentPathTable(15);
    /** Inputs named by encrypting command lines (openssl -in X, gpg X): a later rm X pairs. */
    final RecentPathTable encryptedByCommand = new RecentPathTable(15);
    /** @param open whether a campaign (by serial) is still open: only its facts can matter again */
    void writeState(SnapshotWriter w, java.util.function.LongPredicate open) throws IOException {
        for (RecentPathTable t : tables()) {
            t.writeState(w, open);
        }
    }

    void readState(SnapshotReader r) throws IOException {
        for (RecentPathTable t : tables()) {
            t.readState(r);
        }
    }

    private RecentPathTable[] tables() {
        return new RecentPathTable[] {created, createdWithSuffix, deleted, inPlace, renamedTo, encryptedByCommand};
    }

    /** Scratch hashes of the current event's path (the detector is single-threaded). */
    final io.ransomtrace.engine.signal.PathHashes scratch = new io.ransomtrace.engine.signal.PathHashes();
}
