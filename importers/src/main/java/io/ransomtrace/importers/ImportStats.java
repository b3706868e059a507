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
 * @param inputProblem       why the input ended before its end (a truncated or damaged gzip stream), or null when it
 *                           was read to its end; the records before that point were read as usual
 */
public record ImportStats(Format format, String host, long recordsRead, long recordsInEvents, long recordsOther,
                          long recordsQuarantined, long events, Map<String, Long> recordTypeCounts,
                          boolean cancelled, String inputProblem) {

    public ImportStats {
        recordTypeCounts = recordTypeCounts == null ? Map.of() : Map.copyOf(recordTypeCounts);
    }

    /** Stats of an input read to its end (or cancelled). */
    public ImportStats(Format format, String host, long recordsRead, long recordsInEvents, long recordsOther,
                       long recordsQuarantined, long events, Map<String, Long> recordTypeCounts, boolean cancelled) {
        this(format, host, recordsRead, recordsInEvents, recordsOther, recordsQuarantined, events, recordTypeCounts,
                cancelled, null);
    }

    public boolean invariantHolds() {
        return recordsRead == recordsInEvents + recordsOther + recordsQuarantined;
    }
}
