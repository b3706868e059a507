package io.ransomtrace.views.tuning;

import io.ransomtrace.views.findings.FindingRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a threshold change did to the findings, matched by finding id: added, removed, and changed (severity,
 * score or fired signals; {@code severityChanged} are those whose severity moved).
 */
public record FindingsDiff(List<FindingRow> added, List<FindingRow> removed, List<SeverityChange> severityChanged,
                           List<FindingChange> changed) {
    public FindingsDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        severityChanged = List.copyOf(severityChanged);
        changed = List.copyOf(changed);
    }

    public static final FindingsDiff NONE = new FindingsDiff(List.of(), List.of(), List.of(), List.of());

    public static FindingsDiff between(List<FindingRow> before, List<FindingRow> after) {
        Map<String, FindingRow> old = new LinkedHashMap<>();
        for (FindingRow f : before) {
            old.put(f.id(), f);
        }
        List<FindingRow> added = new ArrayList<>();
        List<SeverityChange> severities = new ArrayList<>();
        List<FindingChange> changed = new ArrayList<>();
        Map<String, FindingRow> now = new LinkedHashMap<>();
        for (FindingRow f : after) {
            now.put(f.id(), f);
            FindingRow was = old.get(f.id());
            if (was == null) {
                added.add(f);
                continue;
            }
            FindingChange c = new FindingChange(was, f);
            if (c.any()) {
                changed.add(c);
            }
            if (c.severityChanged()) {
                severities.add(new SeverityChange(was, f));
            }
        }
        List<FindingRow> removed = before.stream().filter(f -> !now.containsKey(f.id())).toList();
        return new FindingsDiff(added, removed, severities, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** "+2 added, −1 removed, 3 severity changed, 1 score changed" or "No change in findings". */
    public String summary() {
        if (isEmpty()) {
            return "No change in findings";
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("+" + added.size() + " added");
        }
        if (!removed.isEmpty()) {
            parts.add("−" + removed.size() + " removed");
        }
        if (!severityChanged.isEmpty()) {
            parts.add(severityChanged.size() + " severity changed");
        }
        long otherwise = changed.stream().filter(c -> !c.severityChanged()).count();
        if (otherwise > 0) {
            parts.add(otherwise + (otherwise == 1 ? " score or signals changed" : " scores or signals changed"));
        }
        return String.join(", ", parts);
    }
}
