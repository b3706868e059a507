package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Actor;
import io.ransomtrace.engine.model.ContentHint;
import io.ransomtrace.engine.model.Credentials;
import io.ransomtrace.engine.model.Event;
import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.OtherRecord;
import io.ransomtrace.engine.model.ProcessExec;
import io.ransomtrace.engine.model.ProcessExit;
import io.ransomtrace.engine.model.Provenance;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packs events into replay chunks: up to {@value #EVENTS_PER_CHUNK} events in one byte array that
 * {@link ReplayChunkDecoder} turns back into the very events a replay of the events table gives (same values,
 * sorted by time and id), without a join or a column read per value.
 *
 * <p>Each event is packed as it arrives, so the encoder holds bytes, not events (holding thousands of events
 * until a chunk is full kept them alive past young collections: a tenth more CPU for the whole import). Events
 * arrive almost in time order; a chunk that did not is marked unsorted and the decoder sorts it.
 *
 * <p>Layout (all integers are LEB128 varints, signed ones zig-zag encoded): the number of events; a flags byte
 * (1: the events are in time order); the chunk's strings, each once (length, UTF-8 bytes); its actors, each once
 * (pid, ppid, string references, ids); then per event its kind code, the id and the time as differences from the
 * previous event's, host, actor, provenance and the fields of its kind. A string reference is the string's index
 * + 1, 0 for null. Times are epoch microseconds, as in the events table.
 */
final class ReplayChunkEncoder {

    static final int FORMAT = 2;
    static final int EVENTS_PER_CHUNK = 4096;
    static final int FLAG_SORTED = 1;

    /** Native ids of auditd events ("1767600000.123:4501") are stored as numbers and rebuilt on reading. */
    static final int NATIVE_NONE = 0;
    static final int NATIVE_TEXT = 1;
    static final int NATIVE_AUDIT = 2;

    /** An encoded chunk with the smallest and largest key of its events (time in microseconds, then id). */
    record Chunk(int sourceId, int events, long firstMicros, long firstId, long lastMicros, long lastId, byte[] data) {
    }

    private final int sourceId;
    private final int capacity;
    private final Strings strings = new Strings();
    private final LongLongMap actorRefsById = new LongLongMap(1024);
    private final Map<Actor, Integer> actorIndex = new HashMap<>();
    private PackedWriter actors = new PackedWriter(256);
    private PackedWriter body = new PackedWriter(1 << 16);
    private int n;
    private boolean sorted;
    private long firstMicros;
    private long firstId;
    private long lastMicros;
    private long lastId;
    private long prevMicros;
    private long prevId;
    private long prevLine;
    private long prevOffset;
    private long prevSeconds;
    private long prevSerial;

    ReplayChunkEncoder(int sourceId) {
        this(sourceId, EVENTS_PER_CHUNK);
    }

    ReplayChunkEncoder(int sourceId, int capacity) {
        this.sourceId = sourceId;
        this.capacity = capacity;
        reset();
    }

    /** Adds an event stored with this time; returns the chunk it completed, or null. */
    Chunk add(Event e, long timeMicros) {
        return add(e, timeMicros, 0, 0, 0);
    }

    /**
     * Like {@link #add(Event, long)}, with the ids the events table gave the event's actor, path and target path
     * (0 for none): equal ids are equal values, which spares hashing and comparing them again.
     */
    Chunk add(Event e, long timeMicros, long actorId, long pathId, long targetPathId) {
        if (n == 0) {
            firstMicros = lastMicros = timeMicros;
            firstId = lastId = e.id();
        } else {
            if (compare(timeMicros, e.id(), prevMicros, prevId) < 0) {
                sorted = false;
            }
            if (compare(timeMicros, e.id(), firstMicros, firstId) < 0) {
                firstMicros = timeMicros;
                firstId = e.id();
            }
            if (compare(timeMicros, e.id(), lastMicros, lastId) > 0) {
                lastMicros = timeMicros;
                lastId = e.id();
            }
        }
        encode(e, timeMicros, actorId, pathId, targetPathId);
        n++;
        return n == capacity ? finish() : null;
    }

    /** The events added since the last chunk, as a chunk; null when there are none. */
    Chunk finish() {
        if (n == 0) {
            return null;
        }
        PackedWriter out = new PackedWriter(16 + strings.bytes.size() + actors.size() + body.size());
        out.varint(n);
        out.put(sorted ? FLAG_SORTED : 0);
        out.varint(strings.count);
        out.append(strings.bytes);
        out.varint(actorIndex.size());
        out.append(actors);
        out.append(body);
        Chunk chunk = new Chunk(sourceId, n, firstMicros, firstId, lastMicros, lastId, out.toArray());
        reset();
        return chunk;
    }

    int pending() {
        return n;
    }

    private void reset() {
        strings.clear();
        actorRefsById.clear();
        actorIndex.clear();
        actors = new PackedWriter(256);
        body = new PackedWriter(Math.max(1 << 16, body == null ? 0 : body.size()));
        n = 0;
        sorted = true;
        prevMicros = prevId = prevLine = prevOffset = prevSeconds = prevSerial = 0;
    }

    private static int compare(long micros1, long id1, long micros2, long id2) {
        int c = Long.compare(micros1, micros2);
        return c != 0 ? c : Long.compare(id1, id2);
    }

    private void encode(Event e, long t, long actorId, long pathId, long targetPathId) {
        EventKind kind = EventKind.of(e);
        body.put(kind.code());
        body.signed(e.id() - prevId);
        prevId = e.id();
        body.signed(t - prevMicros);
        prevMicros = t;
        body.varint(strings.ref(e.host()));
        int actorRef = actorId > 0 ? (int) actorRefsById.get(actorId, -1) : -1;
        if (actorRef < 0) {
            actorRef = actor(e.actor(), actorIndex, actors, strings);
            if (actorId > 0) {
                actorRefsById.put(actorId, actorRef);
            }
        }
        body.varint(actorRef);
        Provenance p = e.provenance();
        body.signed(p == null ? sourceId : p.sourceId());
        long line = p == null ? 0 : p.line();
        long offset = p == null ? 0 : p.byteOffset();
        body.signed(line - prevLine);
        body.signed(offset - prevOffset);
        prevLine = line;
        prevOffset = offset;
        String nativeId = p == null ? null : p.nativeId();
        long[] audit = nativeId == null ? null : auditSerial(nativeId);
        if (nativeId == null) {
            body.put(NATIVE_NONE);
        } else if (audit != null) {
            body.put(NATIVE_AUDIT);
            body.signed(audit[0] - prevSeconds);
            body.varint(audit[1]);
            body.signed(audit[2] - prevSerial);
            prevSeconds = audit[0];
            prevSerial = audit[2];
        } else {
            body.put(NATIVE_TEXT);
            body.varint(strings.ref(nativeId));
        }
        if (e instanceof FileOp f) {
            body.varint(strings.ref(pathId, f.path()));
            body.varint(strings.ref(targetPathId, f.targetPath()));
            body.signed(f.openFlags());
            body.signed(f.mode());
            body.put(f.success() ? 1 : 0);
            body.signed(f.inode());
            ContentHint h = f.contentHint();
            if (h == null) {
                body.put(0);
            } else {
                body.put(h.entropy() == null ? 1 : 2);
                if (h.entropy() != null) {
                    body.fixed64(Double.doubleToRawLongBits(h.entropy()));
                }
                body.varint(strings.ref(h.headerBytesHex()));
                body.varint(strings.ref(h.originalExtension()));
                body.varint(strings.ref(h.textExcerpt()));
            }
        } else if (e instanceof ProcessExec x) {
            List<String> argv = x.argv();
            body.varint(argv.size());
            for (String a : argv) {
                body.varint(strings.ref(a));
            }
            body.put((x.argvTruncated() ? 1 : 0) | (x.success() ? 2 : 0));
            body.varint(strings.ref(x.cwd()));
            body.varint(strings.ref(x.tty()));
            body.varint(strings.ref(x.parentEntityId()));
        } else if (e instanceof ProcessExit x) {
            body.varint(x.exitCode() == null ? 0 : PackedWriter.zigzag(x.exitCode()) + 1);
        } else if (e instanceof OtherRecord o) {
            // as the events table keeps them: no type is stored as "", fields in key order
            body.varint(strings.ref(o.type() == null ? "" : o.type()));
            body.varint(strings.ref(o.summary()));
            Map<String, String> fields = o.fields().size() > 1 ? new TreeMap<>(o.fields()) : o.fields();
            body.varint(fields.size());
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.varint(strings.ref(f.getKey()));
                body.varint(strings.ref(f.getValue()));
            }
        }
    }

    /** Actors as the events table keeps them: none (null or {@link Actor#NONE}) is 0, else index + 1. */
    private static int actor(Actor a, Map<Actor, Integer> index, PackedWriter out, Strings strings) {
        if (a == null || a.equals(Actor.NONE)) {
            return 0;
        }
        Integer known = index.get(a);
        if (known != null) {
            return known;
        }
        int ref = index.size() + 1;
        index.put(a, ref);
        out.signed(a.pid());
        out.signed(a.ppid());
        out.varint(strings.ref(a.exe()));
        out.varint(strings.ref(a.comm()));
        Credentials c = a.credentials();
        out.signed(c.uid());
        out.signed(c.euid());
        out.signed(c.gid());
        out.signed(c.loginUid());
        out.signed(c.session());
        out.varint(strings.ref(c.user()));
        out.varint(strings.ref(c.loginUser()));
        out.varint(strings.ref(a.entityId()));
        return ref;
    }

    /**
     * The parts of an auditd event's native id "SECONDS.MILLIS:SERIAL", or null when the text is anything else
     * (or would not be rebuilt exactly: leading zeros, a sign, other millisecond widths).
     */
    static long[] auditSerial(String s) {
        int dot = s.indexOf('.');
        int colon = s.indexOf(':', dot + 1);
        if (dot <= 0 || colon != dot + 4 || colon == s.length() - 1) {
            return null;
        }
        long seconds = digits(s, 0, dot);
        long millis = digits(s, dot + 1, colon);
        long serial = digits(s, colon + 1, s.length());
        if (seconds < 0 || millis < 0 || serial < 0) {
            return null;
        }
        if ((s.charAt(0) == '0' && dot > 1) || (s.charAt(colon + 1) == '0' && colon + 2 < s.length())) {
            return null; // leading zeros would not come back
        }
        return new long[]{seconds, millis, serial};
    }

    private static long digits(String s, int from, int to) {
        if (to - from > 18 || to <= from) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The chunk's string table: each distinct string once, in order of first use. */
    private static final class Strings {
        final Map<String, Integer> index = new HashMap<>(1024);
        final LongLongMap pathRefs = new LongLongMap(8192);
        PackedWriter bytes = new PackedWriter(16_384);
        int count;

        void clear() {
            index.clear();
            pathRefs.clear();
            bytes = new PackedWriter(Math.max(16_384, bytes.size()));
            count = 0;
        }

        /** A path's reference by the id of its row in the paths table (0: not known, by its text). */
        int ref(long pathId, String path) {
            if (pathId <= 0 || path == null) {
                return ref(path);
            }
            long known = pathRefs.get(pathId, -1);
            if (known >= 0) {
                return (int) known;
            }
            int ref = ++count;
            pathRefs.put(pathId, ref);
            bytes.string(path);
            return ref;
        }

        int ref(String s) {
            if (s == null) {
                return 0;
            }
            Integer known = index.get(s);
            if (known != null) {
                return known;
            }
            int ref = ++count;
            index.put(s, ref);
            bytes.string(s);
            return ref;
        }
    }
}
