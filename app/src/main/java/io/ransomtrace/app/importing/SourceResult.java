package io.ransomtrace.app.importing;

import io.ransomtrace.importers.Format;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What became of one input file.
 *
 * @param sourceId    the source's id in the case, or null when nothing was stored (duplicate, unsupported)
 * @param recordsRead input records the importer read (0 when it did not finish)
 * @param message     for anything but a clean import: why, in words for the analyst
 */
public record SourceResult(Path path, Outcome outcome, Integer sourceId, Format format, long events, long errors,
                           long recordsRead, long bytes, Duration took, String message) {

    public enum Outcome {
        /** Read to the end and stored. */
        IMPORTED,
        /**
         * Read as far as the file goes, but the file itself ends early (truncated or damaged gzip): what was
         * readable is stored; importing it again gives the same.
         */
        PARTIAL,
        /** Stopped early (cancelled, unreadable part way, store failure); what was read is kept. */
        INTERRUPTED,
        /** Already in the case (same SHA-256): not imported again. */
        DUPLICATE,
        /** Not a format Ransomtrace reads. */
        UNSUPPORTED,
        /** Could not be opened or read at all. */
        UNREADABLE,
        /** Not started because the import was cancelled or stopped before it. */
        SKIPPED
    }

    /** How the result reads in a table: "imported", "partial", "already in the case", "not a recognised format"… */
    public String label() {
        return switch (outcome) {
            case IMPORTED -> "imported";
            case PARTIAL -> "partial";
            case INTERRUPTED -> "interrupted";
            case DUPLICATE -> "already in the case";
            case UNSUPPORTED -> "not a recognised format";
            case UNREADABLE -> "unreadable";
            case SKIPPED -> "skipped";
        };
    }

    public boolean ok() {
        return outcome == Outcome.IMPORTED || outcome == Outcome.DUPLICATE;
    }
}
