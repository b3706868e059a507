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

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a chunk written by {@link ReplayChunkEncoder} back into its events, in their stored order. */
final class ReplayChunkDecoder {

    /** A chunk that does not decode: the case file is damaged (the caller replays from the events table). */
    static final class DamagedChunkException extends RuntimeException {
        DamagedChunkException(String message) {
            super(message);
        }
    }

    private final PackedReader in;

    private ReplayChunkDecoder(byte[] b) {
        this.in = new PackedReader(b);
    }

    /** The events of the chunk, each with its time in microseconds ({@code micros[i]} for {@code events[i]}). */
    record Decoded(Event[] events, long[] micros) {
    }

    static Decoded decode(byte[] data, int expectedEvents) {
        try {
            Decoded d = new ReplayChunkDecoder(data).read();
            if (d.events().length != expectedEvents) {
                throw new DamagedChunkException("a replay chunk holds " + d.events().length + " events, its row says "
                        + expectedEvents);
            }
            return d;
        } catch (IndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new DamagedChunkException("a replay chunk does not decode: " + e);
        }
    }

    private Decoded read() {
        int n = (int) in.varint();
        boolean sorted = (in.get() & ReplayChunkEncoder.FLAG_SORTED) != 0;
        String[] strings = new String[(int) in.varint() + 1]; // [0] is null
        for (int i = 1; i < strings.length; i++) {
            strings[i] = in.string();
        }
        Actor[] actors = new Actor[(int) in.varint() + 1];
        actors[0] = Actor.NONE;
        for (int i = 1; i < actors.length; i++) {
            int pid = (int) in.signed();
            int ppid = (int) in.signed();
            String exe = strings[(int) in.varint()];
            String comm = strings[(int) in.varint()];
            Credentials c = new Credentials(in.signed(), in.signed(), in.signed(), in.signed(), in.signed(), strings[(int) in.varint()],
                    strings[(int) in.varint()]);
            actors[i] = new Actor(pid, ppid, exe, comm, c, strings[(int) in.varint()]);
        }
        Event[] events = new Event[n];
        long[] micros = new long[n];
        long id = 0;
        long t = 0;
        long line = 0;
        long offset = 0;
        long seconds = 0;
        long serial = 0;
        for (int k = 0; k < n; k++) {
            EventKind kind = EventKind.fromCode(in.get());
            id += in.signed();
            t += in.signed();
            Instant time = Times.fromMicros(t);
            String host = strings[(int) in.varint()];
            Actor actor = actors[(int) in.varint()];
            int sourceId = (int) in.signed();
            line += in.signed();
            offset += in.signed();
            String nativeId;
            switch (in.get()) {
                case ReplayChunkEncoder.NATIVE_NONE -> nativeId = null;
                case ReplayChunkEncoder.NATIVE_TEXT -> nativeId = strings[(int) in.varint()];
                case ReplayChunkEncoder.NATIVE_AUDIT -> {
                    seconds += in.signed();
                    long millis = in.varint();
                    serial += in.signed();
                    nativeId = auditId(seconds, millis, serial);
                }
                default -> throw new DamagedChunkException("unknown native id tag");
            }
            Provenance prov = new Provenance(sourceId, line, offset, nativeId);
            events[k] = switch (kind) {
                case EXEC -> exec(id, time, host, actor, strings, prov);
                case EXIT -> {
                    long code = in.varint(); // 0 for none, else the zig-zagged code + 1
                    long zz = code - 1;
                    yield new ProcessExit(id, time, host, actor, code == 0 ? null : (int) ((zz >>> 1) ^ -(zz & 1)), prov);
                }
                case OTHER -> other(id, time, host, actor, strings, prov);
                default -> fileOp(kind, id, time, host, actor, strings, prov);
            };
            micros[k] = t;
        }
        if (!in.atEnd()) {
            throw new DamagedChunkException("a replay chunk has " + in.remaining() + " bytes left over");
        }
        return sorted ? new Decoded(events, micros) : sortByTimeAndId(events, micros);
    }

    private FileOp fileOp(EventKind kind, long id, Instant time, String host, Actor actor, String[] strings,
                          Provenance prov) {
        String path = strings[(int) in.varint()];
        String target = strings[(int) in.varint()];
        int flags = (int) in.signed();
        int mode = (int) in.signed();
        boolean success = in.get() != 0;
        long inode = in.signed();
        ContentHint hint = null;
        int tag = in.get();
        if (tag != 0) {
            Double entropy = tag == 2 ? Double.longBitsToDouble(in.fixed64()) : null;
            hint = new ContentHint(entropy, strings[(int) in.varint()], strings[(int) in.varint()], strings[(int) in.varint()]);
        }
        return new FileOp(id, time, host, actor, kind.fileOpKind(), path, target, flags, mode, success, inode, hint,
                prov);
    }

    private ProcessExec exec(long id, Instant time, String host, Actor actor, String[] strings, Provenance prov) {
        String[] argv = new String[(int) in.varint()];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = strings[(int) in.varint()];
        }
        int bits = in.get();
        String cwd = strings[(int) in.varint()];
        String tty = strings[(int) in.varint()];
        String parentEntityId = strings[(int) in.varint()];
        return new ProcessExec(id, time, host, actor, Arrays.asList(argv), (bits & 1) != 0, cwd, tty, parentEntityId,
                (bits & 2) != 0, prov);
    }

    private OtherRecord other(long id, Instant time, String host, Actor actor, String[] strings, Provenance prov) {
        String type = strings[(int) in.varint()];
        String summary = strings[(int) in.varint()];
        int count = (int) in.varint();
        Map<String, String> fields = count == 0 ? Map.of() : new LinkedHashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            fields.put(strings[(int) in.varint()], strings[(int) in.varint()]);
        }
        return new OtherRecord(id, time, host, actor, type, summary, fields, prov);
    }

    /** A chunk whose events did not arrive in time order, put in (time, id) order as a replay delivers them. */
    private static Decoded sortByTimeAndId(Event[] events, long[] micros) {
        Integer[] order = new Integer[events.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Long.compare(micros[a], micros[b]);
            return c != 0 ? c : Long.compare(events[a].id(), events[b].id());
        });
        Event[] e = new Event[events.length];
        long[] m = new long[events.length];
        for (int i = 0; i < order.length; i++) {
            e[i] = events[order[i]];
            m[i] = micros[order[i]];
        }
        return new Decoded(e, m);
    }

    /** The text auditd's importer gives an event's native id (see AuditRecord#nativeId). */
    static String auditId(long seconds, long millis, long serial) {
        StringBuilder sb = new StringBuilder(32).append(seconds).append('.');
        if (millis < 100) sb.append('0');
        if (millis < 10) sb.append('0');
        return sb.append(millis).append(':').append(serial).toString();
    }
}
