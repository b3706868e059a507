package io.ransomtrace.engine.process;

import io.ransomtrace.engine.model.FileOp;

/**
 * A file operation a command's arguments imply, held until it is due: if the host's log shows any file event
 * before then, the host logs file events and the real ones tell what happened, so it is dropped.
 *
 * @param op        the operation, carrying the command's exec event id, time and provenance (its evidence)
 * @param actor     the process it is attributed to (the command, or the find that ran it)
 * @param root      the campaign root of that process when the command started
 * @param dueMillis stream time from which it is applied
 */
public record ImpliedFileOp(FileOp op, ProcessInfo actor, ProcessInfo root, long dueMillis) {
}
