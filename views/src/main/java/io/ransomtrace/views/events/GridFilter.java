package io.ransomtrace.views.events;

import java.time.Instant;
import java.util.Locale;

/**
 * What the analyst narrowed the events grid to, in the grid's terms (substrings of what a row shows, a pid
 * typed as text). Every field is optional (null or blank means "any"). A case store translates it into its own
 * query filter where SQL can say the same, and checks {@link #matches} for the rest.
 *
 * @param kind          exact event kind
 * @param pathContains  substring of the path or target path (case-insensitive)
 * @param process       an exact pid, or a substring of the executable path
 * @param quickText     substring of any text column (path, target, exe, kind, result, host, source)
 * @param from          events at or after this instant
 * @param to            events before this instant
 */
public record GridFilter(String kind, String pathContains, String process, String quickText, Instant from,
                         Instant to) {

    public static final GridFilter NONE = new GridFilter(null, null, null, null, null, null);

    public GridFilter withKind(String v) {
        return new GridFilter(blankToNull(v), pathContains, process, quickText, from, to);
    }

    public GridFilter withPathContains(String v) {
        return new GridFilter(kind, blankToNull(v), process, quickText, from, to);
    }

    public GridFilter withProcess(String v) {
        return new GridFilter(kind, pathContains, blankToNull(v), quickText, from, to);
    }

    public GridFilter withQuickText(String v) {
        return new GridFilter(kind, pathContains, process, blankToNull(v), from, to);
    }

    public GridFilter withTimeRange(Instant f, Instant t) {
        return new GridFilter(kind, pathContains, process, quickText, f, t);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The process filter as a pid, or -1 when it is an executable substring. */
    public int processPid() {
        if (process == null || !process.chars().allMatch(Character::isDigit) || process.length() > 9) {
            return -1;
        }
        return Integer.parseInt(process);
    }

    /** The same test a case store would run in SQL, for in-memory sources and tests. */
    public boolean matches(EventRow r) {
        if (kind != null && !kind.equalsIgnoreCase(r.kind())) {
            return false;
        }
        if (pathContains != null && !contains(r.path(), pathContains) && !contains(r.targetPath(), pathContains)) {
            return false;
        }
        if (process != null) {
            int pid = processPid();
            if (pid >= 0 ? r.pid() != pid : !contains(r.exe(), process)) {
                return false;
            }
        }
        if (quickText != null && !(contains(r.path(), quickText) || contains(r.targetPath(), quickText)
                || contains(r.exe(), quickText) || contains(r.kind(), quickText) || contains(r.result(), quickText)
                || contains(r.host(), quickText) || contains(r.source(), quickText))) {
            return false;
        }
        if (from != null && r.time().isBefore(from)) {
            return false;
        }
        return to == null || r.time().isBefore(to);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
