package io.ransomtrace.app.store;

/** A quarantined input record, as the import-errors table shows it. */
public record ImportErrorRow(long id, int sourceId, long line, long byteOffset, String reason, String rawText) {
}
