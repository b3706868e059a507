package io.ransomtrace.app.importing;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A snapshot of a running import, for a progress bar or a progress line.
 *
 * @param phase           what the import is doing
 * @param sourceIndex     1-based index of the file being imported
 * @param sourceCount     number of files in this import
 * @param source          the file being imported
 * @param bytesRead       bytes of all files read so far (compressed bytes for .gz)
 * @param totalBytes      size of all files together
 * @param events          events stored so far in this import
 * @param errors          records quarantined so far in this import
 * @param eventsPerSecond events per second since the import started
 * @param elapsed         time since the import started
 */
public record ImportProgress(Phase phase, int sourceIndex, int sourceCount, Path source, long bytesRead,
                             long totalBytes, long events, long errors, double eventsPerSecond, Duration elapsed) {

    public enum Phase {
        /** Checking whether a file is already in the case, telling its format. */
        CHECKING,
        /** Reading and storing events. */
        IMPORTING,
        /** Building the case's indexes after the load (can take a few seconds on large imports). */
        INDEXING,
        DONE
    }

    /** Share of all input bytes read, 0..100. */
    public double percent() {
        return totalBytes <= 0 ? 100.0 : Math.min(100.0, 100.0 * bytesRead / totalBytes);
    }
}
