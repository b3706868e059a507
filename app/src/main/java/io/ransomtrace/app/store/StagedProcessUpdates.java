package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.Credentials;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Changes to process rows learned during an import (a process exited; a parent known only by its pid turned
 * out to be a given program), collected in temporary tables and applied to {@code processes} with one
 * {@code UPDATE} each before every commit.
 *
 * <p>Why: a busy log has about as many exits as execs, and one {@code UPDATE} statement per exit cost more
 * than storing the process. The rows they change may still sit in the writer's insert batch, which is one more
 * reason to apply them only after that batch is flushed. The staging tables are {@code TEMP} (this connection
 * only, never in the case file) and are emptied by each apply, in the same transaction as the commit, so a
 * killed import loses nothing a commit had promised.
 */
final class StagedProcessUpdates {

    private final Connection c;
    private final BatchInsert exits;
    private final BatchInsert identities;
    private boolean pending;

    StagedProcessUpdates(Connection c) throws SQLException {
        this.c = c;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS staged_exits ("
                    + "key INTEGER PRIMARY KEY, exit_us INTEGER, exit_code INTEGER)");
            st.execute("CREATE TEMP TABLE IF NOT EXISTS staged_identities ("
                    + "key INTEGER PRIMARY KEY, exe TEXT, comm TEXT, ppid INTEGER, parent_key INTEGER, uid INTEGER, "
                    + "euid INTEGER, gid INTEGER, auid INTEGER, session INTEGER, user TEXT, login_user TEXT, "
                    + "entity_id TEXT)");
        }
        // OR REPLACE: the latest word about a process wins, as a row-by-row UPDATE would have it
        exits = new BatchInsert(c, "INSERT OR REPLACE INTO temp.staged_exits(key, exit_us, exit_code)", 3, 256,
                (tag, why) -> {
                    throw why;
                });
        identities = new BatchInsert(c, "INSERT OR REPLACE INTO temp.staged_identities(key, exe, comm, ppid, "
                + "parent_key, uid, euid, gid, auid, session, user, login_user, entity_id)", 13, 128, (tag, why) -> {
                    throw why;
                });
    }

    void exited(long key, long exitMicros, Integer exitCode) throws SQLException {
        exits.add(new Object[]{key, exitMicros, exitCode}, null);
        pending = true;
    }

    void identified(long key, Actor a, Long parentKey) throws SQLException {
        Credentials cr = a.credentials();
        identities.add(new Object[]{key, a.exe(), a.comm(), a.ppid(), parentKey, cr.uid(), cr.euid(), cr.gid(),
                cr.loginUid(), cr.session(), cr.user(), cr.loginUser(), a.entityId()}, null);
        pending = true;
    }

    /** Writes the staged changes into {@code processes}; call after the process rows are flushed. */
    void apply() throws SQLException {
        if (!pending) {
            return;
        }
        exits.flush();
        identities.flush();
        try (Statement st = c.createStatement()) {
            // "key IN (SELECT ...)" walks the few staged keys and finds each process by its key; the UPDATE ... FROM
            // form let the planner scan the whole processes table at every commit
            st.executeUpdate("UPDATE processes SET "
                    + "exit_us=(SELECT exit_us FROM temp.staged_exits s WHERE s.key=processes.key), "
                    + "exit_code=(SELECT exit_code FROM temp.staged_exits s WHERE s.key=processes.key) "
                    + "WHERE key IN (SELECT key FROM temp.staged_exits)");
            st.executeUpdate("UPDATE processes SET (exe, comm, ppid, parent_key, uid, euid, gid, auid, session, user, "
                    + "login_user, entity_id) = (SELECT exe, comm, ppid, parent_key, uid, euid, gid, auid, session, "
                    + "user, login_user, entity_id FROM temp.staged_identities s WHERE s.key=processes.key) "
                    + "WHERE key IN (SELECT key FROM temp.staged_identities)");
            st.executeUpdate("DELETE FROM temp.staged_exits");
            st.executeUpdate("DELETE FROM temp.staged_identities");
        }
        pending = false;
    }

    void close() throws SQLException {
        exits.close();
        identities.close();
    }
}
