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
 *
 * <p>Memory stays bounded: past {@link #MAX_HASHED} paths (a log of many gigabytes whose campaign renamed millions
 * of files) the hashes are given up for the text index, built then and kept up to date from there on, and a
 * fixed-size Bloom filter of every path seen, which spares the index look-up for nearly every new path. Slower
 * per new path, the same paths and ids.
 */
final class PathDictionary {
    /** Paths known by hash at most: ~32 MB of hash table (48 MB while it grows). */
    static final int MAX_HASHED = 1 << 20;
    private static final long ABSENT = -1;
    /** 2^28 bits = 32 MB: under 1 % false positives up to ~25 million paths, 10 % at ~50 million. */
    private static final int BLOOM_BITS_LOG2 = 28;
    private static final int PENDING_FLUSH = 4096;
    /** Longer paths (rare, and hostile when many) are looked up by hash and row instead of being cached. */
    private static final int CACHED_MAX_CHARS = 512;

    private final Connection c;
    private final int maxHashed;
    private final BatchInsert insert;
    private final PreparedStatement byId;
    private LongLongMap idsByHash;
    private final RecentCache<String> recent;
    /** Paths whose hash collides with another path's (expected: none in practice; handled anyway). */
    private final Map<String, Long> collided = new HashMap<>();
    private long nextId;

    /** Past the cap: the text index answers, the Bloom filter says which paths it need not be asked about. */
    private long[] bloom;
    private PreparedStatement byPath;
    /** Paths added since the last flush of the batch, which the index cannot see yet. */
    private final Map<String, Long> pending = new HashMap<>();

    PathDictionary(Connection c, int recentCapacity) throws SQLException {
        this(c, recentCapacity, MAX_HASHED);
    }

    PathDictionary(Connection c, int recentCapacity, int maxHashed) throws SQLException {
        this.c = c;
        this.maxHashed = maxHashed;
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
        if (count >= maxHashed) {
            bloom = new long[1 << (BLOOM_BITS_LOG2 - 6)];
        } else {
            idsByHash = new LongLongMap((int) Math.min(maxHashed, count + 100_000));
        }
        if (count > 0) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, path FROM paths")) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    remember(text, hash64(text), rs.getLong(1));
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
        long id = bloom == null ? hashed(path, hash) : indexed(path, hash);
        if (path.length() <= CACHED_MAX_CHARS) {
            recent.put(path, hash, id); // a flood of very long paths must not fill the heap through the cache
        }
        return id;
    }

    private long hashed(String path, long hash) throws SQLException {
        long candidate = idsByHash.get(hash, ABSENT);
        if (candidate != ABSENT && path.equals(textOf(candidate))) {
            return candidate;
        }
        if (candidate != ABSENT && collided.containsKey(path)) {
            return collided.get(path);
        }
        return add(path, hash);
    }

    private long indexed(String path, long hash) throws SQLException {
        Long waiting = pending.get(path);
        if (waiting != null) {
            return waiting;
        }
        if (mayContain(hash)) {
            byPath.setString(1, path);
            try (ResultSet rs = byPath.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return add(path, hash);
    }

    private long add(String path, long hash) throws SQLException {
        Long parent = id(CaseWriter.parentOf(path));
        long id = nextId++;
        insert.add(new Object[]{id, path, parent}, null);
        remember(path, hash, id);
        if (bloom != null) {
            // not in the table until the batch is written: the index cannot find it before that
            pending.put(path, id);
            if (pending.size() >= PENDING_FLUSH) {
                insert.flush();
                pending.clear();
            }
        }
        return id;
    }

    /** @param hash {@link #hash64} of {@code path}, which the caller has already worked out */
    private void remember(String path, long hash, long id) throws SQLException {
        if (bloom != null) {
            addToBloom(hash);
            return;
        }
        if (idsByHash.get(hash, ABSENT) == ABSENT) {
            idsByHash.put(hash, id);
        } else {
            collided.put(path, id);
        }
        if (idsByHash.size() >= maxHashed) {
            switchToIndex();
        }
    }

    /**
     * Gives up the hashes for the text index and the Bloom filter (filled from the hashes, which is all it needs).
     */
    private void switchToIndex() throws SQLException {
        bloom = new long[1 << (BLOOM_BITS_LOG2 - 6)];
        idsByHash.forEachKey(this::addToBloom);
        for (String p : collided.keySet()) {
            addToBloom(hash64(p));
        }
        idsByHash = null;
        collided.clear();
        insert.flush();
        ensureIndex();
    }

    private void ensureIndex() throws SQLException {
        if (byPath == null) {
            try (Statement st = c.createStatement()) {
                st.execute(CaseSchema.EVENT_INDEXES.stream().filter(i -> i.name().equals("paths_path")).findFirst()
                        .orElseThrow().createSql());
            }
            byPath = c.prepareStatement("SELECT id FROM paths WHERE path=?");
        }
    }

    /** In the Bloom filter's mode: the index exists (an import may have dropped it since the dictionary was made). */
    void beforeLoad() throws SQLException {
        if (bloom != null) {
            ensureIndex();
        }
    }

    private void addToBloom(long hash) {
        int mask = (1 << BLOOM_BITS_LOG2) - 1;
        long h = hash;
        for (int k = 0; k < 5; k++) {
            int bit = (int) h & mask;
            bloom[bit >>> 6] |= 1L << bit;
            h = Long.rotateRight(h, 13) * 0x9E3779B97F4A7C15L;
        }
    }

    private boolean mayContain(long hash) {
        int mask = (1 << BLOOM_BITS_LOG2) - 1;
        long h = hash;
        for (int k = 0; k < 5; k++) {
            int bit = (int) h & mask;
            if ((bloom[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
            h = Long.rotateRight(h, 13) * 0x9E3779B97F4A7C15L;
        }
        return true;
    }

    /** True once the dictionary answers from the text index (past {@link #MAX_HASHED} paths). */
    boolean indexed() {
        return bloom != null;
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
        pending.clear();
    }

    void close() throws SQLException {
        insert.close();
        byId.close();
        if (byPath != null) {
            byPath.close();
        }
    }
}
