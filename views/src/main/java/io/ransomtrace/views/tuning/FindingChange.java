package io.ransomtrace.views.tuning;

import io.ransomtrace.views.findings.FindingRow;
import io.ransomtrace.views.findings.SeverityChip;

import java.util.ArrayList;
import java.util.List;

/**
 * A finding present before and after a re-run whose severity, score or fired signals moved: what a tuning change
 * did to it, in words ("Critical → High, score 99 → 69, no longer fired: ransom-note").
 */
public record FindingChange(FindingRow before, FindingRow after) {

    public boolean severityChanged() {
        return before.severity() != after.severity();
    }

    public boolean scoreChanged() {
        return Math.round(before.score()) != Math.round(after.score());
    }

    /** Signals that fired before and do not count now. */
    public List<String> signalsLost() {
        return after.firedSignals().isEmpty() && before.firedSignals().isEmpty() ? List.of()
                : before.firedSignals().stream().filter(s -> !after.firedSignals().contains(s)).toList();
    }

    /** Signals that fire now and did not before. */
    public List<String> signalsGained() {
        return after.firedSignals().stream().filter(s -> !before.firedSignals().contains(s)).toList();
    }

    /** Whether anything the analyst sees changed. */
    public boolean any() {
        return severityChanged() || scoreChanged() || !signalsLost().isEmpty() || !signalsGained().isEmpty();
    }

    public boolean raised() {
        return after.severity().compareTo(before.severity()) > 0
                || !severityChanged() && after.score() > before.score();
    }

    /** "Critical → High, score 99 → 69, no longer fired: ransom-note". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (severityChanged()) {
            parts.add(SeverityChip.label(before.severity()) + " → " + SeverityChip.label(after.severity()));
        }
        if (scoreChanged()) {
            parts.add("score " + Math.round(before.score()) + " → " + Math.round(after.score()));
        }
        if (!signalsLost().isEmpty()) {
            parts.add("no longer fired: " + String.join(", ", signalsLost()));
        }
        if (!signalsGained().isEmpty()) {
            parts.add("now fired: " + String.join(", ", signalsGained()));
        }
        return String.join(", ", parts);
    }
}
