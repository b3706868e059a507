package io.ransomtrace.e2e.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

/**
 * Case files as an attacker (or a damaged disk) would hand them over: each starts as a real case made by
 * {@code ransomtrace import} and is then changed with plain SQLite, or its bytes damaged.
 */
final class CraftedCases {

    /** Changes a copy of the base case into the crafted one; {@code dir} holds only that case. */
    interface Craft {
        void apply(Path caseFile, Random random) throws Exception;
    }

    record Crafted(String name, Craft craft) {
    }

    private CraftedCases() {
    }

    static List<Crafted> all() {
        return List.of(
                sql("trigger deleting every imported event",
                        "CREATE TRIGGER eat AFTER INSERT ON events BEGIN DELETE FROM events WHERE id = NEW.id; END"),
                sql("trigger writing an allowlist entry when a source is updated",
                        "CREATE TRIGGER allow AFTER UPDATE ON sources BEGIN INSERT INTO allowlist(kind, pattern, "
                                + "reason, created_at) VALUES ('exe', '*', 'x', 'now'); END"),
                sql("trigger on the allowlist", "CREATE TRIGGER t BEFORE INSERT ON allowlist BEGIN "
                        + "SELECT RAISE(IGNORE); END"),
                sql("recursive view that never ends",
                        "CREATE VIEW loop AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r"),
                sql("view of huge blobs", "CREATE VIEW blobs AS SELECT zeroblob(1000000000) AS b FROM events"),
                sql("fts5 virtual table", "CREATE VIRTUAL TABLE notes_fts USING fts5(text)"),
                sql("rtree virtual table", "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1)"),
                sql("extra index", "CREATE INDEX spy ON events(kind)"),
                sql("added column with a default", "ALTER TABLE events ADD COLUMN extra TEXT DEFAULT 'x'"),
                sql("added generated column", "ALTER TABLE processes ADD COLUMN g INTEGER GENERATED ALWAYS AS (pid * 2) VIRTUAL"),
                new Crafted("events table replaced by a view", (f, r) -> exec(f,
                        "DROP TABLE content_hints", "DROP TABLE other_details", "ALTER TABLE events RENAME TO ev2",
                        "CREATE VIEW events AS SELECT * FROM ev2")),
                new Crafted("table definition rewritten with writable_schema", (f, r) -> exec(f,
                        "PRAGMA writable_schema=ON",
                        "UPDATE sqlite_schema SET sql = replace(sql, 'kind INTEGER NOT NULL', "
                                + "'kind INTEGER NOT NULL DEFAULT (random())') WHERE name = 'events'")),
                sql("newer case format", "PRAGMA user_version=99"),
                sql("older format number on the current schema", "PRAGMA user_version=3"),
                sql("not a Ransomtrace case", "PRAGMA application_id=0"),
                new Crafted("oversized values in a legitimate schema", (f, r) -> exec(f,
                        "UPDATE processes SET argv = zeroblob(20000000) WHERE key = (SELECT MIN(key) FROM processes)",
                        "UPDATE events SET native_id = zeroblob(20000000) WHERE id = (SELECT MAX(id) FROM events)")),
                new Crafted("values of the wrong type", (f, r) -> exec(f,
                        "UPDATE events SET time_us = 'yesterday' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 5)",
                        "UPDATE sources SET imported_at = 'not a time', record_type_counts = '{broken'",
                        "UPDATE meta SET value = 'never' WHERE key = 'created_at'")),
                new Crafted("process tree with a cycle", (f, r) -> exec(f,
                        "UPDATE processes SET parent_key = (SELECT MAX(key) FROM processes) "
                                + "WHERE key = (SELECT MIN(key) FROM processes)",
                        "UPDATE processes SET parent_key = key WHERE key % 7 = 0")),
                new Crafted("misleading planner statistics", (f, r) -> exec(f,
                        "UPDATE sqlite_stat1 SET stat = '1 1 1'", "DELETE FROM sqlite_stat4")),
                new Crafted("source left importing, strings with escapes", (f, r) -> exec(f,
                        "UPDATE sources SET status = 'IMPORTING', path = '/tmp/' || char(27) || '[2J' || char(8238) || 'gol.x'",
                        "UPDATE hosts SET name = 'fs01' || char(27) || ']0;owned' || char(7)")),
                new Crafted("unknown source status", (f, r) -> exec(f, "UPDATE sources SET status = 'HACKED'")),
                new Crafted("corrupt pages", (f, r) -> damage(f, r, 4096, 200)),
                new Crafted("corrupt first page", (f, r) -> {
                    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                        byte[] junk = new byte[900];
                        r.nextBytes(junk);
                        raf.seek(100);
                        raf.write(junk);
                    }
                }),
                new Crafted("truncated file", (f, r) -> {
                    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                        raf.setLength(raf.length() / 2);
                    }
                }),
                new Crafted("empty file", (f, r) -> Files.write(f, new byte[0])),
                new Crafted("garbage journal beside it", (f, r) -> {
                    byte[] junk = new byte[8192];
                    r.nextBytes(junk);
                    Files.write(f.resolveSibling(f.getFileName() + "-journal"), junk);
                }),
                new Crafted("garbage WAL and a WAL-mode header", (f, r) -> {
                    byte[] junk = new byte[32768];
                    r.nextBytes(junk);
                    Files.write(f.resolveSibling(f.getFileName() + "-wal"), junk);
                    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                        raf.seek(18);
                        raf.write(new byte[]{2, 2});
                    }
                }),
                new Crafted("real WAL with uncheckpointed changes", (f, r) -> {
                    Path copy = f.resolveSibling("copy.tmp");
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
                        st.execute("PRAGMA journal_mode=WAL");
                        st.execute("PRAGMA wal_autocheckpoint=0");
                        st.execute("INSERT INTO notes(target_kind, target_id, text, created_at) VALUES ('case', 0, 'x', 'now')");
                        // copy while open: the WAL is not checkpointed, as when the sender's process was killed
                        Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                        Files.copy(f.resolveSibling(f.getFileName() + "-wal"), f.resolveSibling("copy.tmp-wal"),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(copy, f, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(f.resolveSibling("copy.tmp-wal"), f.resolveSibling(f.getFileName() + "-wal"),
                            StandardCopyOption.REPLACE_EXISTING);
                    Files.deleteIfExists(f.resolveSibling(f.getFileName() + "-shm"));
                }),
                new Crafted("hot journal of a killed write", (f, r) -> {
                    Path copy = f.resolveSibling("copy.tmp");
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
                        st.execute("PRAGMA cache_size=5");
                        c.setAutoCommit(false);
                        st.execute("UPDATE events SET line = line + 1");
                        st.execute("DELETE FROM paths");
                        Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                        Files.copy(f.resolveSibling(f.getFileName() + "-journal"), f.resolveSibling("copy.tmp-journal"),
                                StandardCopyOption.REPLACE_EXISTING);
                        c.rollback();
                    }
                    Files.move(copy, f, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(f.resolveSibling("copy.tmp-journal"), f.resolveSibling(f.getFileName() + "-journal"),
                            StandardCopyOption.REPLACE_EXISTING);
                }));
    }

    private static Crafted sql(String name, String statement) {
        return new Crafted(name, (f, r) -> exec(f, statement));
    }

    private static void exec(Path f, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /** Overwrites {@code count} runs of bytes after the first page with random junk. */
    private static void damage(Path f, Random r, int from, int count) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            long length = raf.length();
            for (int i = 0; i < count && length > from; i++) {
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                raf.seek(from + (long) (r.nextDouble() * (length - from - junk.length)));
                raf.write(junk);
            }
        }
    }
}
