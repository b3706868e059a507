package io.ransomtrace.app.store;

import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Settings every connection to a case gets, because a case file may come from someone else (SQLite's
 * "Defense against the dark arts", https://www.sqlite.org/security.html):
 * <ul>
 *   <li>{@code trusted_schema=OFF}: SQL functions and virtual tables with side effects cannot run from the
 *       schema (triggers, views, defaults, generated columns). {@link CaseFileCheck} refuses such schema objects
 *       anyway; this is the second wall.</li>
 *   <li>{@code cell_size_check=ON}: a corrupt page is reported as damage instead of being read past its end.</li>
 *   <li>Limits: no single value or row larger than {@link #MAX_VALUE_BYTES} is read or written (Ransomtrace caps
 *       what it stores far below that, see {@link StoredText}), no ATTACH, no trigger recursion.</li>
 *   <li>A {@link QueryWatchdog} that stops SQLite when it has worked without a pause for longer than the
 *       connection's limit, so a query that would never end (a crafted page loop) ends with a message.</li>
 * </ul>
 * SQLite's {@code SQLITE_DBCONFIG_DEFENSIVE} flag is not reachable through the sqlite-jdbc driver (it has no
 * {@code sqlite3_db_config} binding and no PRAGMA sets it). What the flag blocks ({@code writable_schema},
 * {@code sqlite_dbpage} writes, shadow-table writes) can only be done by SQL text that Ransomtrace never runs, and
 * a case cannot make it run any: {@link CaseFileCheck} admits no trigger, view or virtual table.
 */
final class SqliteHardening {

    /** Largest string, blob or row SQLite will read or write on a case connection. */
    static final int MAX_VALUE_BYTES = 16 << 20;

    /**
     * How long SQLite may work without a pause on a read-only connection: every query Ransomtrace runs on a case
     * returns rows or finishes far sooner, even a full pass over ten million events.
     */
    static final Duration READ_LIMIT = Duration.ofMinutes(5);

    private SqliteHardening() {
    }

    /**
     * Applies the settings to a fresh connection, before anything reads the case.
     *
     * @param busyLimit how long SQLite may work without a pause, or null for no limit (an import's own index
     *                  build on a large case legitimately takes minutes)
     */
    static QueryWatchdog apply(Connection c, Duration busyLimit) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA trusted_schema=OFF");
            st.execute("PRAGMA cell_size_check=ON");
            st.execute("PRAGMA mmap_size=0");
        }
        SQLiteConnection sc = c.unwrap(SQLiteConnection.class);
        sc.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
        sc.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
        sc.setLimit(SQLiteLimits.SQLITE_LIMIT_TRIGGER_DEPTH, 1);
        QueryWatchdog watchdog = new QueryWatchdog(busyLimit);
        if (busyLimit != null) {
            // not on an import's connection: no limit to keep, and a call into Java per 100,000 steps saved
            ProgressHandler.setHandler(c, QueryWatchdog.CALL_EVERY_OPS, watchdog);
        }
        return watchdog;
    }

    /**
     * SQLite's progress handler: called every {@link #CALL_EVERY_OPS} virtual machine instructions while a
     * statement runs. Calls close together are one stretch of work; a pause of {@link #PAUSE} (the caller doing
     * something else, or idle) starts a new one. A stretch longer than the limit is stopped (SQLITE_INTERRUPT).
     */
    static final class QueryWatchdog extends ProgressHandler {
        static final int CALL_EVERY_OPS = 100_000;
        static final long PAUSE = Duration.ofMillis(200).toNanos();

        private final long limitNanos;
        private long stretchStart;
        private long lastCall;
        private volatile boolean tripped;

        QueryWatchdog(Duration limit) {
            this.limitNanos = limit == null ? Long.MAX_VALUE : limit.toNanos();
        }

        @Override
        protected int progress() {
            long now = System.nanoTime();
            if (now - lastCall > PAUSE) {
                stretchStart = now;
            }
            lastCall = now;
            if (now - stretchStart > limitNanos) {
                tripped = true;
                return 1;
            }
            return 0;
        }

        /** True once a stretch of work was stopped for running too long. */
        boolean tripped() {
            return tripped;
        }

        long limitSeconds() {
            return limitNanos == Long.MAX_VALUE ? -1 : limitNanos / 1_000_000_000L;
        }
    }
}
