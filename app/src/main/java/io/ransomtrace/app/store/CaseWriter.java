package io.ransomtrace.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;
import org.sqlite.SQLiteErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bulk-writes imported sources into a case, from one thread. The import pipeline drives it:
 * {@link #beginBulk}, then per source {@link #beginSource}, many {@link #write}/{@link #quarantine} calls with a
 * {@link #commit} every so often, {@link #finishSource}; and at the end {@link #endBulk} (indexes, ANALYZE,
 * durable final commit). See {@link CaseStore} for why this is kill-safe.
 *
 * <p>Strings are interned: hosts fully in memory (few), paths and actors through bounded caches backed by
 * their tables, so memory stays bounded however many distinct paths a campaign touches.
 */
public final class CaseWriter implements AutoCloseable, ProcessTracker.Rows {

    /** A file about to be imported. {@code fingerprint} is {@link SourceFingerprint#of}. */
    public record NewSource(Path path, long size, String fingerprint, String format) {
    }

    private static final int PATH_CACHE = 131_072;
    private static final int ACTOR_CACHE = 16_384;
    /** Importers cap a record's raw text at 4 KB plus a note of what was cut; this only guards the table. */
    private static final int RAW_TEXT_CAP = 4096 + 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection c;
    private final java.util.concurrent.atomic.AtomicBoolean importRunning;
    private final BatchInsert insertEvent;
    private final PreparedStatement insertHint;
    private final BatchInsert insertOther;
    private final BatchInsert insertError;
    private final BatchInsert insertActor;
    private final PreparedStatement insertHost;
    private final BatchInsert insertProcess;
    private final BatchInsert insertProcessWithoutExec;
    private final StagedProcessUpdates processUpdates;
    private final PreparedStatement progressSource;
    private final PreparedStatement insertReplayChunk;

    private final Map<String, Integer> hosts = new HashMap<>();
    private final PathDictionary paths;
    private final RecentCache<Actor> actors = new RecentCache<>(ACTOR_CACHE);
    private long nextActorId;
    private int nextHostId;
    private long nextProcessKey;

    private boolean bulk;
    private SourceProgress current;
    private ProcessTracker tracker;
    /** The current source's events packed for the detector's re-runs (see {@link ReplayChunks}). */
    private ReplayChunkEncoder replay;

    /** What has been written for the current source. */
    private static final class SourceProgress {
        final int id;
        long events;
        long errors;
        long lastLine;
        long lastOffset;
        long firstMicros = Long.MAX_VALUE;
        long lastMicros = Long.MIN_VALUE;
        String contentSha256;

        SourceProgress(int id) {
            this.id = id;
        }
    }

    CaseWriter(Connection c, java.util.concurrent.atomic.AtomicBoolean importRunning) throws SQLException {
        this.c = c;
        this.importRunning = importRunning;
        this.paths = new PathDictionary(c, PATH_CACHE);
        insertEvent = new BatchInsert(c, "INSERT INTO events(id, time_us, host_id, proc_key, actor_id, kind, path_id, "
                + "path2_id, flags, mode, result, inode, source_id, line, byte_offset, native_id)", 16, 256,
                (tag, why) -> unstorable((Event) tag, why));
        insertHint = c.prepareStatement("INSERT OR REPLACE INTO content_hints(event_id, entropy, header_hex, "
                + "original_extension, text_excerpt) VALUES (?,?,?,?,?)");
        // Other records are most of a busy log (logins, daemon notices, read-only syscalls): batched like events.
        insertOther = new BatchInsert(c, "INSERT OR REPLACE INTO other_details(event_id, type, summary, fields)", 4, 256,
                (tag, why) -> {
                    throw why; // the event row exists (inserted first): a failure here is a broken case
                });
        insertError = new BatchInsert(c, "INSERT INTO import_errors(source_id, line, byte_offset, reason, raw_text)", 5,
                32, (tag, why) -> {
                    throw why; // no constraint can fail here: a failure is a broken case
                });
        // Actors and processes are batched like events: a busy log can have nearly as many of them as events.
        // Their ids are ours and they have no other constraint, so a failure is a broken case.
        insertActor = new BatchInsert(c, "INSERT INTO actors(id, pid, ppid, exe, comm, uid, euid, gid, auid, "
                + "session, user, login_user, entity_id)", 13, 256, (tag, why) -> {
                    throw why;
                });
        insertHost = c.prepareStatement("INSERT INTO hosts(id, name) VALUES (?,?)");
        insertProcess = new BatchInsert(c, "INSERT INTO processes(key, host_id, pid, ppid, parent_key, start_us, "
                + "first_seen_us, exe, comm, argv, argv_truncated, cwd, tty, uid, euid, gid, auid, session, user, "
                + "login_user, entity_id, parent_entity_id, exec_success, source_id)", 24, 128, (tag, why) -> {
                    throw why;
                });
        // Most processes of a busy log are seen without their exec (started before the log, or known as a
        // parent): their exec columns are empty, and not binding them saves a third of the row's cost.
        insertProcessWithoutExec = new BatchInsert(c, "INSERT INTO processes(key, host_id, pid, ppid, parent_key, "
                + "first_seen_us, exe, comm, uid, euid, gid, auid, session, user, login_user, entity_id, source_id)",
                17, 128, (tag, why) -> {
                    throw why;
                });
        processUpdates = new StagedProcessUpdates(c);
        // records_read: the importer tells the exact count at the end; until then (and for an import that is
        // killed) at least the events and errors stored, never 0 beside thousands of events
        progressSource = c.prepareStatement("UPDATE sources SET events=?, errors=?, bytes_read=?, last_line=?, "
                + "last_byte_offset=?, first_event_us=?, last_event_us=?, records_read=MAX(records_read, ?) WHERE id=?");
        insertReplayChunk = c.prepareStatement(ReplayChunks.INSERT_SQL);
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, name FROM hosts")) {
                while (rs.next()) {
                    hosts.put(rs.getString(2), rs.getInt(1));
                }
            }
            nextHostId = (int) maxPlusOne(st, "SELECT MAX(id) FROM hosts");
            nextActorId = maxPlusOne(st, "SELECT MAX(id) FROM actors");
            nextProcessKey = maxPlusOne(st, "SELECT MAX(key) FROM processes");
        }
    }

    private static long maxPlusOne(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) + 1 : 1;
        }
    }

    // ----------------------------------------------------------------------------------------- sources

    /** Sources already in the case with one of these fingerprints ({@link SourceFingerprint}). */
    public List<SourceInfo> sourcesWithFingerprint(String fingerprint, String legacyFingerprint) throws SQLException {
        return SqliteCaseQueries.sources(c, "WHERE fingerprint IN (?, ?)", fingerprint, legacyFingerprint);
    }

    /** The content digest stored for a source; null for sources imported before content digests were kept. */
    public String contentDigest(int sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_sha256 FROM sources WHERE id=?")) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The current source's content digest, stored by {@link #finishSource}. */
    public void contentDigest(String contentSha256) {
        if (current != null) {
            current.contentSha256 = contentSha256;
        }
    }

    /** Total events stored so far, from the sources' counters (cheap: no table scan). */
    public long storedEvents() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(events),0) FROM sources")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Large-load mode: fsync off (see {@link CaseStore}), the case locked against other processes, and
     * optionally the event indexes dropped, to be rebuilt by {@link #endBulk}.
     */
    public void beginBulk(boolean dropIndexes) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA synchronous=OFF");
            st.execute("PRAGMA locking_mode=EXCLUSIVE");
            // Rows are appended: only the last pages of each table are hot. A small cache leaves the memory to
            // the JVM (peak RSS is what an analyst's laptop feels) at no measurable cost in speed.
            st.execute("PRAGMA cache_size=-16384");
            if (dropIndexes) {
                for (CaseSchema.Index index : CaseSchema.EVENT_INDEXES) {
                    st.execute("DROP INDEX IF EXISTS " + index.name());
                }
            }
        }
        paths.beforeLoad(); // a case of very many paths looks them up by their index, dropped just now
        if (!importRunning.compareAndSet(false, true)) {
            throw new SQLException("another import is already running on this case");
        }
        c.setAutoCommit(false);
        bulk = true;
    }

    /**
     * Registers a source (status importing) and commits, so even a kill before the first events leaves a trace.
     * When {@code replacing} is an interrupted source of the same file, its rows are removed and its id reused,
     * which keeps event ids stable across the re-import.
     */
    public int beginSource(NewSource source, SourceInfo replacing) throws SQLException {
        requireBulk();
        int id;
        if (replacing != null) {
            id = replacing.id();
            deleteSourceRows(id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sources WHERE id=?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
        } else {
            try (Statement st = c.createStatement()) {
                id = (int) maxPlusOne(st, "SELECT MAX(id) FROM sources");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources(id, path, size, fingerprint, format, "
                + "imported_at, status) VALUES (?,?,?,?,?,?,?)")) {
            ps.setInt(1, id);
            ps.setString(2, source.path().toAbsolutePath().toString());
            ps.setLong(3, source.size());
            ps.setString(4, source.fingerprint());
            ps.setString(5, source.format());
            ps.setString(6, Instant.now().toString());
            ps.setString(7, SourceStatus.IMPORTING.name());
            ps.executeUpdate();
        }
        c.commit();
        current = new SourceProgress(id);
        replay = new ReplayChunkEncoder(id);
        if (tracker == null) {
            // One tracker for all sources of an import: rotated logs given oldest first (as the input expander
            // orders them) keep a process that spans two files as one process, with its lineage.
            tracker = new ProcessTracker(this, nextProcessKey);
        }
        return id;
    }

    private void deleteSourceRows(int id) throws SQLException {
        for (String sql : List.of(
                "DELETE FROM content_hints WHERE event_id IN (SELECT id FROM events WHERE source_id=?)",
                "DELETE FROM other_details WHERE event_id IN (SELECT id FROM events WHERE source_id=?)",
                "DELETE FROM events WHERE source_id=?",
                "DELETE FROM import_errors WHERE source_id=?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
        }
        ReplayChunks.deleteSource(c, id);
        // actors have no source: drop those no event refers to any more (the killed import's), or every
        // re-import after a kill would leave thousands of orphans behind
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM events WHERE actor_id IS NOT NULL)");
        }
        // keep the processes that events of other sources still belong to (a process spanning rotated logs)
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM processes WHERE source_id=? AND key NOT IN "
                + "(SELECT proc_key FROM events WHERE proc_key IS NOT NULL AND source_id<>?)")) {
            ps.setInt(1, id);
            ps.setInt(2, id);
            ps.executeUpdate();
        }
    }

    // ----------------------------------------------------------------------------------------- events

    /**
     * An event with the parts of its row that need no database already worked out, so that the importer's thread
     * can do them while the writer's thread, the slower of the two, only stores. Today: the fields of an other
     * record as JSON (a busy log has hundreds of thousands of them); null when the event has none.
     */
    public record Prepared(Event event, String fieldsJson) {
    }

    /** Prepares an event for {@link #write(Prepared)}; safe to call from any thread. */
    public static Prepared prepare(Event e) {
        return new Prepared(e, e instanceof OtherRecord o && !o.fields().isEmpty() ? FieldsJson.write(o.fields(),
                StoredText.TEXT) : null);
    }

    public void write(Event e) throws SQLException {
        write(prepare(e));
    }

    /**
     * Stores one event, or quarantines it like a bad input line when the case cannot take it (a malformed event
     * from an importer, two events with one id): the import goes on and the analyst sees why. Only a failing case
     * (disk full, a broken file) throws.
     */
    public void write(Prepared prepared) throws SQLException {
        try {
            store(prepared);
        } catch (StoreFailure f) {
            throw f;
        } catch (SQLException f) {
            if (f.getErrorCode() != SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                throw f;
            }
            quarantineUnstorable(prepared.event(), f);
        } catch (RuntimeException f) {
            quarantineUnstorable(prepared.event(), f);
        }
    }

    private void store(Prepared prepared) throws SQLException {
        Event e = prepared.event();
        SourceProgress p = current;
        long micros = Times.toMicros(e.time());
        Integer hostId = host(e.host());
        Long procKey = tracker.keyFor(e, hostId, micros, p.id);
        Provenance prov = e.provenance();
        Object[] row = new Object[16];
        row[0] = e.id();
        row[1] = micros;
        row[2] = hostId;
        row[3] = procKey;
        row[4] = actor(e.actor());
        row[5] = EventKind.of(e).code();
        if (e instanceof FileOp f) {
            row[6] = path(f.path());
            row[7] = path(f.targetPath());
            row[8] = f.openFlags();
            row[9] = f.mode();
            row[10] = f.success() ? 1 : 0;
            row[11] = f.inode();
        } else if (e instanceof ProcessExec x) {
            row[10] = x.success() ? 1 : 0;
        } else if (e instanceof ProcessExit x) {
            row[10] = x.exitCode();
        }
        row[12] = prov == null ? p.id : prov.sourceId();
        row[13] = prov == null ? 0L : prov.line();
        row[14] = prov == null ? 0L : prov.byteOffset();
        row[15] = prov == null ? null : StoredText.name(prov.nativeId());
        insertEvent.add(row, e);
        ReplayChunkEncoder.Chunk chunk = replay.add(e, micros, idOrZero(row[4]), idOrZero(row[6]), idOrZero(row[7]));
        if (chunk != null) {
            ReplayChunks.insert(insertReplayChunk, chunk);
        }

        if (e instanceof FileOp f && f.contentHint() != null) {
            ContentHint h = f.contentHint();
            insertHint.setLong(1, e.id());
            Sql.setDouble(insertHint, 2, h.entropy());
            insertHint.setString(3, StoredText.name(h.headerBytesHex()));
            insertHint.setString(4, StoredText.name(h.originalExtension()));
            insertHint.setString(5, StoredText.text(h.textExcerpt()));
            insertHint.executeUpdate();
        } else if (e instanceof OtherRecord o) {
            insertOther.add(new Object[]{e.id(), o.type() == null ? "" : StoredText.name(o.type()),
                    StoredText.text(o.summary()), prepared.fieldsJson()}, e);
        }
        p.events++;
        if (prov != null) {
            noteLine(p, prov.line(), prov.byteOffset());
        }
        p.firstMicros = Math.min(p.firstMicros, micros);
        p.lastMicros = Math.max(p.lastMicros, micros);
    }

    private static long idOrZero(Object id) {
        return id == null ? 0 : (Long) id;
    }

    /**
     * Keeps an input record that did not become an event, with where it was and why, in the current source.
     *
     * @param line       1-based line number (0 when the problem concerns the whole file)
     * @param byteOffset byte offset of that line in the decompressed input
     */
    public void quarantine(long line, long byteOffset, String reason, String rawText) throws SQLException {
        SourceProgress p = current;
        insertError.add(new Object[]{p.id, line, byteOffset, reason == null ? "unreadable record" : reason,
                rawText != null && rawText.length() > RAW_TEXT_CAP ? rawText.substring(0, RAW_TEXT_CAP) : rawText}, null);
        p.errors++;
        noteLine(p, line, byteOffset);
    }

    private static void noteLine(SourceProgress p, long line, long offset) {
        if (line > p.lastLine) {
            p.lastLine = line;
            p.lastOffset = offset;
        }
    }

    /** Commits what was written, together with how far into the file the import got. */
    public void commit(long bytesRead) throws SQLException {
        updateProgress(bytesRead);
        c.commit();
    }

    /**
     * An event of a batch the case could not take (an importer gave two events the same id), found when the
     * batch ran: it was counted when added, so it is uncounted and quarantined.
     */
    private void unstorable(Event e, SQLException why) throws SQLException {
        current.events--;
        quarantineUnstorable(e, why);
    }

    private void quarantineUnstorable(Event e, Exception why) throws SQLException {
        Provenance p = e.provenance();
        quarantine(p == null ? 0 : p.line(), p == null ? 0 : p.byteOffset(),
                "the event could not be stored (" + why.getMessage() + ")", String.valueOf(e));
    }

    private void updateProgress(long bytesRead) throws SQLException {
        insertEvent.flush();
        insertOther.flush();
        insertError.flush();
        insertActor.flush();
        insertProcess.flush();
        insertProcessWithoutExec.flush();
        processUpdates.apply(); // after the process rows they update are in the table
        paths.flush();
        // every committed event is in a committed chunk, so even an interrupted source replays from chunks
        ReplayChunkEncoder.Chunk chunk = replay.finish();
        if (chunk != null) {
            ReplayChunks.insert(insertReplayChunk, chunk);
        }
        SourceProgress p = current;
        progressSource.setLong(1, p.events);
        progressSource.setLong(2, p.errors);
        progressSource.setLong(3, bytesRead);
        progressSource.setLong(4, p.lastLine);
        progressSource.setLong(5, p.lastOffset);
        Sql.setLong(progressSource, 6, p.events == 0 ? null : p.firstMicros);
        Sql.setLong(progressSource, 7, p.events == 0 ? null : p.lastMicros);
        progressSource.setLong(8, p.events + p.errors);
        progressSource.setInt(9, p.id);
        progressSource.executeUpdate();
    }

    public long eventsWritten() {
        return current == null ? 0 : current.events;
    }

    public long errorsWritten() {
        return current == null ? 0 : current.errors;
    }

    /**
     * Records the end of a source's import and commits.
     *
     * @param stats  what the importer reported, or null when it failed before reporting
     * @param sha256 the file's digest, or null when it could not be computed
     * @return the events and import errors stored for the source
     */
    public SourceTotals finishSource(SourceStats stats, String sha256, SourceStatus status, String note,
                                     long bytesRead, long millis) throws SQLException {
        SourceProgress p = current;
        updateProgress(bytesRead);
        try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET status=?, status_note=?, sha256=?, "
                + "host=COALESCE(?, host), records_read=?, records_in_events=?, records_other=?, "
                + "record_type_counts=?, import_millis=?, format=COALESCE(?, format), content_sha256=? WHERE id=?")) {
            ps.setString(1, status.name());
            ps.setString(2, note);
            ps.setString(3, sha256);
            ps.setString(4, stats == null ? null : stats.host());
            ps.setLong(5, stats == null ? p.events + p.errors : stats.recordsRead());
            ps.setLong(6, stats == null ? 0 : stats.recordsInEvents());
            ps.setLong(7, stats == null ? 0 : stats.recordsOther());
            ps.setString(8, stats == null || stats.recordTypeCounts().isEmpty() ? null
                    : json(new TreeMap<>(stats.recordTypeCounts())));
            ps.setLong(9, millis);
            ps.setString(10, stats == null ? null : stats.format());
            ps.setString(11, p.contentSha256);
            ps.setInt(12, p.id);
            ps.executeUpdate();
        }
        c.commit();
        current = null;
        return new SourceTotals(p.events, p.errors);
    }

    /**
     * After a failure of the case itself (disk full): drops what was written since the last commit and marks the
     * source interrupted with the reason, so the case says what happened instead of showing an import still
     * running. Best effort: when even that small write fails, the next open marks the source interrupted.
     */
    public void abandonSource(String note) {
        SourceProgress p = current;
        current = null;
        if (p == null) {
            return;
        }
        try {
            rollbackQuietly(); // frees the journal: the small update below then fits even on a full disk
            try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET status=?, status_note=? WHERE id=?")) {
                ps.setString(1, SourceStatus.INTERRUPTED.name());
                ps.setString(2, note);
                ps.setInt(3, p.id);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException stillFailing) {
            // left IMPORTING: read-only views show it as interrupted, the next read-write open marks it so
        }
    }

    /**
     * Rolls the open transaction back. After SQLITE_FULL, SQLite may have rolled it back already; then a new
     * one is begun, so the connection is again in the state the bulk load expects (a transaction open).
     */
    private void rollbackQuietly() throws SQLException {
        try {
            c.rollback();
        } catch (SQLException e) {
            if (!noTransaction(e)) {
                throw e;
            }
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN");
            }
        }
    }

    private static boolean noTransaction(SQLException e) {
        return String.valueOf(e.getMessage()).contains("no transaction is active");
    }

    /** What was stored for a finished source. */
    public record SourceTotals(long events, long errors) {
    }

    /**
     * Leaves large-load mode: builds the event indexes, refreshes the query planner's statistics and makes
     * everything durable with a final fsync'ed commit. Runs even after a cancelled or failed import.
     */
    public void endBulk() throws SQLException {
        if (!bulk) {
            return;
        }
        bulk = false;
        try {
            try {
                c.commit();
            } catch (SQLException e) {
                // after a failed source (disk full) SQLite may already have rolled the transaction back
                if (!noTransaction(e)) {
                    throw e;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("BEGIN"); // so that leaving manual commit mode has a transaction to end
                }
            }
            c.setAutoCommit(true);
        } finally {
            importRunning.set(false);
        }
        CaseStore.ensureEventIndexes(c);
        try (Statement st = c.createStatement()) {
            // a sampled ANALYZE: good enough for the planner, and seconds faster on a big case
            st.execute("PRAGMA analysis_limit=1000");
            st.execute("ANALYZE");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA cache_size=-65536");
            st.execute("PRAGMA locking_mode=NORMAL");
            // a small write at FULL syncs the whole file, and releases the exclusive lock
            st.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('last_import_at', '" + Instant.now() + "')");
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(insertHint, insertHost, progressSource, insertReplayChunk)) {
            ps.close();
        }
        insertActor.close();
        insertProcess.close();
        insertProcessWithoutExec.close();
        processUpdates.close();
        insertEvent.close();
        insertOther.close();
        insertError.close();
        paths.close();
    }

    // ----------------------------------------------------------------------------------------- interning

    private Integer host(String hostName) throws SQLException {
        if (hostName == null) {
            return null;
        }
        String name = StoredText.name(hostName);
        Integer id = hosts.get(name);
        if (id == null) {
            id = nextHostId++;
            insertHost.setInt(1, id);
            insertHost.setString(2, name);
            insertHost.executeUpdate();
            hosts.put(name, id);
        }
        return id;
    }

    private Long path(String path) throws SQLException {
        return paths.id(StoredText.path(path));
    }

    /** The directory part of a path; null for "/" and for names without a slash. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.equals("/")) {
            return null;
        }
        if (slash == path.length() - 1) {
            return parentOf(path.substring(0, slash));
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    private Long actor(Actor a) throws SQLException {
        if (a == null || a.equals(Actor.NONE)) {
            return null;
        }
        // by pid: a process's events carry equal actors, and few processes are active at once
        long hash = a.pid() * 0x9E3779B97F4A7C15L;
        long id = actors.get(a, hash, -1);
        if (id < 0) {
            id = nextActorId++;
            Credentials cr = a.credentials();
            insertActor.add(new Object[]{id, a.pid(), a.ppid(), StoredText.path(a.exe()), StoredText.name(a.comm()),
                    cr.uid(), cr.euid(), cr.gid(), cr.loginUid(), cr.session(), StoredText.name(cr.user()),
                    StoredText.name(cr.loginUser()), StoredText.name(a.entityId())}, null);
            actors.put(a, hash, id);
        }
        return id;
    }

    @Override
    public void insert(ProcessTracker.ProcessRow r) {
        Actor a = r.actor();
        Credentials cr = a.credentials();
        ProcessExec x = r.exec();
        try {
            if (x == null) {
                insertProcessWithoutExec.add(new Object[]{r.key(), r.hostId(), r.pid(), r.ppid(), r.parentKey(),
                        r.firstSeenMicros(), StoredText.path(a.exe()), StoredText.name(a.comm()), cr.uid(), cr.euid(),
                        cr.gid(), cr.loginUid(), cr.session(), StoredText.name(cr.user()),
                        StoredText.name(cr.loginUser()), StoredText.name(a.entityId()), r.sourceId()}, null);
                return;
            }
            String argv = Argv.join(x.argv());
            boolean argvCut = argv != null && argv.length() > StoredText.TEXT;
            String storedArgv = StoredText.text(argv);
            insertProcess.add(new Object[]{r.key(), r.hostId(), r.pid(), r.ppid(), r.parentKey(), r.startMicros(),
                    r.firstSeenMicros(), StoredText.path(a.exe()), StoredText.name(a.comm()), storedArgv,
                    x.argvTruncated() || argvCut ? 1 : 0, StoredText.path(x.cwd()), StoredText.name(x.tty()),
                    cr.uid(), cr.euid(), cr.gid(), cr.loginUid(), cr.session(), StoredText.name(cr.user()),
                    StoredText.name(cr.loginUser()), StoredText.name(a.entityId()), StoredText.name(x.parentEntityId()),
                    x.success() ? 1 : 0, r.sourceId()}, null);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public void identified(long key, Actor a, Long parentKey) {
        try {
            processUpdates.identified(key, a, parentKey);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public void exited(long key, long exitMicros, Integer exitCode) {
        try {
            processUpdates.exited(key, exitMicros, exitCode);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    private void requireBulk() {
        if (!bulk) {
            throw new IllegalStateException("beginBulk() first");
        }
    }

    static String json(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An SQL failure inside a callback that cannot throw SQLException; unwrapped by the pipeline. */
    public static final class StoreFailure extends RuntimeException {
        public StoreFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
