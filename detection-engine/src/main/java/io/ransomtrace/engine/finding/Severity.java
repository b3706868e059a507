package io.ransomtrace.engine.finding;

import java.util.Locale;

/** How urgently an analyst should look at a finding, lowest first so that {@code compareTo} orders by urgency. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used in profiles, allowlists and JSON ("high"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity min(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Parses a label such as "high" (case-insensitive); null when it names no severity. */
    public static Severity parse(String label) {
        if (label == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        return null;
    }
}
