package io.ransomtrace.app.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which events the grid or a replay asks for. Every criterion is optional (null/empty = no restriction); set
 * ones are combined with AND.
 *
 * @param from         earliest time, inclusive
 * @param to           latest time, exclusive
 * @param host         host name
 * @param processKey   a process ({@link ProcessNode#key()}); with {@code withDescendants} its whole lineage
 * @param kinds        event kinds
 * @param pathPrefix   the path or the second path (rename target) starts with this
 * @param text         case-insensitive substring of a path, the executable, the command line or a record summary
 * @param sourceIds    events read from one of these sources
 * @param succeeded    false: calls the kernel refused (failed opens, renames, execs); true: every other event
 */
public record EventFilter(Instant from, Instant to, String host, Long processKey, boolean withDescendants,
                          Set<EventKind> kinds, String pathPrefix, String text, Set<Integer> sourceIds,
                          Boolean succeeded) {

    public EventFilter {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        pathPrefix = pathPrefix == null || pathPrefix.isEmpty() ? null : pathPrefix;
        text = text == null || text.isBlank() ? null : text;
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
    }

    public EventFilter(Instant from, Instant to, String host, Long processKey, boolean withDescendants,
                       Set<EventKind> kinds, String pathPrefix, String text) {
        this(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, Set.of(), null);
    }

    public static EventFilter all() {
        return new EventFilter(null, null, null, null, false, Set.of(), null, null);
    }

    /** Only events read from these sources (an empty set: from any). */
    public EventFilter fromSources(Set<Integer> ids) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, ids, succeeded);
    }

    /** Only calls that succeeded (true) or that the kernel refused (false); null for both. */
    public EventFilter withOutcome(Boolean ok) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, sourceIds, ok);
    }

    public EventFilter between(Instant from, Instant to) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, sourceIds, succeeded);
    }

    public EventFilter onHost(String host) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, sourceIds, succeeded);
    }

    public EventFilter ofProcess(long key) {
        return new EventFilter(from, to, host, key, false, kinds, pathPrefix, text, sourceIds, succeeded);
    }

    public EventFilter ofLineage(long rootKey) {
        return new EventFilter(from, to, host, rootKey, true, kinds, pathPrefix, text, sourceIds, succeeded);
    }

    public EventFilter ofKinds(Set<EventKind> kinds) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, sourceIds, succeeded);
    }

    public EventFilter underPath(String prefix) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, prefix, text, sourceIds, succeeded);
    }

    public EventFilter containing(String text) {
        return new EventFilter(from, to, host, processKey, withDescendants, kinds, pathPrefix, text, sourceIds, succeeded);
    }
}
