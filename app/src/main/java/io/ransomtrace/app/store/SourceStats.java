package io.ransomtrace.app.store;

import java.util.Map;

/**
 * What the importer said about a source it read, kept with the source when its import finishes.
 *
 * @param format           the format it was read as (an importer may refine the sniffed one), or null
 * @param host             the host the source describes (first one seen), or null
 * @param recordsRead      input records read (lines, JSON objects, XML events)
 * @param recordsInEvents  records that became part of a mapped event
 * @param recordsOther     records kept as other records
 * @param recordTypeCounts records per source record type (SYSCALL, EXECVE, USER_LOGIN …)
 */
public record SourceStats(String format, String host, long recordsRead, long recordsInEvents, long recordsOther,
                          Map<String, Long> recordTypeCounts) {

    public SourceStats {
        recordTypeCounts = recordTypeCounts == null ? Map.of() : Map.copyOf(recordTypeCounts);
    }
}
