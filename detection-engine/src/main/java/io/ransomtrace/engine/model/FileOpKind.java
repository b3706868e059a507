package io.ransomtrace.engine.model;

/** What a file operation did to the file system. */
public enum FileOpKind {
    /** A new file came into being (O_CREAT on a path that did not exist, creat, EDR "creation"). */
    CREATE,
    /** An existing file opened for writing (O_WRONLY/O_RDWR without creating it), or an EDR "modification". */
    WRITE,
    /** An existing file cut to a length (truncate/ftruncate, or O_TRUNC on open). */
    TRUNCATE,
    /** Renamed or moved: {@link FileOp#path()} is the old path, {@link FileOp#targetPath()} the new one. */
    RENAME,
    /** Unlinked. */
    DELETE,
    /** Permission bits changed. */
    CHMOD,
    /** Owner or group changed. */
    CHOWN,
    /** A hard or symbolic link created: {@link FileOp#path()} the link, {@link FileOp#targetPath()} its target. */
    LINK,
    /** A directory created. */
    MKDIR,
    /** A directory removed. */
    RMDIR;

    /** True for operations that change a file's contents or name, which is what encryption does. */
    public boolean modifies() {
        return this == CREATE || this == WRITE || this == TRUNCATE || this == RENAME || this == DELETE;
    }
}
