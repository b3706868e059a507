package io.ransomtrace.app.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/**
 * Names what went wrong with a case or a file in words an analyst can act on. SQLite reports a full disk as
 * {@code SQLITE_FULL} ("database or disk is full") and Java as "No space left on device"; both mean the same to
 * the analyst and are named "disk full" everywhere.
 */
public final class StoreFailures {

    /** SQLite's primary result codes that matter here (the extended codes keep them in the low byte). */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_TOOBIG = 18;
    private static final int SQLITE_INTERRUPT = 9;

    private StoreFailures() {
    }

    /** True when the failure, or one of its causes, is a full disk or a full database file. */
    public static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && primaryCode(s) == SQLITE_FULL) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && (m.contains("SQLITE_FULL") || m.contains("No space left on device")
                    || m.contains("database or disk is full"))) {
                return true;
            }
        }
        return false;
    }

    /** True when the failure says the case file is damaged (corrupt pages, not a database). */
    public static boolean isCorrupt(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                int code = primaryCode(s);
                if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
                    return true;
                }
            }
            String m = c.getMessage();
            if (m != null && (m.contains("SQLITE_CORRUPT") || m.contains("malformed") || m.contains("SQLITE_NOTADB"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line saying what happened: "disk full", "the case file is damaged", "a value in the case is larger than
     * Ransomtrace ever writes"..., followed by the underlying message.
     */
    public static String describe(Throwable t) {
        if (isDiskFull(t)) {
            return "disk full: no space left to write the case (" + rootMessage(t) + "); free some space or put the "
                    + "case on another disk";
        }
        if (isCorrupt(t)) {
            return "the case file is damaged (" + rootMessage(t) + "); `ransomtrace repair` copies what is readable "
                    + "into a new case";
        }
        SQLException sql = find(t, SQLException.class);
        if (sql != null) {
            int code = primaryCode(sql);
            if (code == SQLITE_TOOBIG) {
                return "a value in the case is larger than Ransomtrace ever writes; the case was changed by another "
                        + "program (" + rootMessage(t) + ")";
            }
            if (code == SQLITE_INTERRUPT) {
                return "a query on the case was stopped: " + rootMessage(t);
            }
            if (code == SQLITE_IOERR) {
                return "the case file could not be read or written (I/O error: " + rootMessage(t) + ")";
            }
        }
        FileSystemException fs = find(t, FileSystemException.class);
        if (fs != null) {
            String reason = fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
            return fs.getFile() + ": " + reason + (fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")");
        }
        return rootMessage(t);
    }

    /** The innermost message that says something (SQLite's own text rather than the driver's wrapping). */
    static String rootMessage(Throwable t) {
        String best = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) {
                best = m;
            }
            if (c instanceof IOException && !(c.getCause() instanceof IOException) && m != null) {
                break;
            }
        }
        return best == null ? t.getClass().getSimpleName() : best;
    }

    private static int primaryCode(SQLException s) {
        if (s instanceof SQLiteException e && e.getResultCode() != null && e.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
            return e.getResultCode().code & 0xff;
        }
        return s.getErrorCode() & 0xff;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
