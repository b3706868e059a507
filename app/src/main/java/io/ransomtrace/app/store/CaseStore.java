package io.ransomtrace.app.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * An open {@code .rtcase} file: one SQLite database holding everything about an investigation.
 *
 * <p>Durability design (why the bulk load is both fast and safe against {@code kill -9}):
 * <ul>
 *   <li>The case always uses a rollback journal ({@code journal_mode=DELETE}), never WAL, so at rest the case
 *       is exactly one file that can be copied or mailed; there is no {@code -wal} file holding part of the
 *       data.</li>
 *   <li>During a bulk import {@code synchronous=OFF}: SQLite skips fsync but still issues its writes in the
 *       safe order (journal first, then database pages). A killed process cannot lose writes it already
 *       handed to the kernel, so after {@code kill -9} the journal is intact and the next read-write open
 *       rolls the half-done transaction back. Only an OS crash or power loss in the middle of an import could
 *       corrupt the file; the last commit of an import runs with {@code synchronous=FULL}, which makes the
 *       finished import durable.</li>
 *   <li>Events are committed in large transactions; each commit also updates the source's row with how far
 *       the import got, so the committed rows and the recorded progress always agree.</li>
 *   <li>A source left {@code IMPORTING} by a process that died is shown as {@link SourceStatus#INTERRUPTED}
 *       the next time the case is opened for writing.</li>
 * </ul>
 *
 * <p>Not thread-safe for concurrent writes; the import pipeline writes from one thread.
 */
public final class CaseStore implements AutoCloseable {

    /** File name extension of a case. */
    public static final String EXTENSION = ".rtcase";

    static {
        SqliteNativeLibrary.useCachedCopy();
    }

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final SqliteCaseQueries queries;
    private final AnalystAnnotations annotations;
    private final LastAnalysis lastAnalysis;
    /** Set when a read-only open reads a recovered private copy of the case (see {@link PrivateCaseCopy}). */
    private PrivateCaseCopy privateCopy;
    /** Set while a {@link CaseWriter} holds the connection in bulk mode (one long transaction). */
    private final java.util.concurrent.atomic.AtomicBoolean importRunning = new java.util.concurrent.atomic.AtomicBoolean();

    private CaseStore(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.queries = new SqliteCaseQueries(connection, readOnly);
        this.annotations = new AnalystAnnotations(connection, readOnly, importRunning);
        this.lastAnalysis = new LastAnalysis(connection, readOnly, importRunning);
    }

    static final int PAGE_SIZE = 16_384;

    /** Creates a new, empty case. Refuses to overwrite an existing file. */
    public static CaseStore create(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new CaseOpenException("Cannot create case " + file + ": a file with that name already exists.");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Connection c = connect(file, false, true);
        try {
            try (Statement st = c.createStatement()) {
                // Before anything is written (it is fixed then). 16 KB pages instead of 4 KB: a quarter of the
                // write calls during a bulk import (a third less system time) and shallower trees; any SQLite
                // reads them, and cases made with 4 KB pages stay as they are.
                st.execute("PRAGMA page_size=" + PAGE_SIZE);
            }
            configureReadWrite(c);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id=" + CaseSchema.APPLICATION_ID);
            }
            migrate(c, 0);
            try (var ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)")) {
                ps.setString(1, "created_at");
                ps.setString(2, Instant.now().toString());
                ps.setString(3, "created_by");
                ps.setString(4, appVersion());
                ps.executeUpdate();
            }
            return new CaseStore(file, c, false);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new CaseOpenException("Cannot create case " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing case for reading and writing, or creates it when the file does not exist yet. */
    public static CaseStore openOrCreate(Path file) throws IOException {
        return Files.exists(file) ? open(file) : create(file);
    }

    /**
     * Opens an existing case for reading and writing. An older case is upgraded in place (one transaction);
     * a source whose import died is marked interrupted and the event indexes are completed. The case is checked
     * as untrusted input first ({@link CaseFileCheck}), on the state SQLite's own recovery would leave it in, so
     * a refused case is left byte for byte as it was.
     */
    public static CaseStore open(Path file) throws IOException {
        requireExisting(file);
        CaseFileCheck.Header header = CaseFileCheck.readHeader(file);
        openVerified(file, header).close();
        Connection c = connect(file, false, false);
        try {
            int version = checkIdentity(c, file);
            if (version > CaseSchema.CURRENT_VERSION) {
                throw newerVersion(file, version);
            }
            CaseFileCheck.checkSchema(c, file, version); // again on this connection: the file may have changed
            configureReadWrite(c);
            migrate(c, version);
            markDeadImportsInterrupted(c);
            ensureEventIndexes(c);
            return new CaseStore(file, c, false);
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(file, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Opens a case so that it cannot be modified: the file is opened with {@code SQLITE_OPEN_READONLY} and the
     * connection is set {@code query_only}, after the same untrusted-input check as {@link #open}. A case left
     * mid-transaction by a killed import is read from a recovered private copy ({@link PrivateCaseCopy}): it
     * stays readable, and nothing beside it is created or changed.
     */
    public static CaseStore openReadOnly(Path file) throws IOException {
        requireExisting(file);
        CaseFileCheck.Header header = CaseFileCheck.readHeader(file);
        Verified v = openVerified(file, header);
        if (v.version() < CaseSchema.CURRENT_VERSION) {
            v.close();
            throw new CaseVersionException("Case " + file.getFileName() + " was written by an older Ransomtrace "
                    + "(case format " + v.version() + "; this version uses " + CaseSchema.CURRENT_VERSION
                    + "). Open it once for writing to upgrade it; a read-only open never changes the file.",
                    v.version(), CaseSchema.CURRENT_VERSION);
        }
        CaseStore store = new CaseStore(file, v.connection(), true);
        store.privateCopy = v.copy();
        return store;
    }

    /** A read-only connection to a case (or to its recovered copy) whose identity and schema were checked. */
    private record Verified(Connection connection, PrivateCaseCopy copy, int version) implements AutoCloseable {
        @Override
        public void close() {
            closeQuietly(connection);
            if (copy != null) {
                copy.close();
            }
        }
    }

    private static Verified openVerified(Path file, CaseFileCheck.Header header) throws IOException {
        // A WAL-mode case cannot be read in place without creating -shm/-wal files beside it.
        PrivateCaseCopy copy = header.wal() ? PrivateCaseCopy.recover(file) : null;
        try {
            try {
                return readVerified(file, copy);
            } catch (CaseOpenException e) {
                if (copy != null || !(e.getCause() instanceof SQLException s) || !CaseFileCheck.needsRollback(s)) {
                    throw e;
                }
            }
            copy = PrivateCaseCopy.recover(file); // a killed import: read its rolled-back copy
            return readVerified(file, copy);
        } catch (IOException | RuntimeException e) {
            if (copy != null) {
                copy.close();
            }
            throw e;
        }
    }

    private static Verified readVerified(Path file, PrivateCaseCopy copy) throws IOException {
        Connection c = connect(copy == null ? file : copy.file(), true, false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only=ON");
            }
            int version = checkIdentity(c, file);
            if (version > CaseSchema.CURRENT_VERSION) {
                throw newerVersion(file, version);
            }
            CaseFileCheck.checkSchema(c, file, version);
            return new Verified(c, copy, version);
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(file, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public CaseQueries queries() {
        return queries;
    }

    public AnalystAnnotations annotations() {
        return annotations;
    }

    /** The last detection run kept in the case. */
    public LastAnalysis lastAnalysis() {
        return lastAnalysis;
    }

    /** A writer for bulk-importing sources. Only one at a time; used from a single thread. */
    public CaseWriter openWriter() throws IOException {
        if (readOnly) {
            throw new CaseOpenException("Case " + file.getFileName() + " is open read-only; it cannot be imported into.");
        }
        try {
            return new CaseWriter(connection, importRunning);
        } catch (SQLException e) {
            throw new IOException("Cannot prepare the case for import: " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure whole-case replays read the replay table: a case imported before that table existed (or whose
     * chunks no longer cover every event) gets its events packed now, in one transaction, by one pass over the
     * events table (the cost of one slow re-run). Meanwhile the case refuses other writes as during an import.
     *
     * @param cancelled polled every event; a cancelled pack leaves the case as it was
     * @return true when replays now read the replay table; false when the case is read-only, an import or
     *         another pack is running, or the pack was cancelled
     */
    public boolean packForReplay(BooleanSupplier cancelled) throws IOException {
        if (readOnly || queries.replaysFromChunks()) {
            return !readOnly;
        }
        if (!importRunning.compareAndSet(false, true)) {
            return false;
        }
        boolean done = false;
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement();
                 PreparedStatement insert = connection.prepareStatement(ReplayChunks.INSERT_SQL)) {
                st.execute("DELETE FROM replay_chunks");
                ReplayChunkEncoder encoder = new ReplayChunkEncoder(ReplayChunks.ALL_SOURCES);
                boolean[] stopped = {false};
                queries.replayTable(EventFilter.all(), e -> {
                    if (cancelled.getAsBoolean()) {
                        stopped[0] = true;
                        return false;
                    }
                    ReplayChunkEncoder.Chunk chunk = encoder.add(e, Times.toMicros(e.time()));
                    if (chunk != null) {
                        insertChunk(insert, chunk);
                    }
                    return true;
                });
                if (!stopped[0]) {
                    ReplayChunkEncoder.Chunk chunk = encoder.finish();
                    if (chunk != null) {
                        insertChunk(insert, chunk);
                    }
                    connection.commit();
                    done = true;
                }
            } finally {
                if (!done) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
        } catch (SQLException | CaseStoreException e) {
            throw new IOException("Cannot pack the case's events for re-runs: " + e.getMessage(), e);
        } finally {
            importRunning.set(false);
        }
        return done && queries.replaysFromChunks();
    }

    private static void insertChunk(PreparedStatement insert, ReplayChunkEncoder.Chunk chunk) {
        try {
            ReplayChunks.insert(insert, chunk);
        } catch (SQLException e) {
            throw new CaseStoreException("Failed writing the replay table: " + e.getMessage(), e);
        }
    }

    public int schemaVersion() throws IOException {
        try {
            return userVersion(connection);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException("Closing case " + file + ": " + e.getMessage(), e);
        } finally {
            if (privateCopy != null) {
                privateCopy.close();
            }
        }
    }

    Connection connection() {
        return connection;
    }

    // ---------------------------------------------------------------------------------------------------------

    static Connection connect(Path file, boolean readOnly, boolean create) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        // A lock held longer than a second is an import in another process (it locks the case exclusively):
        // waiting longer would not help; the message says so.
        config.setBusyTimeout(1000);
        // Otherwise the driver runs "SELECT last_insert_rowid()" after every INSERT: a third of the import time.
        config.setGetGeneratedKeys(false);
        if (readOnly) {
            config.setReadOnly(true);
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        } else if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new CaseOpenException("Cannot open case " + file + ": " + e.getMessage(), e);
        }
        try {
            // before anything reads the case: it may come from someone else
            SqliteHardening.apply(c, readOnly ? SqliteHardening.READ_LIMIT : null);
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(file, e);
        }
        return c;
    }

    private static void configureReadWrite(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA cache_size=-65536");
        }
    }

    private static void requireExisting(Path file) throws CaseOpenException {
        if (!Files.isRegularFile(file)) {
            throw new CaseOpenException("No case file at " + file + ".");
        }
    }

    /** Returns the case's schema version after checking that the file is a Ransomtrace case at all. */
    private static int checkIdentity(Connection c, Path file) throws SQLException, CaseOpenException {
        int appId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA application_id")) {
            appId = rs.next() ? rs.getInt(1) : 0;
        }
        if (appId != CaseSchema.APPLICATION_ID) {
            throw new CaseOpenException(file.getFileName() + " is an SQLite database but not a Ransomtrace case.");
        }
        return userVersion(c);
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static CaseVersionException newerVersion(Path file, int version) {
        return new CaseVersionException("Case " + file.getFileName() + " was written by a newer Ransomtrace (case "
                + "format " + version + "; this version reads up to format " + CaseSchema.CURRENT_VERSION
                + "). Update Ransomtrace to open it. The file was not changed.", version, CaseSchema.CURRENT_VERSION);
    }

    /** Runs every migration after {@code fromVersion} in one transaction: a failed upgrade leaves the case as it was. */
    static void migrate(Connection c, int fromVersion) throws SQLException {
        if (fromVersion >= CaseSchema.CURRENT_VERSION) {
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (CaseSchema.Migration m : CaseSchema.MIGRATIONS) {
                if (m.version() > fromVersion) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version=" + m.version());
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void markDeadImportsInterrupted(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE sources SET status=?, status_note=COALESCE(status_note, ?) "
                + "WHERE status=?")) {
            ps.setString(1, SourceStatus.INTERRUPTED.name());
            ps.setString(2, "the import stopped before the end of the file (the program was ended)");
            ps.setString(3, SourceStatus.IMPORTING.name());
            ps.executeUpdate();
        }
    }

    static void ensureEventIndexes(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA threads=2"); // index builds sort with a helper thread
            // SQLite sorts in memory up to about the page cache's size and only beyond that in runs that the
            // helper thread sorts in parallel: a small cache here makes a million-row sort use both cores
            // (1.3 s -> 0.5 s for the process parent index) and keeps the sorter's memory small.
            st.execute("PRAGMA cache_size=-16384");
            for (CaseSchema.Index index : CaseSchema.EVENT_INDEXES) {
                st.execute(index.createSql());
            }
            st.execute("PRAGMA cache_size=-65536");
        }
    }

    static CaseOpenException translate(Path file, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("SQLITE_NOTADB") || msg.contains("not a database")) {
            return new CaseOpenException(file.getFileName() + " is not a Ransomtrace case (not an SQLite database).", e);
        }
        if (msg.contains("SQLITE_BUSY") || msg.contains("locked")) {
            return new CaseOpenException("Case " + file.getFileName() + " is in use by another Ransomtrace (an import "
                    + "is running). Try again when it has finished.", e);
        }
        if (msg.contains("SQLITE_CORRUPT") || msg.contains("malformed")) {
            return new CaseOpenException("Case " + file.getFileName() + " is damaged: " + msg, e);
        }
        if (StoreFailures.isDiskFull(e)) {
            return new CaseOpenException("Cannot open case " + file + " for writing: " + StoreFailures.describe(e), e);
        }
        return new CaseOpenException("Cannot open case " + file + ": " + msg, e);
    }

    static String appVersion() {
        String v = CaseStore.class.getPackage().getImplementationVersion();
        return "ransomtrace " + (v == null ? "development build" : v);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the original failure is what the analyst needs to see
        }
    }
}
