package io.ransomtrace.engine.model;

import java.time.Instant;

/**
 * Something a process did to a file.
 *
 * @param kind        what happened
 * @param path        absolute path (resolved against the process's working directory when the log had a
 *                    relative one); for a rename the old path
 * @param targetPath  the new path of a rename, the target of a link; null otherwise
 * @param openFlags   the open(2) flags when the operation was an open (see {@link OpenFlags}), else 0
 * @param mode        the new mode of a chmod or the creation mode, or -1
 * @param success     false when the system call failed: kept for the record, never counted as a modification
 * @param inode       inode number when known, else -1
 * @param contentHint content facts from an EDR, or null
 */
public record FileOp(long id, Instant time, String host, Actor actor, FileOpKind kind, String path,
                     String targetPath, int openFlags, int mode, boolean success, long inode,
                     ContentHint contentHint, Provenance provenance) implements Event {

    /** True when this operation changed file contents or names (a successful create/write/truncate/rename/delete). */
    public boolean modifies() {
        return success && kind.modifies();
    }
}
