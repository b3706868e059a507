package io.ransomtrace.engine.recovery;

import java.time.Instant;

/**
 * An original file the campaign changed, as its file events show.
 *
 * @param path            the original path
 * @param newName         what it became (rename target, or the encrypted copy written beside it), or null
 * @param overwritten     true when its contents were written or truncated in place
 * @param deleted         true when it was deleted (or renamed over)
 * @param firstTime       when the campaign first changed it
 * @param changeEventId   the first event that changed it
 * @param deleteEventId   the event that deleted it, or -1
 */
public record ChangedFile(String path, String newName, boolean overwritten, boolean deleted, Instant firstTime,
                          long changeEventId, long deleteEventId) {
}
