package io.ransomtrace.engine.finding;

/**
 * A pointer back to the raw evidence for a finding.
 *
 * @param eventId the event's id (see {@code EventId})
 * @param source  the source id within the case or scan, or -1 when unknown
 * @param line    1-based line of the event in that source, or -1 when unknown
 */
public record EvidenceRef(long eventId, int source, long line) {
}
