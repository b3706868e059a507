package io.ransomtrace.engine.model;

/**
 * What an EDR saw of a file's content, when it exports it (Elastic Defend's ransomware fields, for instance).
 * Any component may be null.
 *
 * @param entropy           Shannon entropy of the written data in bits per byte (0..8)
 * @param headerBytesHex    the first bytes of the file after the write, hex-encoded
 * @param originalExtension the extension before the operation, when the EDR reports it
 * @param textExcerpt       the beginning of a small text file's content (lets note content be matched)
 */
public record ContentHint(Double entropy, String headerBytesHex, String originalExtension, String textExcerpt) {
}
