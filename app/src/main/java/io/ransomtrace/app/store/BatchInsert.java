package io.ransomtrace.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Inserts rows many at a time ({@code INSERT ... VALUES (...), (...), ...}). Through the JDBC driver each
 * statement execution has a fixed cost that is larger than SQLite's own work for a small row; 32 rows a
 * statement made the bulk load about three times faster than one.
 *
 * <p>A batch that violates a constraint is retried row by row, and only the offending rows are handed to
 * {@link Rejected}, so one bad row never costs its neighbours.
 */
final class BatchInsert {

    interface Rejected {
        void rejected(Object tag, SQLException why) throws SQLException;
    }

    private static final int SQLITE_CONSTRAINT = 19;

    private final PreparedStatement many;
    private final PreparedStatement one;
    private final int rowsPerStatement;
    private final int columns;
    private final Object[][] rows;
    private final Object[] tags;
    private final Rejected rejected;
    private int size;

    BatchInsert(Connection c, String insertInto, int columns, int rowsPerStatement, Rejected rejected)
            throws SQLException {
        String row = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        this.many = c.prepareStatement(insertInto + " VALUES " + String.join(",", Collections.nCopies(rowsPerStatement, row)));
        this.one = c.prepareStatement(insertInto + " VALUES " + row);
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
            if (size == rowsPerStatement) {
                int k = 1;
                for (int r = 0; r < size; r++) {
                    for (int col = 0; col < columns; col++) {
                        many.setObject(k++, rows[r][col]);
                    }
                }
                try {
                    many.executeUpdate();
                } catch (SQLException e) {
                    if (e.getErrorCode() != SQLITE_CONSTRAINT) {
                        throw e;
                    }
                    oneByOne();
                }
            } else {
                oneByOne();
            }
        } finally {
            java.util.Arrays.fill(rows, 0, size, null);
            java.util.Arrays.fill(tags, 0, size, null);
            size = 0;
        }
    }

    private void oneByOne() throws SQLException {
        for (int r = 0; r < size; r++) {
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
    }
}
