package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The replay table ({@code replay_chunks}): every stored event once more, packed by {@link ReplayChunkEncoder}
 * in chunks of a few thousand, written at import together with the events. A re-run of the detector reads these
 * few hundred rows per million events in order instead of joining seven tables per event, which is what made
 * re-tuning slow.
 *
 * <p>The chunks are a copy, never the record: when they do not cover every stored event (a case made before
 * they existed, an interrupted import, an event the events table refused), {@link #directory} says so and the
 * caller replays the events table instead. A replay from chunks gives the same events in the same order
 * (time, then id) as the events table.
 *
 * <p>Each chunk is sorted; chunks overlap in time only a little (events arrive almost in time order, several
 * sources of one case may interleave), so a merge with a handful of open chunks restores the global order. A
 * second thread reads and decodes the chunks ahead of the merge.
 */
final class ReplayChunks {

    /** Source id of chunks rebuilt from the events table: they mix sources. */
    static final int ALL_SOURCES = 0;
    /** More chunks open at once than this (a strangely ordered case) and the events table is replayed instead. */
    static final int MAX_OPEN_CHUNKS = 256;
    private static final int PREFETCH = 6;

    static final String INSERT_SQL = "INSERT INTO replay_chunks(source_id, events, first_us, first_id, last_us, "
            + "last_id, format, data) VALUES (?,?,?,?,?,?,?,?)";

    /** A chunk's row without its data. */
    record Info(long rowId, int sourceId, int events, long firstMicros, long firstId, long lastMicros, long lastId) {
    }

    private ReplayChunks() {
    }

    static void insert(PreparedStatement ps, ReplayChunkEncoder.Chunk chunk) throws SQLException {
        ps.setInt(1, chunk.sourceId());
        ps.setInt(2, chunk.events());
        ps.setLong(3, chunk.firstMicros());
        ps.setLong(4, chunk.firstId());
        ps.setLong(5, chunk.lastMicros());
        ps.setLong(6, chunk.lastId());
        ps.setInt(7, ReplayChunkEncoder.FORMAT);
        ps.setBytes(8, chunk.data());
        ps.executeUpdate();
    }

    /** Removes a source's chunks, and rebuilt ones that may hold its events. */
    static void deleteSource(Connection c, int sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM replay_chunks WHERE source_id IN (?, ?)")) {
            ps.setInt(1, sourceId);
            ps.setInt(2, ALL_SOURCES);
            ps.executeUpdate();
        }
    }

    /**
     * The chunks in merge order when they hold exactly the stored events: every source's own chunks as many
     * events as the source has, and the chunks packed from the events table ({@link #ALL_SOURCES}) as many as
     * the sources without chunks of their own. Else empty.
     */
    static Optional<List<Info>> directory(Connection c) throws SQLException {
        Map<Integer, Long> stored = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, events, status FROM sources")) {
            while (rs.next()) {
                if (SourceStatus.IMPORTING.name().equals(rs.getString(3))) {
                    return Optional.empty(); // being written right now
                }
                stored.put(rs.getInt(1), rs.getLong(2));
            }
        }
        List<Info> chunks = new ArrayList<>();
        Map<Integer, Long> packed = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, source_id, events, first_us, first_id, last_us, last_id, "
                     + "format FROM replay_chunks")) {
            while (rs.next()) {
                if (rs.getInt(8) != ReplayChunkEncoder.FORMAT) {
                    return Optional.empty(); // written by another version: not ours to read
                }
                Info i = new Info(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7));
                chunks.add(i);
                packed.merge(i.sourceId(), (long) i.events(), Long::sum);
            }
        }
        long withoutOwnChunks = 0;
        for (Map.Entry<Integer, Long> s : stored.entrySet()) {
            Long own = packed.get(s.getKey());
            if (own == null) {
                withoutOwnChunks += s.getValue();
            } else if (!own.equals(s.getValue())) {
                return Optional.empty();
            }
        }
        if (packed.getOrDefault(ALL_SOURCES, 0L) != withoutOwnChunks) {
            return Optional.empty();
        }
        for (Integer source : packed.keySet()) {
            if (source != ALL_SOURCES && !stored.containsKey(source)) {
                return Optional.empty(); // chunks of a source no longer in the case
            }
        }
        chunks.sort(Comparator.comparingLong(Info::firstMicros).thenComparingLong(Info::firstId));
        if (maxOverlap(chunks) > MAX_OPEN_CHUNKS) {
            return Optional.empty();
        }
        return Optional.of(chunks);
    }

    /** The most chunks whose key ranges overlap at one point: how many the merge holds open at most. */
    static int maxOverlap(List<Info> sortedByFirst) {
        PriorityQueue<long[]> ends = new PriorityQueue<>((a, b) -> compareKeys(a[0], a[1], b[0], b[1]));
        int max = 0;
        for (Info i : sortedByFirst) {
            while (!ends.isEmpty() && compareKeys(ends.peek()[0], ends.peek()[1], i.firstMicros(), i.firstId()) < 0) {
                ends.poll();
            }
            ends.add(new long[]{i.lastMicros(), i.lastId()});
            max = Math.max(max, ends.size());
        }
        return max;
    }

    static int compareKeys(long micros1, long id1, long micros2, long id2) {
        int c = Long.compare(micros1, micros2);
        return c != 0 ? c : Long.compare(id1, id2);
    }

    /**
     * Streams every event in time order (ties by id) to the sink; stops when it returns false. Returns the
     * number delivered.
     */
    static long replay(Connection c, List<Info> chunks, Predicate<? super Event> sink) {
        Prefetch prefetch = new Prefetch(c, chunks);
        prefetch.start();
        try {
            return merge(chunks, prefetch, sink);
        } finally {
            prefetch.stop();
        }
    }

    /** A decoded chunk being merged. */
    private static final class Cursor {
        final Event[] events;
        final long[] micros;
        int i;

        Cursor(ReplayChunkDecoder.Decoded d) {
            events = d.events();
            micros = d.micros();
        }

        int compareTo(Cursor o) {
            return compareKeys(micros[i], events[i].id(), o.micros[o.i], o.events[o.i].id());
        }
    }

    private static long merge(List<Info> chunks, Prefetch prefetch, Predicate<? super Event> sink) {
        PriorityQueue<Cursor> open = new PriorityQueue<>(Cursor::compareTo);
        int next = 0;
        long delivered = 0;
        while (true) {
            while (next < chunks.size() && (open.isEmpty() || firstKeyNotAfter(chunks.get(next), open.peek()))) {
                open.add(new Cursor(prefetch.take()));
                next++;
            }
            Cursor c = open.poll();
            if (c == null) {
                return delivered;
            }
            // deliver from this chunk while it stays first: up to the next open chunk's key or the next chunk
            Cursor other = open.peek();
            Info upcoming = next < chunks.size() ? chunks.get(next) : null;
            do {
                delivered++;
                if (!sink.test(c.events[c.i++])) {
                    return delivered;
                }
            } while (c.i < c.events.length && (other == null || c.compareTo(other) < 0)
                    && (upcoming == null || compareKeys(c.micros[c.i], c.events[c.i].id(), upcoming.firstMicros(),
                    upcoming.firstId()) < 0));
            if (c.i < c.events.length) {
                open.add(c);
            }
        }
    }

    private static boolean firstKeyNotAfter(Info chunk, Cursor c) {
        return compareKeys(chunk.firstMicros(), chunk.firstId(), c.micros[c.i], c.events[c.i].id()) <= 0;
    }

    /** Reads and decodes the chunks, in merge order, on a second thread a few chunks ahead of the merge. */
    private static final class Prefetch implements Runnable {
        private final Connection c;
        private final List<Info> chunks;
        private final BlockingQueue<Object> decoded = new ArrayBlockingQueue<>(PREFETCH);
        private volatile boolean stopped;
        private Thread thread;

        Prefetch(Connection c, List<Info> chunks) {
            this.c = c;
            this.chunks = chunks;
        }

        void start() {
            thread = new Thread(this, "ransomtrace-replay-reader");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM replay_chunks WHERE id = ?")) {
                for (Info i : chunks) {
                    if (stopped) {
                        return;
                    }
                    ps.setLong(1, i.rowId());
                    byte[] data;
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("replay chunk " + i.rowId() + " disappeared");
                        }
                        data = rs.getBytes(1);
                    }
                    hand(ReplayChunkDecoder.decode(data, i.events()));
                }
            } catch (SQLException | RuntimeException e) {
                hand(e);
            }
        }

        private void hand(Object item) {
            try {
                while (!stopped && !decoded.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    // the merge is busy delivering; wait for room
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * The next decoded chunk. An interrupt does not end the wait (the chunk is on its way): the sink decides
         * what an interrupt means, as in a replay of the events table.
         */
        ReplayChunkDecoder.Decoded take() {
            boolean interrupted = false;
            Object item = null;
            while (item == null) {
                try {
                    item = decoded.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (item instanceof ReplayChunkDecoder.Decoded d) {
                return d;
            }
            Throwable failure = (Throwable) item;
            throw new CaseStoreException("Failed replaying events from the case: " + failure.getMessage(), failure);
        }

        void stop() {
            stopped = true;
            decoded.clear();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
