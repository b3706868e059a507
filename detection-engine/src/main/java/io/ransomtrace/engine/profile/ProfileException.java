package io.ransomtrace.engine.profile;

/**
 * A profile or allowlist that cannot be used. The message names the offending key and, for numbers, the
 * allowed range, so an analyst can fix the file without reading code.
 */
public final class ProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ProfileException(String key, String message) {
        super(key == null ? message : key + ": " + message);
        this.key = key;
    }

    public ProfileException(String key, String message, Throwable cause) {
        super(key == null ? message : key + ": " + message, cause);
        this.key = key;
    }

    /** The dotted key at fault (e.g. {@code signals.ransomNote.minDirectories}), or null for the whole file. */
    public String key() {
        return key;
    }
}
