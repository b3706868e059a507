package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOpKind;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** {@link CaseQueries} over the case's SQLite connection. */
final class SqliteCaseQueries implements CaseQueries {

    /** Sorts after every valid UTF-8 continuation of a prefix (SQLite compares text bytewise). */
    private static final String MAX_CHAR = new String(Character.toChars(Character.MAX_CODE_POINT));

    private static final String LINEAGE_CTE = "WITH RECURSIVE lineage(key) AS (SELECT ? UNION "
            + "SELECT p.key FROM processes p JOIN lineage l ON p.parent_key = l.key) ";

    private static final String PROCESS_COLUMNS = "p.key, h.name AS host, p.pid, p.ppid, p.parent_key, p.start_us, "
            + "p.exit_us, p.first_seen_us, p.exe, p.comm, p.argv, p.argv_truncated, p.cwd, p.tty, p.uid, p.euid, "
            + "p.gid, p.auid, p.session, p.user, p.login_user, p.entity_id, p.parent_entity_id, p.exec_success, "
            + "p.exit_code, p.source_id, (SELECT COUNT(*) FROM processes c WHERE c.parent_key = p.key) AS children "
            + "FROM processes p LEFT JOIN hosts h ON h.id = p.host_id ";

    private final Connection c;
    private final boolean readOnly;
    private final java.util.concurrent.atomic.AtomicLong replays = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param readOnly a read-only view can only be open when no import holds the case (an import locks it
     *                 exclusively), so a source still marked importing belongs to an import that died
     */
    SqliteCaseQueries(Connection c, boolean readOnly) {
        this.c = c;
        this.readOnly = readOnly;
    }

    // ------------------------------------------------------------------------------------------- sources

    @Override
    public List<SourceInfo> sources() {
        try {
            List<SourceInfo> all = sources(c, "");
            return readOnly ? all.stream().map(SqliteCaseQueries::deadIfImporting).toList() : all;
        } catch (SQLException e) {
            throw failure("reading the sources", e);
        }
    }

    private static SourceInfo deadIfImporting(SourceInfo s) {
        if (s.status() != SourceStatus.IMPORTING) {
            return s;
        }
        return new SourceInfo(s.id(), s.path(), s.size(), s.sha256(), s.format(), s.host(), s.importedAt(),
                SourceStatus.INTERRUPTED, "the import stopped before the end of the file (the program was ended)",
                s.bytesRead(), s.recordsRead(), s.recordsInEvents(), s.recordsOther(), s.events(), s.errors(),
                s.lastLine(), s.firstEvent(), s.lastEvent(), s.recordTypeCounts(), s.importMillis());
    }

    static List<SourceInfo> sources(Connection c, String where, Object... params) throws SQLException {
        List<SourceInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources " + where + " ORDER BY id")) {
            bind(ps, List.of(params));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceInfo(rs.getInt("id"), Path.of(rs.getString("path")), rs.getLong("size"),
                            rs.getString("sha256"), rs.getString("format"), rs.getString("host"),
                            Sql.getInstant(rs, "imported_at"), Sql.status(rs.getString("status")),
                            rs.getString("status_note"), rs.getLong("bytes_read"), rs.getLong("records_read"),
                            rs.getLong("records_in_events"), rs.getLong("records_other"), rs.getLong("events"),
                            rs.getLong("errors"), rs.getLong("last_line"), Sql.getMicros(rs, "first_event_us"),
                            Sql.getMicros(rs, "last_event_us"), counts(rs.getString("record_type_counts")),
                            rs.getLong("import_millis")));
                }
            }
        }
        return out;
    }

    private static Map<String, Long> counts(String json) {
        return CountsJson.read(json);
    }

    @Override
    public List<ImportErrorRow> importErrors(Integer sourceId, long afterId, int limit) {
        String sql = "SELECT id, source_id, line, byte_offset, reason, raw_text FROM import_errors WHERE id > ? "
                + (sourceId == null ? "" : "AND source_id = ? ") + "ORDER BY id LIMIT ?";
        List<Object> params = new ArrayList<>();
        params.add(afterId);
        if (sourceId != null) {
            params.add(sourceId);
        }
        params.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<ImportErrorRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportErrorRow(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading import errors", e);
        }
    }

    @Override
    public List<String> hosts() {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM hosts ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading hosts", e);
        }
    }

    // ------------------------------------------------------------------------------------------- events

    /** A WHERE clause with its parameters, built from a filter. */
    private record Where(String prefix, String sql, List<Object> params) {
    }

    private static Where where(EventFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        String prefix = "";
        if (f.processKey() != null && f.withDescendants()) {
            prefix = LINEAGE_CTE;
            params.add(f.processKey());
            sql.append(" AND e.proc_key IN (SELECT key FROM lineage)");
        } else if (f.processKey() != null) {
            sql.append(" AND e.proc_key = ?");
            params.add(f.processKey());
        }
        if (f.from() != null) {
            sql.append(" AND e.time_us >= ?");
            params.add(Times.toMicros(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND e.time_us < ?");
            params.add(Times.toMicros(f.to()));
        }
        if (f.host() != null) {
            sql.append(" AND e.host_id = (SELECT id FROM hosts WHERE name = ?)");
            params.add(f.host());
        }
        if (!f.kinds().isEmpty()) {
            sql.append(" AND e.kind IN (").append(f.kinds().stream().map(k -> String.valueOf(k.code()))
                    .collect(Collectors.joining(","))).append(")");
        }
        if (f.pathPrefix() != null) {
            String range = "(SELECT id FROM paths WHERE path >= ? AND path < ?)";
            sql.append(" AND (e.path_id IN ").append(range).append(" OR e.path2_id IN ").append(range).append(")");
            for (int i = 0; i < 2; i++) {
                params.add(f.pathPrefix());
                params.add(f.pathPrefix() + MAX_CHAR);
            }
        }
        if (!f.sourceIds().isEmpty()) {
            sql.append(" AND e.source_id IN (").append(f.sourceIds().stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(","))).append(")");
        }
        if (f.succeeded() != null) {
            // Only file operations and execs have a result: every other event counts as not failed.
            sql.append(f.succeeded() ? " AND (e.result IS NULL OR e.result <> 0)" : " AND e.result = 0");
        }
        if (f.text() != null) {
            String like = "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (p1.path LIKE ? ESCAPE '\\' OR p2.path LIKE ? ESCAPE '\\' OR a.exe LIKE ? ESCAPE '\\'"
                    + " OR od.summary LIKE ? ESCAPE '\\' OR od.type LIKE ? ESCAPE '\\' OR pr.argv LIKE ? ESCAPE '\\')");
            for (int i = 0; i < 6; i++) {
                params.add(like);
            }
        }
        return new Where(prefix, sql.toString(), params);
    }

    @Override
    public EventPage events(EventFilter filter, EventPage.Cursor after, int limit, boolean newestFirst) {
        Where w = where(filter);
        StringBuilder sql = new StringBuilder(w.prefix()).append("SELECT ").append(EventRowReader.COLUMNS)
                .append(" FROM ").append(EventRowReader.JOINS).append(w.sql());
        List<Object> params = new ArrayList<>(w.params());
        if (after != null) {
            // A row-value compare, not "time > ? OR (time = ? AND id > ?)": with bound parameters SQLite plans
            // that OR as two index lookups merged and sorted in a temp B-tree, a sort of the whole rest of the
            // case per page (seconds at 2 M events). The row value is one range on events_time(time_us, id).
            sql.append(newestFirst ? " AND (e.time_us, e.id) < (?, ?)" : " AND (e.time_us, e.id) > (?, ?)");
            params.add(after.timeMicros());
            params.add(after.eventId());
        }
        sql.append(newestFirst ? " ORDER BY e.time_us DESC, e.id DESC LIMIT ?" : " ORDER BY e.time_us, e.id LIMIT ?");
        params.add(limit + 1);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            List<StoredEvent> out = new ArrayList<>();
            boolean more = false;
            EventRowReader reader = new EventRowReader();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (out.size() == limit) {
                        more = true;
                        break;
                    }
                    out.add(reader.read(rs));
                }
            }
            EventPage.Cursor next = null;
            if (more && !out.isEmpty()) {
                Event last = out.get(out.size() - 1).event();
                next = new EventPage.Cursor(Times.toMicros(last.time()), last.id());
            }
            return new EventPage(out, next);
        } catch (SQLException e) {
            throw failure("reading events", e);
        }
    }

    /**
     * The FROM part for count and keyAt: the joined tables are needed only by the text criterion, so without
     * it SQLite counts over the {@code events_time} index alone.
     */
    private static String countedFrom(EventFilter filter) {
        return filter.text() == null ? "events e" : EventRowReader.JOINS;
    }

    @Override
    public long count(EventFilter filter) {
        Where w = where(filter);
        String sql = w.prefix() + "SELECT COUNT(*) FROM " + countedFrom(filter) + w.sql();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, w.params());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting events", e);
        }
    }

    @Override
    public long filesModified(long processKey) {
        // kinds 1..5: create, write, truncate, rename, delete (EventKind codes); uses events_process(proc_key, time_us)
        String sql = "SELECT COUNT(DISTINCT path_id) FROM events WHERE proc_key = ? AND kind BETWEEN "
                + EventKind.CREATE.code() + " AND " + EventKind.DELETE.code() + " AND result = 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, processKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting a process's files", e);
        }
    }

    @Override
    public Optional<EventPage.Cursor> keyAt(EventFilter filter, long index, boolean newestFirst) {
        if (index < 0) {
            return Optional.empty();
        }
        Where w = where(filter);
        String sql = w.prefix() + "SELECT e.time_us, e.id FROM " + countedFrom(filter) + w.sql()
                + (newestFirst ? " ORDER BY e.time_us DESC, e.id DESC" : " ORDER BY e.time_us, e.id")
                + " LIMIT 1 OFFSET ?";
        List<Object> params = new ArrayList<>(w.params());
        params.add(index);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new EventPage.Cursor(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("finding the event at position " + index, e);
        }
    }

    @Override
    public Optional<StoredEvent> event(long eventId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventRowReader.COLUMNS + " FROM "
                + EventRowReader.JOINS + " WHERE e.id = ?")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new EventRowReader().read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading event " + eventId, e);
        }
    }

    @Override
    public long replay(EventFilter filter, Predicate<? super Event> sink) {
        if (filter.equals(EventFilter.all())) {
            replays.incrementAndGet();
            Optional<List<ReplayChunks.Info>> chunks = replayChunks();
            if (chunks.isPresent()) {
                return ReplayChunks.replay(c, chunks.get(), sink);
            }
        }
        return replayTable(filter, sink);
    }

    @Override
    public long wholeCaseReplaysStarted() {
        return replays.get();
    }

    @Override
    public boolean replaysFromChunks() {
        return replayChunks().isPresent();
    }

    private Optional<List<ReplayChunks.Info>> replayChunks() {
        try {
            return ReplayChunks.directory(c);
        } catch (SQLException e) {
            throw failure("reading the replay table", e);
        }
    }

    /** The replay from the events table and its dictionaries: the reference the replay chunks must match. */
    long replayTable(EventFilter filter, Predicate<? super Event> sink) {
        Where w = where(filter);
        String sql = w.prefix() + "SELECT " + EventRowReader.COLUMNS + " FROM " + EventRowReader.JOINS + w.sql()
                + " ORDER BY e.time_us, e.id";
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, w.params());
            EventRowReader reader = new EventRowReader();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    if (!sink.test(reader.read(rs).event())) {
                        break;
                    }
                }
            }
            return n;
        } catch (SQLException e) {
            throw failure("replaying events", e);
        }
    }

    // ------------------------------------------------------------------------------------------- processes

    @Override
    public Optional<ProcessNode> process(long key) {
        List<ProcessNode> l = processes("", "WHERE p.key = ?", List.of(key));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<ProcessNode> rootProcesses(String host, int limit) {
        return processes("", "WHERE p.parent_key IS NULL AND p.host_id IS (SELECT id FROM hosts WHERE name = ?) "
                + "ORDER BY COALESCE(p.start_us, p.first_seen_us), p.key LIMIT ?", java.util.Arrays.asList(host, limit));
    }

    @Override
    public List<ProcessNode> children(long key) {
        return processes("", "WHERE p.parent_key = ? ORDER BY COALESCE(p.start_us, p.first_seen_us), p.key",
                List.of(key));
    }

    @Override
    public java.util.Map<Long, String> userNames(String host) {
        String sql = "SELECT uid, MIN(user) FROM processes WHERE user IS NOT NULL AND uid IS NOT NULL AND uid >= 0 "
                + "AND host_id IS (SELECT id FROM hosts WHERE name = ?) GROUP BY uid";
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, host);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading the user names of a host", e);
        }
    }

    @Override
    public List<ProcessNode> ancestors(long key) {
        String cte = "WITH RECURSIVE up(key, depth) AS (SELECT parent_key, 1 FROM processes WHERE key = ? "
                + "UNION SELECT p.parent_key, up.depth + 1 FROM processes p JOIN up ON p.key = up.key "
                + "WHERE up.depth < 10000) ";
        return processes(cte, "JOIN up ON up.key = p.key ORDER BY up.depth", List.of(key));
    }

    @Override
    public List<ProcessNode> lineage(long key) {
        return processes(LINEAGE_CTE, "WHERE p.key IN (SELECT key FROM lineage) ORDER BY p.key", List.of(key));
    }

    @Override
    public Optional<Long> processOf(long eventId) {
        return keys("SELECT proc_key FROM events WHERE id = ? AND proc_key IS NOT NULL", List.of(eventId))
                .stream().findFirst();
    }

    @Override
    public Optional<Long> selfOrAncestorWithPid(long processKey, int pid) {
        return keys("WITH RECURSIVE up(key, pid, parent, depth) AS (SELECT key, pid, parent_key, 0 FROM processes "
                + "WHERE key = ? UNION ALL SELECT p.key, p.pid, p.parent_key, up.depth + 1 FROM processes p "
                + "JOIN up ON p.key = up.parent WHERE up.depth < 10000) "
                + "SELECT key FROM up WHERE pid = ? ORDER BY depth LIMIT 1", List.of(processKey, pid))
                .stream().findFirst();
    }

    @Override
    public List<Long> lineageKeys(long rootKey, int limit) {
        return keys(LINEAGE_CTE + "SELECT key FROM lineage LIMIT ?", List.of(rootKey, limit));
    }

    /** Ids per IN list: well under SQLite's limit on bound values. */
    private static final int IN_BATCH = 500;

    @Override
    public Map<Long, Long> selfOrAncestorsWithPid(Map<Long, Integer> pidByEvent) {
        Map<Long, Long> out = new java.util.HashMap<>();
        List<Long> events = new ArrayList<>(pidByEvent.keySet());
        try {
            for (int from = 0; from < events.size(); from += IN_BATCH) {
                List<Long> batch = events.subList(from, Math.min(events.size(), from + IN_BATCH));
                String in = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT e.id, p.key, p.pid FROM events e "
                        + "JOIN processes p ON p.key = e.proc_key WHERE e.id IN (" + in + ")")) {
                    bind(ps, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long event = rs.getLong(1);
                            long key = rs.getLong(2);
                            if (rs.getInt(3) == pidByEvent.get(event)) {
                                out.put(event, key); // most roots: the process itself
                            } else {
                                selfOrAncestorWithPid(key, pidByEvent.get(event)).ifPresent(k -> out.put(event, k));
                            }
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("looking up processes", e);
        }
    }

    @Override
    public Map<Long, List<Long>> lineagesKeys(Collection<Long> rootKeys, int limitEach) {
        Map<Long, List<Long>> out = new java.util.LinkedHashMap<>();
        List<Long> roots = new ArrayList<>(new java.util.LinkedHashSet<>(rootKeys));
        try {
            for (int from = 0; from < roots.size(); from += IN_BATCH) {
                List<Long> batch = roots.subList(from, Math.min(roots.size(), from + IN_BATCH));
                String in = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE lin(root, key) AS (SELECT key, key "
                        + "FROM processes WHERE key IN (" + in + ") UNION SELECT l.root, p.key FROM processes p "
                        + "JOIN lin l ON p.parent_key = l.key) SELECT root, key FROM lin")) {
                    bind(ps, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<Long> keys = out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                            if (keys.size() < limitEach) {
                                keys.add(rs.getLong(2));
                            }
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("looking up processes", e);
        }
    }

    private List<Long> keys(String sql, List<Object> params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("looking up processes", e);
        }
    }

    private List<ProcessNode> processes(String cte, String tail, List<Object> params) {
        try (PreparedStatement ps = c.prepareStatement(cte + "SELECT " + PROCESS_COLUMNS + tail)) {
            bind(ps, params);
            List<ProcessNode> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(process(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("reading processes", e);
        }
    }

    private static ProcessNode process(ResultSet rs) throws SQLException {
        Credentials cr = new Credentials(rs.getLong("uid"), rs.getLong("euid"), rs.getLong("gid"),
                rs.getLong("auid"), rs.getLong("session"), rs.getString("user"), rs.getString("login_user"));
        Integer success = Sql.getInt(rs, "exec_success");
        return new ProcessNode(rs.getLong("key"), rs.getString("host"), rs.getInt("pid"), rs.getInt("ppid"),
                Sql.getLong(rs, "parent_key"), Sql.getMicros(rs, "start_us"), Sql.getMicros(rs, "exit_us"),
                Sql.getMicros(rs, "first_seen_us"), rs.getString("exe"), rs.getString("comm"),
                Argv.split(rs.getString("argv")), rs.getInt("argv_truncated") != 0, rs.getString("cwd"),
                rs.getString("tty"), cr, rs.getString("entity_id"), rs.getString("parent_entity_id"),
                success == null ? null : success != 0, Sql.getInt(rs, "exit_code"), rs.getInt("source_id"),
                rs.getInt("children"));
    }

    // ------------------------------------------------------------------------------------------- aggregations

    private static Where scope(Scope scope) {
        if (scope instanceof Scope.Lineage l) {
            return new Where(LINEAGE_CTE, " AND e.proc_key IN (SELECT key FROM lineage)", List.of(l.processKey()));
        } else if (scope instanceof Scope.Host h) {
            return new Where("", " AND e.host_id = (SELECT id FROM hosts WHERE name = ?)", List.of(h.name()));
        }
        return new Where("", "", List.of());
    }

    @Override
    public List<FileOpBucket> fileOpCounts(Scope scope, Instant from, Instant to, Duration bucket) {
        return fileOpCounts(scope, from, to, bucket, null);
    }

    @Override
    public List<FileOpBucket> fileOpCounts(Scope scope, Instant from, Instant to, Duration bucket, String fileName) {
        long fromUs = Times.toMicros(from);
        long width = Math.max(1, bucket.toNanos() / 1_000);
        Where s = scope(scope);
        String sql = s.prefix() + "SELECT (e.time_us - ?) / ? AS b, e.kind, COUNT(*) FROM events e "
                + (fileName == null ? "" : "JOIN paths p ON p.id = e.path_id ")
                + "WHERE e.kind BETWEEN 1 AND " + EventKind.LAST_FILE_OP_CODE + " AND e.result = 1 "
                + "AND e.time_us >= ? AND e.time_us < ?" + s.sql()
                + (fileName == null ? "" : " AND (p.path = ? OR p.path LIKE ? ESCAPE '\\')")
                + " GROUP BY b, e.kind ORDER BY b, e.kind";
        List<Object> params = new ArrayList<>(s.prefix().isEmpty() ? List.of() : s.params());
        params.addAll(List.of(fromUs, width, fromUs, Times.toMicros(to)));
        if (s.prefix().isEmpty()) {
            params.addAll(s.params());
        }
        if (fileName != null) {
            params.add(fileName);
            params.add("%/" + fileName.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<FileOpBucket> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FileOpBucket(Times.fromMicros(fromUs + rs.getLong(1) * width),
                            EventKind.fromCode(rs.getInt(2)).fileOpKind(), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("counting file operations", e);
        }
    }

    @Override
    public List<DirectorySummary> directories(Scope scope, Set<FileOpKind> kinds, String fileName, int limit) {
        Set<FileOpKind> ks = kinds == null || kinds.isEmpty() ? EnumSet.allOf(FileOpKind.class) : kinds;
        String codes = ks.stream().map(k -> String.valueOf(EventKind.of(k).code())).collect(Collectors.joining(","));
        Where s = scope(scope);
        String sql = s.prefix() + "SELECT d.path, COUNT(DISTINCT e.path_id), "
                + "SUM(e.kind = " + EventKind.CREATE.code() + "), SUM(e.kind = " + EventKind.WRITE.code() + "), "
                + "SUM(e.kind = " + EventKind.RENAME.code() + "), SUM(e.kind = " + EventKind.DELETE.code() + "), "
                + "COUNT(*), MIN(e.time_us), MAX(e.time_us) "
                + "FROM events e JOIN paths p ON p.id = e.path_id JOIN paths d ON d.id = p.parent_id "
                + "WHERE e.kind IN (" + codes + ") AND e.result = 1" + s.sql()
                + (fileName == null ? "" : " AND substr(p.path, length(d.path) + CASE WHEN d.path = '/' THEN 1 "
                + "ELSE 2 END) = ?")
                + " GROUP BY d.id ORDER BY COUNT(*) DESC, d.path LIMIT ?";
        List<Object> params = new ArrayList<>(s.params());
        if (fileName != null) {
            params.add(fileName);
        }
        params.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<DirectorySummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DirectorySummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), Times.fromMicros(rs.getLong(8)),
                            Times.fromMicros(rs.getLong(9))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("aggregating directories", e);
        }
    }

    // -------------------------------------------------------------------------------------------

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static CaseStoreException failure(String what, SQLException e) {
        return new CaseStoreException("Failed " + what + " from the case: " + e.getMessage(), e);
    }
}
