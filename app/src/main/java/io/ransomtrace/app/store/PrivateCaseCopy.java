package io.ransomtrace.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a case in a private temporary folder, brought to a consistent state there, for reading a case that
 * SQLite could only read after changing it: a case whose import was killed (a hot rollback journal beside it) or a
 * case someone switched to WAL mode. Reading it in place would mean rolling the journal back or creating
 * {@code -shm}/{@code -wal} files beside the case; a read-only command must never change the analyst's evidence
 * folder, so the copy is recovered instead and removed when the case is closed.
 */
final class PrivateCaseCopy implements AutoCloseable {

    private static final List<String> SIDE_FILES = List.of("-journal", "-wal");

    private final Path dir;
    private final Path file;

    private PrivateCaseCopy(Path dir, Path file) {
        this.dir = dir;
        this.file = file;
    }

    /** The recovered copy, ready for a read-only open. */
    Path file() {
        return file;
    }

    /** Copies the case and its journal or WAL, and lets SQLite recover the copy (roll back, checkpoint). */
    static PrivateCaseCopy recover(Path original) throws IOException {
        Path dir = Files.createTempDirectory("ransomtrace-case-");
        PrivateCaseCopy copy = new PrivateCaseCopy(dir, dir.resolve("case.rtcase"));
        try {
            Files.copy(original, copy.file);
            for (String suffix : SIDE_FILES) {
                Path side = original.resolveSibling(original.getFileName() + suffix);
                if (Files.isRegularFile(side, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(side, dir.resolve("case.rtcase" + suffix));
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.file.toAbsolutePath())) {
                SqliteHardening.apply(c, SqliteHardening.READ_LIMIT);
                try (Statement st = c.createStatement()) {
                    // the first read rolls a hot journal back; leaving WAL mode checkpoints the WAL into the file
                    st.executeQuery("SELECT count(*) FROM sqlite_schema").close();
                    st.execute("PRAGMA journal_mode=DELETE");
                }
            }
            return copy;
        } catch (SQLException e) {
            copy.close();
            throw new CaseOpenException("Case " + original.getFileName() + " was left in the middle of a change and "
                    + "could not be recovered for reading: " + StoreFailures.describe(e), e);
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw new CaseOpenException("Case " + original.getFileName() + " was left in the middle of a change; "
                    + "reading it needs a private copy, which could not be made in " + dir.getParent() + ": "
                    + StoreFailures.describe(e), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary copy is harmless; the case itself was never touched
        }
    }
}
