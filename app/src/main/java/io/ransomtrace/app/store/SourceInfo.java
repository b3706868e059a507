package io.ransomtrace.app.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One imported file as the case navigator shows it.
 *
 * @param bytesRead      how far into the file the import got (of {@code size})
 * @param lastLine       the last input line whose events or errors were committed
 * @param recordTypeCounts records per source record type, when the importer finished and reported them
 */
public record SourceInfo(int id, Path path, long size, String sha256, String format, String host,
                         Instant importedAt, SourceStatus status, String statusNote, long bytesRead,
                         long recordsRead, long recordsInEvents, long recordsOther, long events, long errors,
                         long lastLine, Instant firstEvent, Instant lastEvent, Map<String, Long> recordTypeCounts,
                         long importMillis) {

    public SourceInfo {
        recordTypeCounts = recordTypeCounts == null ? Map.of() : Map.copyOf(recordTypeCounts);
    }

    /** Share of the file's bytes the import got through, 0..1. */
    public double fractionRead() {
        return size <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / size);
    }
}
