package io.ransomtrace.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A case file is untrusted input: it may come from another analyst, a ticket attachment or an attacker. Before
 * Ransomtrace runs anything on a case, this check reads the file's header without SQLite (is it an SQLite
 * database, is it ours, which version) and then compares the database's schema ({@code sqlite_master}) with the
 * schema Ransomtrace itself creates for that version. Anything else (a trigger that deletes events as they are
 * imported, a view that never ends, a virtual table, an altered column, an extra index) would run the sender's
 * SQL on the analyst's machine and is refused: the case is not opened and not changed.
 *
 * <p>Allowed differences are only those Ransomtrace's own life cycle produces: the bulk-load indexes missing
 * (an import was killed before rebuilding them; the next read-write open rebuilds them) and the planner's
 * statistics tables missing (no import finished yet).
 */
final class CaseFileCheck {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What the first 100 bytes of the file say. */
    record Header(int pageSize, boolean wal, int userVersion, int applicationId) {
    }

    /** One schema object as {@code sqlite_master} lists it, with its SQL text normalised. */
    record SchemaObject(String type, String name, String table, String sql) {
        @Override
        public String toString() {
            return type + " " + name + (Objects.equals(name, table) ? "" : " on " + table);
        }
    }

    private static final Map<Integer, Map<String, SchemaObject>> EXPECTED = new ConcurrentHashMap<>();

    private CaseFileCheck() {
    }

    /**
     * Reads and checks the header: an SQLite database, marked as a Ransomtrace case, of a version this build
     * reads. Nothing is opened with SQLite yet, so a refused file is certainly left as it was.
     */
    static Header readHeader(Path file) throws CaseOpenException {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(100);
        } catch (IOException e) {
            throw new CaseOpenException("Cannot read case " + file + ": " + e.getMessage(), e);
        }
        if (h.length < 100 || !java.util.Arrays.equals(h, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            throw new CaseOpenException(file.getFileName() + " is not a Ransomtrace case (not an SQLite database).");
        }
        int pageSize = (h[16] & 0xff) << 8 | (h[17] & 0xff);
        Header header = new Header(pageSize == 1 ? 65_536 : pageSize, h[18] == 2 || h[19] == 2, int32(h, 60),
                int32(h, 68));
        if (header.applicationId() != CaseSchema.APPLICATION_ID) {
            throw new CaseOpenException(file.getFileName() + " is an SQLite database but not a Ransomtrace case.");
        }
        if (header.userVersion() > CaseSchema.CURRENT_VERSION) {
            throw CaseStore.newerVersion(file, header.userVersion());
        }
        return header;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** True when SQLite refused a read-only open because a cut-off transaction must be rolled back first. */
    static boolean needsRollback(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_READONLY_ROLLBACK") || m.contains("Hot journal") || m.contains("SQLITE_READONLY_RECOVERY");
    }

    /**
     * Compares the case's schema with the one this version of Ransomtrace creates for {@code version}; throws a
     * {@link CaseOpenException} naming every object that differs.
     */
    static void checkSchema(Connection c, Path file, int version) throws SQLException, CaseOpenException {
        Map<String, SchemaObject> expected = expected(version);
        Map<String, SchemaObject> actual = read(c);
        List<String> foreign = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        for (SchemaObject o : actual.values()) {
            SchemaObject e = expected.get(o.name());
            if (e == null) {
                foreign.add(o.toString());
            } else if (!e.equals(o)) {
                altered.add(o.toString());
            }
        }
        List<String> missing = new ArrayList<>();
        for (SchemaObject e : expected.values()) {
            if (!actual.containsKey(e.name()) && !mayBeMissing(e)) {
                missing.add(e.toString());
            }
        }
        if (foreign.isEmpty() && altered.isEmpty() && missing.isEmpty()) {
            return;
        }
        StringBuilder why = new StringBuilder();
        if (!foreign.isEmpty()) {
            why.append(" It holds ").append(describe(foreign)).append(" that Ransomtrace never creates.");
        }
        if (!altered.isEmpty()) {
            why.append(" Its ").append(describe(altered)).append(altered.size() == 1 ? " differs" : " differ")
                    .append(" from what Ransomtrace creates.");
        }
        if (!missing.isEmpty()) {
            why.append(" It lacks ").append(describe(missing)).append('.');
        }
        throw new CaseOpenException("Case " + file.getFileName() + " was changed outside Ransomtrace and is refused:"
                + why + " Such a case could run its author's SQL (change or hide evidence) when opened; it was not "
                + "opened and not changed. `ransomtrace repair --case " + file.getFileName() + " --out NEW.rtcase` "
                + "copies its data into a fresh case.");
    }

    private static String describe(List<String> objects) {
        int shown = Math.min(objects.size(), 8);
        String list = String.join(", ", objects.subList(0, shown));
        return objects.size() > shown ? list + " and " + (objects.size() - shown) + " more" : list;
    }

    /** Objects Ransomtrace itself drops or has not made yet: the bulk-load indexes and the planner statistics. */
    private static boolean mayBeMissing(SchemaObject o) {
        if (o.name().startsWith("sqlite_stat")) {
            return true;
        }
        for (CaseSchema.Index index : CaseSchema.EVENT_INDEXES) {
            if (index.name().equals(o.name())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, SchemaObject> read(Connection c) throws SQLException {
        Map<String, SchemaObject> objects = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM main.sqlite_schema")) {
            while (rs.next()) {
                SchemaObject o = new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3),
                        normalise(rs.getString(4)));
                SchemaObject twin = objects.putIfAbsent(o.name(), o);
                if (twin != null) {
                    // two objects of one name cannot come from SQLite itself: keep both visible as foreign
                    objects.put(o.name() + "#" + objects.size(), o);
                }
            }
        }
        return objects;
    }

    /** The schema this build creates for {@code version}: made once in memory by the same statements. */
    static Map<String, SchemaObject> expected(int version) throws SQLException {
        Map<String, SchemaObject> cached = EXPECTED.get(version);
        if (cached != null) {
            return cached;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            if (version == 0) {
                return Map.of(); // a case whose creation was cut off before its tables were made
            }
            try (Statement st = c.createStatement()) {
                for (CaseSchema.Migration m : CaseSchema.MIGRATIONS) {
                    if (m.version() <= version) {
                        for (String sql : m.statements()) {
                            st.execute(sql);
                        }
                    }
                }
                for (CaseSchema.Index index : CaseSchema.EVENT_INDEXES) {
                    st.execute(index.createSql());
                }
                st.execute("ANALYZE");
            }
            Map<String, SchemaObject> schema = new TreeMap<>(read(c));
            EXPECTED.put(version, schema);
            return schema;
        }
    }

    /** Whitespace-insensitive SQL text: the same statement indented differently is the same object. */
    static String normalise(String sql) {
        return sql == null ? null : sql.strip().replaceAll("\\s+", " ");
    }
}
