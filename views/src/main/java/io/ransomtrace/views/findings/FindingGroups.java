package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.views.common.Plural;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a busy host's lower findings are folded: low and info findings of the same program run by the same user
 * (a daemon's bulk modifications: php-fpm, rsync, cron) become one row that expands to them. Findings at medium
 * and above are never folded.
 */
public final class FindingGroups {
    /** Ids of group rows start with this; no detector id does. */
    public static final String GROUP_PREFIX = "group:";

    /** One row of the list: a finding, or a group of lower findings with its members. */
    public record Entry(FindingRow row, List<FindingRow> members) {
        public Entry {
            members = List.copyOf(members);
        }

        public boolean isGroup() {
            return !members.isEmpty();
        }
    }

    private FindingGroups() {
    }

    public static boolean isGroup(FindingRow r) {
        return r != null && r.id().startsWith(GROUP_PREFIX);
    }

    /**
     * The rows to list: findings at medium and above as they are, lower ones of one program and user folded when
     * there are at least two of them.
     */
    public static List<Entry> of(List<FindingRow> findings) {
        Map<String, List<FindingRow>> lower = new LinkedHashMap<>();
        for (FindingRow f : findings) {
            if (!f.severity().atLeast(Severity.MEDIUM)) {
                lower.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (FindingRow f : findings) {
            if (f.severity().atLeast(Severity.MEDIUM)) {
                out.add(new Entry(f, List.of()));
                continue;
            }
            List<FindingRow> same = lower.get(key(f));
            if (same.size() == 1) {
                out.add(new Entry(f, List.of()));
            } else if (same.get(0) == f) {
                out.add(new Entry(groupRow(same), same));
            }
        }
        return out;
    }

    private static String key(FindingRow f) {
        return (f.program() == null ? "?" : f.program()) + "\u0000" + (f.user() == null ? "?" : f.user());
    }

    /** The group's own row: its most severe member's severity, summed files, the first alert of any. */
    static FindingRow groupRow(List<FindingRow> members) {
        FindingRow first = members.get(0);
        Severity worst = Severity.INFO;
        double score = 0;
        long files = 0;
        Instant alert = null;
        Map<Severity, Integer> bySeverity = new LinkedHashMap<>();
        for (FindingRow m : members) {
            worst = m.severity().compareTo(worst) > 0 ? m.severity() : worst;
            score = Math.max(score, m.score());
            files += m.filesAffected();
            if (m.firstAlert() != null && (alert == null || m.firstAlert().isBefore(alert))) {
                alert = m.firstAlert();
            }
            bySeverity.merge(m.severity(), 1, Integer::sum);
        }
        List<String> counts = new ArrayList<>();
        for (Severity s : SeverityChip.mostSevereFirst()) {
            if (bySeverity.containsKey(s)) {
                counts.add(bySeverity.get(s) + " " + s.label());
            }
        }
        String who = (first.program() == null ? "an unknown program" : first.program())
                + (first.user() == null ? "" : " (" + first.user() + ")");
        String title = Plural.of(members.size(), "lower finding") + " of " + who + ": " + String.join(", ", counts)
                + " — expand to list them";
        boolean allSuppressed = members.stream().allMatch(FindingRow::suppressed);
        return new FindingRow(GROUP_PREFIX + key(first), worst, score, title, common(members, FindingRow::host, "hosts"),
                common(members, FindingRow::rootCommand, "commands"), common(members, FindingRow::loginUser, "users"),
                files, alert, allSuppressed, allSuppressed ? first.suppressedWhy() : null, first.program(),
                first.user(), List.of());
    }

    private static String common(List<FindingRow> members, java.util.function.Function<FindingRow, String> field,
                                 String plural) {
        String v = field.apply(members.get(0));
        long distinct = members.stream().map(field).filter(Objects::nonNull).distinct().count();
        return distinct <= 1 ? v : distinct + " " + plural;
    }
}
