package io.ransomtrace.app.store;

import io.ransomtrace.app.files.OutputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ransomtrace repair}: copies the data of a case that {@link CaseFileCheck} refuses (changed outside
 * Ransomtrace, damaged pages) into a fresh case made by this version's own schema. Nothing of the old case's
 * schema is kept: no trigger, view or virtual table of it ever runs, because only its plain tables are read, by
 * explicit column lists, on a read-only, hardened connection (a table that is really a view or a virtual table
 * is skipped). Every value is checked against the column it goes into; a row that does not fit, or cannot be
 * read (damaged page, oversized value), is skipped and counted, and the copy goes on with the next row.
 */
public final class CaseRepair {

    /** What happened to one table. {@code problem} is null when every row was copied. */
    public record TableResult(String table, long copied, long skipped, String problem) {
    }

    public record Result(Path out, List<TableResult> tables) {
        public long skipped() {
            return tables.stream().mapToLong(TableResult::skipped).sum();
        }
    }

    private static final int PAGE = 2_000;

    /**
     * Tables that restate the events (the replay table) or a conclusion drawn from them (the kept analysis). Never
     * copied from a case being repaired: they might not agree with the events that were copied (rows skipped, or
     * written to disagree). The replay table is packed again from the copied events; the analysis is run again
     * the next time the case is opened.
     */
    private static final Map<String, String> DERIVED = Map.of(
            "replay_chunks", "not copied: packed again from the copied events",
            "analysis", "not copied: detection runs again when the case is opened",
            "analysis_findings", "not copied: detection runs again when the case is opened",
            "analysis_signals", "not copied: detection runs again when the case is opened",
            "analysis_processes", "not copied: detection runs again when the case is opened");
    private static final int SQLITE_CONSTRAINT = 19;

    private CaseRepair() {
    }

    public static Result repair(Path source, OutputFile out) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new CaseOpenException("No case file at " + source + ".");
        }
        CaseFileCheck.Header header = CaseFileCheck.readHeader(source);
        PrivateCaseCopy copy = header.wal() ? PrivateCaseCopy.recover(source) : null;
        try {
            Connection from = CaseStore.connect(copy == null ? source : copy.file(), true, false);
            try {
                try (Statement st = from.createStatement()) {
                    st.execute("PRAGMA query_only=ON");
                    st.executeQuery("SELECT count(*) FROM sqlite_schema").close();
                }
            } catch (SQLException e) {
                closeQuietly(from);
                if (copy != null || !CaseFileCheck.needsRollback(e)) {
                    throw CaseStore.translate(source, e);
                }
                copy = PrivateCaseCopy.recover(source);
                from = CaseStore.connect(copy.file(), true, false);
            }
            Connection reader = from;
            try {
                List<TableResult> results = new ArrayList<>();
                out.writeFile(tmp -> results.addAll(copyInto(source, tmp, reader)));
                return new Result(out.path(), results);
            } finally {
                closeQuietly(reader);
            }
        } finally {
            if (copy != null) {
                copy.close();
            }
        }
    }

    private static List<TableResult> copyInto(Path source, Path tmp, Connection from) throws IOException {
        List<TableResult> results = new ArrayList<>();
        Map<String, String> sourceTables = plainTables(from);
        try (CaseStore target = CaseStore.create(tmp)) {
            Connection to = target.connection();
            try {
                for (Map.Entry<String, List<Column>> table : ourTables(to).entrySet()) {
                    String name = table.getKey();
                    if (DERIVED.containsKey(name)) {
                        results.add(new TableResult(name, 0, 0, DERIVED.get(name)));
                        continue;
                    }
                    String kind = sourceTables.get(name);
                    if (kind == null) {
                        results.add(new TableResult(name, 0, 0, "not in the old case"));
                        continue;
                    }
                    if (!kind.equals("table")) {
                        results.add(new TableResult(name, 0, 0, "is a " + kind + " in the old case, not a table: "
                                + "not read"));
                        continue;
                    }
                    results.add(copyTable(from, to, name, table.getValue()));
                }
                try (Statement st = to.createStatement()) {
                    st.executeUpdate("UPDATE sources SET status='INTERRUPTED', status_note=COALESCE(status_note, "
                            + "'the import stopped before the end of the file (found so by repair)') "
                            + "WHERE status NOT IN ('COMPLETE', 'INTERRUPTED')");
                }
                try (PreparedStatement ps = to.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
                    ps.setString(1, "repaired_from");
                    ps.setString(2, source.toAbsolutePath() + " (" + Instant.now() + ", " + CaseStore.appVersion() + ")");
                    ps.executeUpdate();
                }
                CaseStore.ensureEventIndexes(to);
                try (Statement st = to.createStatement()) {
                    st.execute("PRAGMA analysis_limit=1000");
                    st.execute("ANALYZE");
                }
                target.packForReplay(() -> false);
            } catch (SQLException e) {
                throw new IOException("The repaired case could not be written: " + StoreFailures.describe(e), e);
            }
        }
        return results;
    }

    private record Column(String name, String type, boolean notNull) {
    }

    /** The old case's objects that are plain tables ("table"), and what the others really are. */
    private static Map<String, String> plainTables(Connection from) throws IOException {
        Map<String, String> kinds = new LinkedHashMap<>();
        try (Statement st = from.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table', 'view')")) {
            while (rs.next()) {
                String sql = rs.getString(3) == null ? "" : rs.getString(3).strip().toUpperCase(Locale.ROOT);
                String kind = rs.getString(1).equals("view") ? "view"
                        : sql.startsWith("CREATE VIRTUAL TABLE") ? "virtual table" : "table";
                kinds.putIfAbsent(rs.getString(2), kind);
            }
        } catch (SQLException e) {
            throw new CaseOpenException("The old case's list of tables cannot be read: " + StoreFailures.describe(e), e);
        }
        return kinds;
    }

    /** The tables of a fresh case, in creation order, with their columns. */
    private static Map<String, List<Column>> ourTables(Connection to) throws SQLException {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement st = to.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            tables.put(name, columns(to, name));
        }
        return tables;
    }

    private static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, \"notnull\" FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(new Column(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT), rs.getInt(3) != 0));
                }
            }
        }
        return cols;
    }

    private static TableResult copyTable(Connection from, Connection to, String table, List<Column> ours)
            throws SQLException {
        List<Column> theirs;
        try {
            theirs = columns(from, table);
        } catch (SQLException e) {
            return new TableResult(table, 0, 0, "its columns cannot be read: " + StoreFailures.describe(e));
        }
        List<Column> shared = new ArrayList<>();
        for (Column c : ours) {
            if (theirs.stream().anyMatch(t -> t.name().equalsIgnoreCase(c.name()))) {
                shared.add(c);
            }
        }
        if (shared.isEmpty()) {
            return new TableResult(table, 0, 0, "no column in common with this version's table");
        }
        String list = String.join(", ", shared.stream().map(c -> quote(c.name())).toList());
        // meta's created_at and created_by are the investigation's: the old case's replace the fresh ones
        String insert = "INSERT " + (table.equals("meta") ? "OR REPLACE " : "") + "INTO " + quote(table) + "(" + list + ") VALUES ("
                + String.join(", ", shared.stream().map(c -> "?").toList()) + ")";
        boolean hasRowid = hasRowid(from, table);
        long copied = 0;
        long skipped = 0;
        String problem = null;
        to.setAutoCommit(false);
        try (PreparedStatement ins = to.prepareStatement(insert)) {
            if (!hasRowid) {
                try (Statement st = from.createStatement();
                     ResultSet rs = st.executeQuery("SELECT " + list + " FROM main." + quote(table))) {
                    while (rs.next()) {
                        if (insertRow(rs, ins, shared)) {
                            copied++;
                        } else {
                            skipped++;
                        }
                    }
                } catch (SQLException e) {
                    problem = "reading stopped after " + copied + " rows: " + StoreFailures.describe(e);
                }
            } else {
                long after = Long.MIN_VALUE;
                String page = "SELECT rowid, " + list + " FROM main." + quote(table)
                        + " WHERE rowid > ? ORDER BY rowid LIMIT " + PAGE;
                boolean more = true;
                while (more) {
                    more = false;
                    try (PreparedStatement ps = from.prepareStatement(page)) {
                        ps.setLong(1, after);
                        try (ResultSet rs = ps.executeQuery()) {
                            int n = 0;
                            while (rs.next()) {
                                n++;
                                after = rs.getLong(1);
                                if (insertRow(rs, ins, shared, 2)) {
                                    copied++;
                                } else {
                                    skipped++;
                                }
                            }
                            more = n == PAGE;
                        }
                    } catch (SQLException unreadable) {
                        // one row (an oversized value, a damaged cell) cannot be read: skip past it by its rowid
                        Long next = nextRowid(from, table, after);
                        if (next == null) {
                            problem = "reading stopped at a damaged part of the table after " + copied + " rows: "
                                    + StoreFailures.describe(unreadable);
                            break;
                        }
                        skipped++;
                        after = next;
                        more = true;
                    }
                }
            }
            to.commit();
        } finally {
            to.setAutoCommit(true);
        }
        if (problem == null && skipped > 0) {
            problem = skipped + " row(s) could not be read or did not fit the table; skipped";
        }
        return new TableResult(table, copied, skipped, problem);
    }

    private static boolean insertRow(ResultSet rs, PreparedStatement ins, List<Column> cols) throws SQLException {
        return insertRow(rs, ins, cols, 1);
    }

    /** Copies one row when every value fits its column; false (nothing inserted) otherwise. */
    private static boolean insertRow(ResultSet rs, PreparedStatement ins, List<Column> cols, int first)
            throws SQLException {
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            Object v = rs.getObject(first + i);
            if (v == null) {
                if (c.notNull()) {
                    return false;
                }
                ins.setNull(i + 1, Types.NULL);
            } else if (c.type().contains("INT")) {
                if (!(v instanceof Integer || v instanceof Long)) {
                    return false;
                }
                ins.setLong(i + 1, ((Number) v).longValue());
            } else if (c.type().equals("REAL")) {
                if (!(v instanceof Number n)) {
                    return false;
                }
                ins.setDouble(i + 1, n.doubleValue());
            } else {
                if (!(v instanceof String s)) {
                    return false; // our text columns never hold blobs or numbers
                }
                ins.setString(i + 1, s);
            }
        }
        try {
            ins.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
                return false; // a duplicate key or a NOT NULL the old case did not keep
            }
            throw e; // the new case cannot be written (disk full): stop
        }
    }

    private static boolean hasRowid(Connection from, String table) {
        try (Statement st = from.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid FROM main." + quote(table) + " LIMIT 1")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Long nextRowid(Connection from, String table, long after) {
        try (PreparedStatement ps = from.prepareStatement("SELECT rowid FROM main." + quote(table)
                + " WHERE rowid > ? ORDER BY rowid LIMIT 1")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing was written through it
        }
    }
}
