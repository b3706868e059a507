package io.ransomtrace.importers;

/**
 * An input record that could not be turned into an event: kept, with where it was and why, so nothing
 * imported is lost and the analyst can see what was skipped.
 *
 * @param sourceId   the source it came from
 * @param line       1-based line number (0 when the problem concerns the whole file, e.g. a truncated gzip)
 * @param byteOffset byte offset of that line in the decompressed input
 * @param reason     why it was quarantined, in words an analyst understands
 * @param rawText    the raw text, capped at {@link #RAW_TEXT_CAP} characters (non-printable bytes escaped)
 */
public record QuarantinedRecord(int sourceId, long line, long byteOffset, String reason, String rawText) {

    public static final int RAW_TEXT_CAP = 4096;

    public QuarantinedRecord {
        if (rawText != null && rawText.length() > RAW_TEXT_CAP) {
            rawText = rawText.substring(0, RAW_TEXT_CAP) + "…[" + (rawText.length() - RAW_TEXT_CAP) + " more]";
        }
    }
}
