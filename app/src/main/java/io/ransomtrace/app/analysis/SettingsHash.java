package io.ransomtrace.app.analysis;

import io.ransomtrace.engine.profile.AllowlistEntry;
import io.ransomtrace.engine.profile.Parameter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what detection settings make the detector do: every profile parameter's value and every allowlist
 * entry. Equal settings give equal hashes however they were written (file order, comments, defaults spelled out).
 */
public final class SettingsHash {
    private SettingsHash() {
    }

    public static String of(DetectionSettings settings) {
        StringBuilder canonical = new StringBuilder(4096);
        for (Parameter p : settings.profile().parameters()) {
            canonical.append(p.key()).append('=').append(p.current()).append('\n');
        }
        for (AllowlistEntry e : settings.allowlist().entries()) {
            canonical.append("allow ").append(e).append('\n');
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "settings-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
