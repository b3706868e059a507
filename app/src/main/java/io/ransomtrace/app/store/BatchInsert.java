package io.ransomtrace.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Inserts rows many at a time ({@code INSERT ... VALUES (...), (...), ...}). Through the JDBC driver each
 * statement execution has a fixed cost that is larger than SQLite's own work for a small row: 32 rows a
 * statement made the bulk load about three times faster than one, and 128-256 rows (a few thousand bound
 * values) another third faster than 32 (1.13 M event rows: 6.1 s at 1 row, 2.1 s at 32, 1.4 s at 256).
 *
 * <p>A batch that violates a constraint is retried row by row, and only the offending rows are handed to
 * {@link Rejected}, so one bad row never costs its neighbours.
 */
final class BatchInsert {

    interface Rejected {
        void rejected(Object tag, SQLException why) throws SQLException;
    }

    private static final int SQLITE_CONSTRAINT = 19;

    private final Connection c;
    private final String insertInto;
    private final String row;
    private final PreparedStatement many;
    private final PreparedStatement one;
    /** Statements for 2, 4, 8, ... rows, made when first needed: a partial batch (before every commit, before a
     * read of the table) is written in a few statements, not row by row. */
    private final PreparedStatement[] byPowerOfTwo = new PreparedStatement[31];
    private final int rowsPerStatement;
    private final int columns;
    private final Object[][] rows;
    private final Object[] tags;
    private final Rejected rejected;
    private int size;

    BatchInsert(Connection c, String insertInto, int columns, int rowsPerStatement, Rejected rejected)
            throws SQLException {
        this.c = c;
        this.insertInto = insertInto;
        this.row = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        this.many = statementFor(rowsPerStatement);
        this.one = statementFor(1);
        this.columns = columns;
        this.rowsPerStatement = rowsPerStatement;
        this.rows = new Object[rowsPerStatement][];
        this.tags = new Object[rowsPerStatement];
        this.rejected = rejected;
    }

    /** Adds a row (its values in column order); {@code tag} identifies it if it is rejected. */
    void add(Object[] values, Object tag) throws SQLException {
        rows[size] = values;
        tags[size] = tag;
        size++;
        if (size == rowsPerStatement) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (size == 0) {
            return;
        }
        try {
            int done = 0;
            while (done < size) {
                int n = size - done == rowsPerStatement ? rowsPerStatement : Integer.highestOneBit(size - done);
                if (n == 1) {
                    oneByOne(done, size);
                    break;
                }
                PreparedStatement ps = n == rowsPerStatement ? many : powerOfTwo(n);
                int k = 1;
                for (int r = done; r < done + n; r++) {
                    for (int col = 0; col < columns; col++) {
                        ps.setObject(k++, rows[r][col]);
                    }
                }
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getErrorCode() != SQLITE_CONSTRAINT) {
                        throw e;
                    }
                    oneByOne(done, done + n);
                }
                done += n;
            }
        } finally {
            java.util.Arrays.fill(rows, 0, size, null);
            java.util.Arrays.fill(tags, 0, size, null);
            size = 0;
        }
    }

    private PreparedStatement powerOfTwo(int n) throws SQLException {
        int slot = Integer.numberOfTrailingZeros(n);
        if (byPowerOfTwo[slot] == null) {
            byPowerOfTwo[slot] = statementFor(n);
        }
        return byPowerOfTwo[slot];
    }

    private PreparedStatement statementFor(int n) throws SQLException {
        return c.prepareStatement(insertInto + " VALUES " + String.join(",", Collections.nCopies(n, row)));
    }

    private void oneByOne(int from, int to) throws SQLException {
        for (int r = from; r < to; r++) {
            for (int col = 0; col < columns; col++) {
                one.setObject(col + 1, rows[r][col]);
            }
            try {
                one.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() != SQLITE_CONSTRAINT) {
                    throw e;
                }
                rejected.rejected(tags[r], e);
            }
        }
    }

    void close() throws SQLException {
        many.close();
        one.close();
        for (PreparedStatement ps : byPowerOfTwo) {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
