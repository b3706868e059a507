package io.ransomtrace.app.campaign;

import io.ransomtrace.engine.finding.Finding;
import io.ransomtrace.engine.finding.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Which findings an export or a recovery plan is about: the analyst's choice, or every one above a floor. */
public final class FindingSelection {

    private FindingSelection() {
    }

    /**
     * The findings named by id, or (no id given) every unsuppressed finding at or above {@code minSeverity}; most
     * severe first.
     *
     * @throws IllegalArgumentException when an id names no finding
     */
    public static List<Finding> choose(List<Finding> all, List<String> findingIds, Severity minSeverity) {
        List<Finding> out = new ArrayList<>();
        if (!findingIds.isEmpty()) {
            Set<String> ids = Set.copyOf(findingIds);
            for (Finding f : all) {
                if (ids.contains(f.id())) {
                    out.add(f);
                }
            }
            Set<String> found = Set.copyOf(out.stream().map(Finding::id).toList());
            for (String id : findingIds) {
                if (!found.contains(id)) {
                    throw new IllegalArgumentException("no finding with id " + id + " in this case");
                }
            }
        } else {
            for (Finding f : all) {
                if (!f.suppressed() && f.severity().atLeast(minSeverity)) {
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Comparator.comparingInt(Finding::score).reversed())
                .thenComparing(Finding::firstSeen, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }
}
