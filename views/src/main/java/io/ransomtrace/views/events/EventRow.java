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
 * @param user       the effective user the process ran as (name or "uid N"), or null
 * @param loginUser  the human behind it (audit login uid), or null when unset
 * @param processKey the process's key in the case (as the process tree names it), or null
 */
public record EventRow(long eventId, Instant time, String host, int pid, String exe, String kind, String path,
                       String targetPath, String result, String source, long line, String user, String loginUser,
                       String processKey) {

    /** An event without the who columns. */
    public EventRow(long eventId, Instant time, String host, int pid, String exe, String kind, String path,
                    String targetPath, String result, String source, long line) {
        this(eventId, time, host, pid, exe, kind, path, targetPath, result, source, line, null, null, null);
    }

    /** The position of this row in time order. */
    public EventKey key() {
        return new EventKey(time, eventId);
    }

    /** A call the kernel refused (an open, rename, exec… that returned an error): nothing changed. */
    public boolean failed() {
        return "failed".equals(result);
    }
}
