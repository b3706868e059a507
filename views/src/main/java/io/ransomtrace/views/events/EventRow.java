package io.ransomtrace.views.events;

import java.time.Instant;

/**
 * One event as the grid shows it.
 *
 * @param kind       e.g. WRITE, RENAME, EXEC, EXIT, or an other-record type
 * @param targetPath new path of a rename, link target; null otherwise
 * @param result     "ok", "failed", an exit code…
 * @param source     the imported source (file name) the event came from
 * @param line       1-based line of the event's first record in that source
 */
public record EventRow(long eventId, Instant time, String host, int pid, String exe, String kind, String path,
                       String targetPath, String result, String source, long line) {

    /** The position of this row in time order. */
    public EventKey key() {
        return new EventKey(time, eventId);
    }
}
