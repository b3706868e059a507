package io.ransomtrace.views.tuning;

import io.ransomtrace.views.findings.FindingRow;

/** A finding present before and after a re-run whose severity moved. */
public record SeverityChange(FindingRow before, FindingRow after) {
    public boolean raised() {
        return after.severity().compareTo(before.severity()) > 0;
    }
}
