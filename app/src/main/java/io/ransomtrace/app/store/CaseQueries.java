package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOpKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the views and the detector may ask of a case. No SQL leaks out: results are engine model types or
 * small records. Failures are reported as {@link CaseStoreException}.
 */
public interface CaseQueries {

    /** The imported files, oldest first, with status and counts. */
    List<SourceInfo> sources();

    /** Quarantined records of one source (null: all sources), in input order, after error id {@code afterId}. */
    List<ImportErrorRow> importErrors(Integer sourceId, long afterId, int limit);

    /** Host names seen in the case, sorted. */
    List<String> hosts();

    /** A page of events in time order, starting after {@code after} (null: from the start). */
    default EventPage events(EventFilter filter, EventPage.Cursor after, int limit) {
        return events(filter, after, limit, false);
    }

    /**
     * A page of events in time order (ties by id), or newest first when {@code newestFirst}: then the page holds
     * the events just before {@code after} (null: from the newest), and {@link EventPage#next()} continues
     * further back. Keyset paging both ways: a page costs the same however deep into the case it is.
     */
    EventPage events(EventFilter filter, EventPage.Cursor after, int limit, boolean newestFirst);

    /** How many events match, counted in SQL (same criteria as {@link #events}). */
    long count(EventFilter filter);

    /**
     * Distinct files this process created, wrote, truncated, renamed (counted by the old name) or deleted,
     * successfully: the process tree's "files" column.
     */
    long filesModified(long processKey);

    /**
     * The position of the event at {@code index} (0-based) in time order, or newest first, or empty past the
     * end. For far jumps in the events grid only: it skips {@code index} rows (an OFFSET), so it costs in
     * proportion to the index, unlike paging.
     */
    Optional<EventPage.Cursor> keyAt(EventFilter filter, long index, boolean newestFirst);

    Optional<StoredEvent> event(long eventId);

    Optional<ProcessNode> process(long key);

    /** Processes of a host with no known parent: the tops of its process tree (limit caps the answer). */
    List<ProcessNode> rootProcesses(String host, int limit);

    List<ProcessNode> children(long key);

    /**
     * The user names the host's processes were seen with, by uid (from their own credentials): what names a login
     * uid that no login record of the logs named.
     */
    java.util.Map<Long, String> userNames(String host);

    /** The parent, the grandparent, ... up to the oldest known ancestor. */
    List<ProcessNode> ancestors(long key);

    /** The process and all its descendants, in key order (the campaign's lineage). */
    List<ProcessNode> lineage(long key);

    /** The key of the process an event belongs to (cheap: no join). */
    Optional<Long> processOf(long eventId);

    /** The process itself when it has this pid, else its nearest ancestor with this pid. */
    Optional<Long> selfOrAncestorWithPid(long processKey, int pid);

    /** Keys of a process and its descendants, at most {@code limit} of them (no other columns: cheap). */
    List<Long> lineageKeys(long rootKey, int limit);

    /**
     * For many events at once: the key of the event's process itself when it has the given pid, else of its
     * nearest ancestor with that pid; events without such a process are left out. (Locating every finding's
     * root after an analysis of a busy case: a few queries instead of a few per finding.)
     *
     * @param pidByEvent the pid wanted for each event id
     */
    Map<Long, Long> selfOrAncestorsWithPid(Map<Long, Integer> pidByEvent);

    /** {@link #lineageKeys} of many processes at once, in as few queries as the number of roots allows. */
    Map<Long, List<Long>> lineagesKeys(Collection<Long> rootKeys, int limitEach);

    /**
     * Successful file operations per time bucket and kind within a lineage or host, for the rewrite timeline.
     * Buckets start at {@code from} and are {@code bucket} wide; empty buckets are not returned.
     */
    List<FileOpBucket> fileOpCounts(Scope scope, Instant from, Instant to, Duration bucket);

    /** Like {@link #fileOpCounts(Scope, Instant, Instant, Duration)}, only for files with exactly this name (a ransom note). */
    List<FileOpBucket> fileOpCounts(Scope scope, Instant from, Instant to, Duration bucket, String fileName);

    /**
     * Per-directory counts of successful file operations, most active directories first, for the note spread
     * map.
     *
     * @param kinds    operations to count (empty: all file operations)
     * @param fileName only files with exactly this name (a ransom note's name), or null for all files
     */
    List<DirectorySummary> directories(Scope scope, Set<FileOpKind> kinds, String fileName, int limit);

    /**
     * Streams the matching events in time order (ties by id) to {@code sink} without holding them in memory,
     * for re-running the detector. Stops early when the sink returns false. Returns the number delivered.
     */
    long replay(EventFilter filter, Predicate<? super Event> sink);

    /**
     * True when a replay of the whole case reads the replay table (chunks written at import) rather than joining
     * the events table with its dictionaries: cases made before that table existed do the latter until
     * {@link CaseStore#packForReplay} has run on them.
     */
    boolean replaysFromChunks();

    /**
     * How many replays of every event of the case ({@link #replay} with {@link EventFilter#all()}, what a detection
     * run reads) this view of the case has started: opening a case with a kept analysis must not need one. Replays
     * of a part (one campaign's lineage for its recovery plan or affected files) are not counted.
     */
    long wholeCaseReplaysStarted();
}
