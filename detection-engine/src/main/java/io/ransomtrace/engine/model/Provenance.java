package io.ransomtrace.engine.model;

/**
 * Where an event came from, so an analyst can go back to the raw evidence.
 *
 * @param sourceId   id of the imported source (file) within the case or scan
 * @param line       1-based line number of the event's first record in that source (for a JSON array or
 *                   pretty-printed XML: the line its element starts on)
 * @param byteOffset offset of that line in the decompressed source, in bytes
 * @param nativeId   the source's own identifier of the event, e.g. the audit serial {@code 1732788000.123:4567},
 *                   an ECS {@code event.id} or a Sysmon {@code EventRecordID}; null when the format has none
 */
public record Provenance(int sourceId, long line, long byteOffset, String nativeId) {
}
