package io.ransomtrace.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns paths into the {@code paths} table during an import, each with its parent directory's id.
 *
 * <p>Why not a UNIQUE index on the path text: a campaign creates a new path for almost every file it touches
 * (the file, then its encrypted name), and keeping a text index up to date row by row cost twice as much as
 * storing the events. Instead every path of the case is known by a 64-bit hash (16 bytes of memory each, no
 * text), recent paths by their text in a fixed-size cache, and a hash hit outside that cache is confirmed by
 * reading the row by id. The text index for queries is built once after the load.
 */
final class PathDictionary {
    private static final long ABSENT = -1;
    /** Longer paths (rare, and hostile when many) are looked up by hash and row instead of being cached. */
    private static final int CACHED_MAX_CHARS = 512;

    private final BatchInsert insert;
    private final PreparedStatement byId;
    private final LongLongMap idsByHash;
    private final RecentCache<String> recent;
    /** Paths whose hash collides with another path's (expected: none in practice; handled anyway). */
    private final Map<String, Long> collided = new HashMap<>();
    private long nextId;

    PathDictionary(Connection c, int recentCapacity) throws SQLException {
        insert = new BatchInsert(c, "INSERT INTO paths(id, path, parent_id)", 3, 256, (tag, why) -> {
            throw why; // ids are ours and there is no other constraint: a failure here is a broken case
        });
        byId = c.prepareStatement("SELECT path FROM paths WHERE id=?");
        recent = new RecentCache<>(recentCapacity);
        long count;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM paths")) {
            rs.next();
            count = rs.getLong(1);
            nextId = rs.getLong(2) + 1;
        }
        idsByHash = new LongLongMap((int) Math.min(Integer.MAX_VALUE / 4, count + 100_000));
        if (count > 0) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, path FROM paths")) {
                while (rs.next()) {
                    remember(rs.getString(2), rs.getLong(1));
                }
            }
        }
    }

    Long id(String path) throws SQLException {
        if (path == null) {
            return null;
        }
        long hash = hash64(path);
        long cached = recent.get(path, hash, ABSENT);
        if (cached != ABSENT) {
            return cached;
        }
        long candidate = idsByHash.get(hash, ABSENT);
        long id;
        if (candidate != ABSENT && path.equals(textOf(candidate))) {
            id = candidate;
        } else if (candidate != ABSENT && collided.containsKey(path)) {
            id = collided.get(path);
        } else {
            Long parent = id(CaseWriter.parentOf(path));
            id = nextId++;
            insert.add(new Object[]{id, path, parent}, null);
            remember(path, id);
        }
        if (path.length() <= CACHED_MAX_CHARS) {
            recent.put(path, hash, id); // a flood of very long paths must not fill the heap through the cache
        }
        return id;
    }

    private void remember(String path, long id) {
        long hash = hash64(path);
        if (idsByHash.get(hash, ABSENT) == ABSENT) {
            idsByHash.put(hash, id);
        } else {
            collided.put(path, id);
        }
    }

    private String textOf(long id) throws SQLException {
        insert.flush();
        byId.setLong(1, id);
        try (ResultSet rs = byId.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** FNV-1a over the UTF-16 code units, finished with a 64-bit mix: cheap and well spread. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Writes the paths still waiting in the batch; before every commit. */
    void flush() throws SQLException {
        insert.flush();
    }

    void close() throws SQLException {
        insert.close();
        byId.close();
    }
}
