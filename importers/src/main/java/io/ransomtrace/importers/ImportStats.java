package io.ransomtrace.importers;

import java.util.Map;

/**
 * What an importer read from one source. The invariant every importer keeps, and tests check:
 * {@code recordsRead == recordsInEvents + recordsOther + recordsQuarantined}.
 *
 * @param format             the format the source was read as
 * @param host               the host the source describes (first one seen), or null
 * @param recordsRead        input records read (lines for line formats, JSON objects, XML events)
 * @param recordsInEvents    records that became part of a mapped event (process exec/exit, file operation)
 * @param recordsOther       records of other types, counted and kept as {@code OtherRecord}s
 * @param recordsQuarantined records sent to quarantine
 * @param events             events emitted
 * @param recordTypeCounts   records per source record type (e.g. SYSCALL, EXECVE, USER_LOGIN)
 * @param cancelled          true when the import stopped early on request
 */
public record ImportStats(Format format, String host, long recordsRead, long recordsInEvents, long recordsOther,
                          long recordsQuarantined, long events, Map<String, Long> recordTypeCounts,
                          boolean cancelled) {

    public ImportStats {
        recordTypeCounts = recordTypeCounts == null ? Map.of() : Map.copyOf(recordTypeCounts);
    }

    public boolean invariantHolds() {
        return recordsRead == recordsInEvents + recordsOther + recordsQuarantined;
    }
}
