package io.ransomtrace.views.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the analyst narrowed the events grid to, in the grid's terms (substrings of what a row shows, a pid
 * typed as text, a host or source as the grid names it). Every field is optional (null or blank means "any"). A
 * case store translates it into its own query filter where SQL can say the same, and checks {@link #matches} for
 * the rest.
 *
 * @param kind          exact event kind, or {@link #FILE_OPERATIONS} for every file operation
 * @param pathContains  substring of the path or target path (case-insensitive)
 * @param process       an exact pid, or a substring of the executable path
 * @param quickText     substring of any text column (path, target, exe, kind, result, host, source, users)
 * @param from          events at or after this instant
 * @param to            events before this instant
 * @param host          exact host name
 * @param source        exact source name, as the grid shows it (the log's file name)
 * @param outcome       {@link #OK} for calls that succeeded, {@link #FAILED} for calls the kernel refused
 * @param processKey    one process of the case by its key (as the process tree names it); with
 *                      {@code withChildren} its whole lineage. Lineage is known only to the case store.
 * @param processLabel  how that process is named on the filter's chip ("kworker-sync 18994")
 */
public record GridFilter(String kind, String pathContains, String process, String quickText, Instant from,
                         Instant to, String host, String source, String outcome, String processKey,
                         boolean withChildren, String processLabel) {

    /** The kind filter's pseudo-kind for every file operation (create, write, truncate, rename, delete…). */
    public static final String FILE_OPERATIONS = "file operations";
    /** The kinds {@link #FILE_OPERATIONS} stands for. */
    public static final List<String> FILE_OPERATION_KINDS = List.of("CREATE", "WRITE", "TRUNCATE", "RENAME",
            "DELETE", "CHMOD", "CHOWN", "LINK", "MKDIR", "RMDIR");
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public static final GridFilter NONE = new GridFilter(null, null, null, null, null, null, null, null, null, null,
            false, null);

    /** The filter of the grid's header fields and time range only. */
    public GridFilter(String kind, String pathContains, String process, String quickText, Instant from, Instant to) {
        this(kind, pathContains, process, quickText, from, to, null, null, null, null, false, null);
    }

    public GridFilter withKind(String v) {
        return new GridFilter(blankToNull(v), pathContains, process, quickText, from, to, host, source, outcome,
                processKey, withChildren, processLabel);
    }

    public GridFilter withPathContains(String v) {
        return new GridFilter(kind, blankToNull(v), process, quickText, from, to, host, source, outcome, processKey,
                withChildren, processLabel);
    }

    public GridFilter withProcess(String v) {
        return new GridFilter(kind, pathContains, blankToNull(v), quickText, from, to, host, source, outcome,
                processKey, withChildren, processLabel);
    }

    public GridFilter withQuickText(String v) {
        return new GridFilter(kind, pathContains, process, blankToNull(v), from, to, host, source, outcome,
                processKey, withChildren, processLabel);
    }

    public GridFilter withTimeRange(Instant f, Instant t) {
        return new GridFilter(kind, pathContains, process, quickText, f, t, host, source, outcome, processKey,
                withChildren, processLabel);
    }

    public GridFilter withHost(String v) {
        return new GridFilter(kind, pathContains, process, quickText, from, to, blankToNull(v), source, outcome,
                processKey, withChildren, processLabel);
    }

    public GridFilter withSource(String v) {
        return new GridFilter(kind, pathContains, process, quickText, from, to, host, blankToNull(v), outcome,
                processKey, withChildren, processLabel);
    }

    /** {@link #OK}, {@link #FAILED}, or null for both. */
    public GridFilter withOutcome(String v) {
        return new GridFilter(kind, pathContains, process, quickText, from, to, host, source, blankToNull(v),
                processKey, withChildren, processLabel);
    }

    /** One process (or with {@code children} its lineage) by its key; null key for any process. */
    public GridFilter withProcessKey(String key, boolean children, String label) {
        return new GridFilter(kind, pathContains, process, quickText, from, to, host, source, outcome,
                blankToNull(key), key != null && children, key == null ? null : label);
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

    /**
     * The same test a case store would run in SQL, for in-memory sources and tests. A lineage (a process with
     * its children) is not known to a row: the store applies it.
     */
    public boolean matches(EventRow r) {
        if (kind != null && !(FILE_OPERATIONS.equals(kind) ? FILE_OPERATION_KINDS.contains(r.kind())
                : kind.equalsIgnoreCase(r.kind()))) {
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
                || contains(r.host(), quickText) || contains(r.source(), quickText) || contains(r.user(), quickText)
                || contains(r.loginUser(), quickText))) {
            return false;
        }
        if (host != null && !host.equals(r.host())) {
            return false;
        }
        if (source != null && !source.equals(r.source())) {
            return false;
        }
        if (outcome != null && (FAILED.equals(outcome) != r.failed())) {
            return false;
        }
        if (processKey != null && !withChildren && r.processKey() != null && !processKey.equals(r.processKey())) {
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
