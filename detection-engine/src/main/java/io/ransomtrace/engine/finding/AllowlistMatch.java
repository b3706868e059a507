package io.ransomtrace.engine.finding;

/**
 * Why a finding was suppressed or had its severity capped by the allowlist.
 *
 * @param entryId         the allowlist entry's id
 * @param reason          the reason its author gave
 * @param author          who wrote the entry
 * @param originalSeverity the severity the detector computed before the allowlist applied
 */
public record AllowlistMatch(String entryId, String reason, String author, Severity originalSeverity) {
}
