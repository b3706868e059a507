package io.ransomtrace.engine.profile;

/** What an allowlist entry does to a matching finding. */
public enum AllowlistEffect {
    /** The finding is kept, marked suppressed, and raises no alert. */
    SUPPRESS,
    /** The finding's severity is lowered to at most the entry's cap. */
    CAP_SEVERITY
}
