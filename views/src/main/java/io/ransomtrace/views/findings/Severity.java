package io.ransomtrace.views.findings;

import java.util.Locale;

/** How bad a finding is, most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** The CSS class of this severity's chip: {@code severity-critical} … */
    public String styleClass() {
        return "severity-" + name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Parses an engine severity name, case-insensitively; unknown names are INFO. */
    public static Severity parse(String s) {
        if (s == null) {
            return INFO;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return INFO;
        }
    }
}
