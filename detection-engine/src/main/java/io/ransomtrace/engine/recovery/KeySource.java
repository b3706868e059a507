package io.ransomtrace.engine.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where an encrypting command took its key from, as its arguments (or the pipeline feeding it) show.
 *
 * @param kind     what kind of source
 * @param secret   the key material itself when the log shows it (a passphrase, or a hex key), else null
 * @param location what names the source when the secret is not in the log: a file path, an environment
 *                 variable, a file descriptor, a recipient; null otherwise
 * @param how      the argument it came from, in the tool's own words ({@code -pass pass:}, {@code -K},
 *                 {@code --passphrase-file}, {@code echo | -pass stdin})
 * @param eventId  the event whose arguments show it (the command itself, or the echo/printf/shell feeding it)
 */
public record KeySource(Kind kind, String secret, String location, String how, long eventId) {

    public enum Kind {
        /** a passphrase in the arguments (or echoed into the tool's standard input) */
        PASSPHRASE,
        /** a raw key (openssl -K hex, with -iv) */
        RAW_KEY,
        /** read from a file: seize the file */
        FILE,
        /** read from an environment variable of the attacker's process */
        ENVIRONMENT,
        /** read from standard input or another file descriptor that the log does not show */
        STREAM,
        /** typed at a prompt, or no key option at all */
        PROMPT,
        /** public-key encryption: the private key is needed, the command names the key file to seize */
        KEY_PAIR
    }

    /** True when the log shows the key itself: the files can be decrypted from the plan alone. */
    public boolean known() {
        return secret != null && (kind == Kind.PASSPHRASE || kind == Kind.RAW_KEY);
    }

    /** What to take from the host so that the key can be recovered, or null when nothing is named. */
    public String toSeize() {
        return switch (kind) {
            case FILE -> location;
            // a key file named on the host (openssl pkeyutl -inkey); a recipient's private key is the attacker's
            case KEY_PAIR -> location != null && location.startsWith("/") ? location : null;
            case ENVIRONMENT -> location == null ? null : "the environment variable " + location
                    + " of the attacker's session (look in the scripts, crontabs and shell profiles that set it)";
            default -> null;
        };
    }

    /**
     * The key as the window and the briefing show it: never the secret, only its kind, length and a short
     * fingerprint that tells two keys apart ({@code passphrase •••••••• (9 characters, sha256 1f0a9c3e)}).
     */
    public String masked() {
        return switch (kind) {
            case PASSPHRASE -> secret == null ? "passphrase (not in the log)"
                    : "passphrase " + dots(secret) + " (" + secret.length() + " characters, sha256 " + fingerprint(secret) + ")";
            case RAW_KEY -> secret == null ? "raw key (not in the log)"
                    : "raw key " + dots(secret) + " (" + secret.length() * 4 + "-bit hex key, sha256 " + fingerprint(secret) + ")";
            case FILE -> "key file " + location;
            case ENVIRONMENT -> "environment variable " + location;
            case STREAM -> "read from " + (location == null ? "standard input" : location) + " (not in the log)";
            case PROMPT -> "typed at a prompt (not in the log)";
            case KEY_PAIR -> "public-key encryption" + (location == null ? "" : " with " + location)
                    + " (the private key is needed)";
        };
    }

    private static String dots(String s) {
        return "•".repeat(Math.min(8, Math.max(4, s.length())));
    }

    /** First 8 hex digits of the secret's SHA-256: enough to tell keys apart, useless for guessing one. */
    public static String fingerprint(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
