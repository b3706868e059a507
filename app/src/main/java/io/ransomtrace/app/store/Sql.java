package io.ransomtrace.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Null-aware JDBC accessors, so optional event fields round-trip as null rather than 0. */
final class Sql {
    private Sql() {
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Instant getMicros(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Times.fromMicros(v);
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getString(column));
    }

    /**
     * A time Ransomtrace wrote as ISO-8601 text; null when absent or unreadable (a case changed by another program
     * must not stop every command that lists its sources or notes).
     */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A source's status; a value Ransomtrace never writes counts as interrupted (not known to be complete). */
    static SourceStatus status(String text) {
        try {
            return SourceStatus.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            return SourceStatus.INTERRUPTED;
        }
    }
}
