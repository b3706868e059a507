package io.ransomtrace.app.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Turns the engine's string finding id into the long an annotation target needs. Finding ids are deterministic
 * (same campaign → same id), so the first 63 bits of their SHA-256 are too: tags and notes on a finding survive
 * re-runs and re-tuning.
 */
public final class FindingIds {

    private FindingIds() {
    }

    public static long annotationId(String findingId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(findingId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
